import { parseAllDocuments } from 'yaml';
import { OriginMap } from '../../../../server/src/engine/derived/origin-map';
import { buildKustomization, type BuildOptions, type KustomizeBuild } from '../../../../server/src/engine/kustomize/build';
import { filesFromMap } from '../../../../server/src/engine/kustomize/files';

export const ROOT = 'file:///repo';

/** A build of `folder` over files given by path below the repository root. */
export function buildOf(files: Record<string, string>, folder = '.', options?: BuildOptions): KustomizeBuild {
  const texts = new Map(Object.entries(files).map(([path, text]) => [`${ROOT}/${path}`, text]));
  return buildKustomization(filesFromMap(texts), folder === '.' ? ROOT : `${ROOT}/${folder}`, options);
}

/** The built objects as plain data. */
export function objectsOf(build: KustomizeBuild): Record<string, any>[] {
  return parseAllDocuments(build.text.text).map((document) => document.toJS());
}

/**
 * Where the `occurrence`-th appearance of `needle` in the output was written: the file (by path)
 * and the text there, then the related steps' files and texts.
 */
export function writtenAt(build: KustomizeBuild, files: Record<string, string>, needle: string, occurrence = 1): { at: string; related: string[] } {
  const output = build.text.text;
  let index = -1;
  for (let seen = 0; seen < occurrence; seen++) index = output.indexOf(needle, index + 1);
  if (index < 0) throw new Error(`'${needle}' is not in the output`);
  const read = (uri: string) => files[uri.slice(ROOT.length + 1)];
  const written = new OriginMap(build.text, read).writtenAt(index, index + needle.length);
  if (!written) throw new Error(`'${needle}' has no origin`);
  const show = (span: { uri: string; start: number; end: number }) => `${span.uri.slice(ROOT.length + 1)}: ${read(span.uri)?.slice(span.start, span.end)}`;
  return { at: show(written.primary), related: written.related.map((step) => `${step.message} @ ${show(step.span)}`) };
}
