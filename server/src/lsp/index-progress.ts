import type { Connection, WorkDoneProgressServerReporter } from 'vscode-languageserver';

/** Sent while the workspace is indexed: `{ indexed, total }`, then `{ indexed, total, done: true }` once. */
export const INDEX_PROGRESS_NOTIFICATION = 'kubeStateful/indexProgress';

export interface IndexProgressParams {
  indexed: number;
  total: number;
  done?: boolean;
}

/** Reports per step of this share of the files at most, so that 20,000 files make a hundred messages, not thousands. */
const REPORT_STEP = 0.01;

/** `3,200 / 20,000 files`: the count as people read it, whatever the server's locale. */
export function indexCountText(indexed: number, total: number): string {
  return `${indexed.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} files`;
}

/**
 * How far indexing got, told twice: as LSP work-done progress, which any editor shows, and as
 * a notification of our own with the bare counts, which the extension's status bar item reads
 * (a client sees the progress of a token the server created only as a popup it draws itself).
 */
export class IndexProgress {
  private reported = -1;

  private constructor(
    private readonly connection: Connection,
    private readonly reporter: WorkDoneProgressServerReporter | undefined,
    private readonly total: number,
  ) {}

  static async begin(connection: Connection, withWorkDone: boolean, total: number): Promise<IndexProgress> {
    const reporter = withWorkDone ? await connection.window.createWorkDoneProgress() : undefined;
    reporter?.begin('Kube Stateful: indexing YAML files', 0, indexCountText(0, total), true);
    const progress = new IndexProgress(connection, reporter, total);
    progress.notify({ indexed: 0, total });
    return progress;
  }

  get cancelled(): boolean {
    return this.reporter?.token.isCancellationRequested ?? false;
  }

  report(indexed: number): void {
    if (this.total === 0 || (indexed < this.total && indexed - this.reported < this.total * REPORT_STEP)) return;
    this.reported = indexed;
    this.reporter?.report(Math.round((indexed / this.total) * 100), indexCountText(indexed, this.total));
    this.notify({ indexed, total: this.total });
  }

  done(indexed: number): void {
    this.reporter?.done();
    this.notify({ indexed, total: this.total, done: true });
  }

  private notify(params: IndexProgressParams): void {
    void this.connection.sendNotification(INDEX_PROGRESS_NOTIFICATION, params);
  }
}
