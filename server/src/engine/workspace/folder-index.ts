/**
 * The folders that hold the workspace's files, counted so that adding and removing files keeps
 * it current: builds ask whether a path is a folder once per resource they read, and a scan of
 * every file for each question grows with builds times files.
 */
export class FolderIndex {
  private readonly files = new Map<string, number>();

  add(uri: string): void {
    for (const folder of foldersAbove(uri)) this.files.set(folder, (this.files.get(folder) ?? 0) + 1);
  }

  remove(uri: string): void {
    for (const folder of foldersAbove(uri)) {
      const left = (this.files.get(folder) ?? 1) - 1;
      if (left > 0) this.files.set(folder, left);
      else this.files.delete(folder);
    }
  }

  /** Whether some file lies below `uri` (a URI without a trailing slash). */
  has(uri: string): boolean {
    return this.files.has(uri);
  }
}

/** `file:///a/b/c.yaml` → `file:///a/b`, `file:///a`; the scheme's root is no folder of the workspace. */
function* foldersAbove(uri: string): Generator<string> {
  const root = uri.indexOf('://') + 2;
  for (let slash = uri.lastIndexOf('/'); slash > root; slash = uri.lastIndexOf('/', slash - 1)) yield uri.slice(0, slash);
}
