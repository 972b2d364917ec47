// Lints a folder of third-party manifests and prints what each rule found there, with every
// error-level finding listed for review: `npm run check:corpus -- ../shared/corpus`.
import path from 'node:path';
import { collectFiles } from '../server/src/cli/collect-files';
import { lintFiles } from '../server/src/cli/lint';
import { DEFAULT_CONFIG } from '../server/src/engine/config';

async function main(corpus: string | undefined): Promise<void> {
  if (!corpus) throw new Error('Give the corpus folder: npm run check:corpus -- <path>');
  const started = performance.now();
  const results = await lintFiles(await collectFiles([corpus], process.cwd()), DEFAULT_CONFIG);
  const elapsed = performance.now() - started;
  const counts = new Map<string, number>();
  for (const { findings } of results) {
    for (const finding of findings) {
      const key = `${finding.ruleId} (${finding.severity})`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  console.log(`${results.length} files linted in ${elapsed.toFixed(0)} ms\n`);
  console.log('| rule (severity) | findings |\n| --- | --- |');
  for (const [key, count] of [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    console.log(`| ${key} | ${count} |`);
  }
  console.log('\nError-level findings:');
  for (const { file, findings } of results) {
    for (const finding of findings.filter((candidate) => candidate.severity === 'error')) {
      console.log(`${path.relative(corpus, file)}:${finding.range.start.line + 1} ${finding.ruleId}: ${finding.message}`);
    }
  }
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
