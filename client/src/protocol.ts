/*
 * What the client and the server agree on, without importing the server: test/client checks
 * these against server/src/lsp.
 */

/** The `source` of the server's diagnostics, which sets them apart from other extensions'. */
export const DIAGNOSTIC_SOURCE = 'kube-stateful';

/** The request answered with the JSON Schema of the checked kinds. */
export const JSON_SCHEMA_REQUEST = 'kubeStateful/jsonSchema';

/** The request answered with the manifest a chart renders to, for any file of the chart. */
export const RENDERED_MANIFEST_REQUEST = 'kubeStateful/renderedManifest';

/** Sent by the server after each render of a chart, with the chart folder's `rootUri`. */
export const RENDERED_MANIFEST_CHANGED = 'kubeStateful/renderedManifestChanged';

/** The request answered with what a kustomization builds, or the kustomizations that use a file to pick from. */
export const BUILT_MANIFEST_REQUEST = 'kubeStateful/builtManifest';

/** Sent by the server after each build of a kustomization, with its file as `kustomization`. */
export const BUILT_MANIFEST_CHANGED = 'kubeStateful/builtManifestChanged';

/** The command of a code lens that shows a place, with its URI and LSP range as arguments. */
export const REVEAL_LOCATION_COMMAND = 'kubeStateful.revealLocation';

/** The command of a code lens that opens the quick fixes at a place, with its URI and LSP range as arguments. */
export const QUICK_FIX_COMMAND = 'kubeStateful.showQuickFixes';

/** The request answered with a file's text at a revision, for a `kube-stateful-git:` URI. */
export const COMMITTED_TEXT_REQUEST = 'kubeStateful/committedText';

/** The scheme of the read-only committed versions that related information points to. */
export const COMMITTED_SCHEME = 'kube-stateful-git';

/** The server's request, for a folder not on its disk, for its YAML files: `{ folderUri, max }`, answered with URIs. */
export const FIND_YAML_FILES_REQUEST = 'kubeStateful/findYamlFiles';

/** The server's request for the text of a file not on its disk: `{ uri, maxBytes }`. */
export const READ_FILE_REQUEST = 'kubeStateful/readFile';

/** The server's request whether a URI not on its disk names a folder: `{ uri }`. */
export const IS_FOLDER_REQUEST = 'kubeStateful/isFolder';

/** The server's request for the files below a folder not on its disk that match a glob: `{ folderUri, pattern, max }`. */
export const FIND_FILES_REQUEST = 'kubeStateful/findFiles';

/** Sent by the server while it indexes the workspace, with `indexed` and `total` file counts, and `done` at the end. */
export const INDEX_PROGRESS_NOTIFICATION = 'kubeStateful/indexProgress';
