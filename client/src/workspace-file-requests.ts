import { FileType, RelativePattern, Uri, workspace, type Disposable } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { FIND_FILES_REQUEST, FIND_YAML_FILES_REQUEST, IS_FOLDER_REQUEST, READ_FILE_REQUEST } from './protocol';

type ReadAnswer = { kind: 'text'; text: string } | { kind: 'oversized'; bytes: number } | { kind: 'unreadable'; reason: string };

/** The names the server indexes, as the desktop's search finds them; it applies `kubeStateful.exclude` itself. */
const YAML_FILES = '{**/*.yaml,**/*.yml,**/Kustomization}';
const ALWAYS_EXCLUDED = '{**/node_modules/**,**/.git/**}';

/**
 * Answers the server's questions about the workspace files it cannot read itself (all of them
 * for the browser's server, a virtual workspace's for the desktop's) through `workspace.findFiles`
 * and `workspace.fs`, which reach whatever file system the workspace is on. Changes reach the
 * server through the file watchers it registers, as on disk.
 */
export function answerFileRequests(client: BaseLanguageClient): Disposable[] {
  return [
    client.onRequest(FIND_YAML_FILES_REQUEST, async (params: { folderUri: string; max: number }) => {
      const found = await workspace.findFiles(new RelativePattern(Uri.parse(params.folderUri), YAML_FILES), ALWAYS_EXCLUDED, params.max);
      return found.map((uri) => uri.toString());
    }),
    client.onRequest(FIND_FILES_REQUEST, async (params: { folderUri: string; pattern: string; max: number }) => {
      const found = await workspace.findFiles(new RelativePattern(Uri.parse(params.folderUri), params.pattern), ALWAYS_EXCLUDED, params.max);
      return found.map((uri) => uri.toString());
    }),
    client.onRequest(READ_FILE_REQUEST, (params: { uri: string; maxBytes: number }) => readFile(Uri.parse(params.uri), params.maxBytes)),
    client.onRequest(IS_FOLDER_REQUEST, async (params: { uri: string }) => {
      const stat = await Promise.resolve(workspace.fs.stat(Uri.parse(params.uri))).catch(() => undefined);
      return stat !== undefined && (stat.type & FileType.Directory) !== 0;
    }),
  ];
}

/** A file's text, unless it is no regular file or over the server's size limit; a byte order mark is dropped, as editors drop it. */
async function readFile(uri: Uri, maxBytes: number): Promise<ReadAnswer> {
  try {
    const stat = await workspace.fs.stat(uri);
    if ((stat.type & FileType.File) === 0) return { kind: 'unreadable', reason: 'not a regular file' };
    if (stat.size > maxBytes) return { kind: 'oversized', bytes: stat.size };
    const text = new TextDecoder().decode(await workspace.fs.readFile(uri));
    return { kind: 'text', text: text.startsWith('\ufeff') ? text.slice(1) : text };
  } catch (error) {
    return { kind: 'unreadable', reason: error instanceof Error ? error.name : String(error) };
  }
}
