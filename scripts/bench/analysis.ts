// Measurement 1: the floor, `yaml.parseAllDocuments`, against the engine's whole analysis.
import { parseAllDocuments } from 'yaml';
import { analyze } from '../../server/src/engine/analyze';
import { Workspace } from '../../server/src/engine/workspace/workspace';
import type { AnalysisRow } from './results';
import { elapsed, sample, type Repetitions } from './timing';

export interface SizedInput {
  lines: number;
  file: string;
  uri: string;
  text: string;
}

export async function measureAnalysis(inputs: readonly SizedInput[], repetitions: Repetitions): Promise<AnalysisRow[]> {
  const rows: AnalysisRow[] = [];
  for (const { lines, uri, text } of inputs) {
    const parse = await sample(repetitions, () => elapsed(() => parseAllDocuments(text)));
    const engine = await sample(repetitions, () =>
      elapsed(() => {
        const workspace = new Workspace();
        workspace.set(uri, text);
        analyze(workspace, uri);
      }),
    );
    const documents = parseAllDocuments(text).length;
    rows.push({ lines, documents, bytes: Buffer.byteLength(text), parse, engine });
  }
  return rows;
}
