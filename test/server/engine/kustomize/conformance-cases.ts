import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { filesFromMap, type BuildFiles } from '../../../../server/src/engine/kustomize/files';
import { readFolder } from '../../../../scripts/read-folder';

/** kustomize's own krusty test cases, read where they lie beside the repository (never copied into it). */
export const CONFORMANCE = path.resolve(__dirname, '..', '..', '..', '..', '..', 'shared', 'kustomize-conformance');

export interface ConformanceCase {
  readonly name: string;
  /** The folder the upstream test builds, as a file URI. */
  readonly buildFolder: string;
  readonly files: BuildFiles;
  readonly expected: string;
  readonly fields: string;
}

/** The cases of INDEX.tsv, each with its files as the build reads them. */
export function conformanceCases(): ConformanceCase[] {
  const lines = readFileSync(path.join(CONFORMANCE, 'INDEX.tsv'), 'utf8').split('\n').filter((line) => line !== '' && !line.startsWith('#'));
  const [header, ...rows] = lines.map((line) => line.split('\t'));
  const column = (row: string[], name: string) => row[header.indexOf(name)];
  return rows.map((row) => {
    const name = column(row, 'case');
    const root = path.join(CONFORMANCE, name);
    const texts = new Map<string, string>();
    for (const [relative, text] of readFolder(root)) if (relative !== 'expected.yaml') texts.set(pathToFileURL(path.join(root, relative)).href, text);
    const buildFolder = pathToFileURL(path.join(root, column(row, 'build_dir'))).href.replace(/\/$/, '');
    return { name, buildFolder, files: filesFromMap(texts), expected: readFileSync(path.join(root, 'expected.yaml'), 'utf8'), fields: column(row, 'kustomization_fields;extra_features') };
  });
}
