import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { EditorEnvironment } from './environment';

export interface SessionOptions {
  /** Keep Workspace Trust on and leave the folder untrusted, so that it opens in Restricted Mode. */
  restricted?: boolean;
}

/** User settings that keep the workbench quiet and the same from run to run. */
const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'editor.acceptSuggestionOnEnter': 'on',
};

/** One code-server on a free loopback port, with its own user data and extensions, stopped by `stop()`. */
export class CodeServerSession {
  private constructor(
    private readonly process: ChildProcess,
    private readonly stateFolder: string,
    readonly url: string,
  ) {}

  static async start(environment: EditorEnvironment, vsix: string, options: SessionOptions = {}): Promise<CodeServerSession> {
    const state = mkdtempSync(path.join(tmpdir(), 'kube-stateful-code-server-'));
    const userData = path.join(state, 'user-data');
    const extensions = path.join(state, 'extensions');
    mkdirSync(path.join(userData, 'User'), { recursive: true });
    const trust = options.restricted
      ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' }
      : { 'security.workspace.trust.enabled': false };
    writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...trust }, null, 2));
    const env = { ...process.env, PATH: environment.path };
    const common = ['--user-data-dir', userData, '--extensions-dir', extensions];
    const install = spawnSync(environment.codeServer, [...common, '--install-extension', vsix], { env, encoding: 'utf8' });
    if (install.status !== 0) throw new Error(`Installing the extension failed: ${install.stderr || install.stdout}`);
    const port = await freePort();
    const child = spawn(
      environment.codeServer,
      ['--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', ...common],
      { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const session = new CodeServerSession(child, state, `http://127.0.0.1:${port}`);
    await session.listening();
    return session;
  }

  /** The workbench address that opens `folder`. */
  folderUrl(folder: string): string {
    return `${this.url}/?folder=${encodeURIComponent(folder)}`;
  }

  async stop(): Promise<void> {
    if (this.process.exitCode === null && this.process.signalCode === null && this.process.pid) {
      const exited = new Promise((resolve) => this.process.once('exit', resolve));
      // code-server starts helper processes of its own: end the whole group.
      process.kill(-this.process.pid, 'SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (this.process.exitCode === null) process.kill(-this.process.pid, 'SIGKILL');
    }
    rmSync(this.stateFolder, { recursive: true, force: true });
  }

  private listening(): Promise<void> {
    return new Promise((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`code-server did not start: ${output}`)), 30_000);
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('HTTP server listening')) {
          clearTimeout(timer);
          resolve();
        }
      };
      this.process.stdout?.on('data', read);
      this.process.stderr?.on('data', read);
      this.process.once('exit', (code) => reject(new Error(`code-server exited with ${code}: ${output}`)));
    });
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
