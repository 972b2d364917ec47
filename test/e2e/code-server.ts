import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { EditorEnvironment } from './environment';
import { freePort, ServerProcess } from './server-process';

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
    private readonly server: ServerProcess,
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
    const server = await ServerProcess.start(
      environment.codeServer,
      ['--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', ...common],
      env,
      'HTTP server listening',
    );
    return new CodeServerSession(server, state, `http://127.0.0.1:${port}`);
  }

  /** The workbench address that opens `folder`. */
  folderUrl(folder: string): string {
    return `${this.url}/?folder=${encodeURIComponent(folder)}`;
  }

  async stop(): Promise<void> {
    await this.server.stop();
    rmSync(this.stateFolder, { recursive: true, force: true });
  }
}
