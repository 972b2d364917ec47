import { writeFileSync } from 'node:fs';
import { fileUri, type LspSession } from './lsp-session';

const PROBE = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: probe
spec:
  serviceName: probe
  replicas: three
  selector:
    matchLabels:
      app: probe
  template:
    metadata:
      labels:
        app: probe
    spec:
      containers:
        - name: probe
          image: busybox:1.37
`;
const REPLICAS_LINE = 6;
const ATTEMPTS = 40;

/**
 * Opens a StatefulSet whose `replicas` is a word until the server reports that line, which only
 * a schema can tell it, and returns the message. The server reads its settings after
 * `initialized`, so the first attempts may come before it knows the schema.
 */
export async function schemaDiagnostic(session: LspSession, file: string): Promise<string> {
  writeFileSync(file, PROBE);
  const uri = fileUri(file);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const { diagnostics } = await session.open(uri, PROBE);
    await session.close(uri);
    const onReplicas = diagnostics.find((diagnostic) => diagnostic.range.start.line === REPLICAS_LINE);
    if (onReplicas) return typeof onReplicas.message === 'string' ? onReplicas.message : onReplicas.message.value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${session.command.name} never reported the schema error in ${file}: it does not validate with our schema, so the comparison would not be fair.`);
}
