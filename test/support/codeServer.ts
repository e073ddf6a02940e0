// Starts code-server (VS Code 1.139's server build, installed from npm by scripts/toolchain.mjs)
// on 127.0.0.1 with a fresh user-data dir, and builds workbench URLs whose `payload` loads this
// extension in development mode. Shared by the extension-host runner, the E2E suite and `npm start`.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { until } from './until';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const EXTENSION_ID = 'seedworks.intercom-devtools';

export interface CodeServerOptions {
  /** Node 24 binary and code-server's out/node/entry.js (scripts/toolchain.mjs installs both). */
  node: string;
  entry: string;
  /** Run folder: user data, extensions, logs. Created fresh. */
  runDir: string;
  /** User settings written before start (settings.json). */
  settings?: Record<string, unknown>;
  port?: number;
  /** Workspace Trust on, the folder opened untrusted (Restricted Mode) without asking. Off by default. */
  restrictedMode?: boolean;
  /** User keybindings (keybindings.json). */
  keybindings?: { key: string; command: string }[];
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'update.mode': 'none',
};

const RESTRICTED_MODE_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
};

export class CodeServer {
  private constructor(readonly url: string, readonly runDir: string, private readonly child: ChildProcess) {}

  static async start(options: CodeServerOptions): Promise<CodeServer> {
    const { runDir } = options;
    trustExtensionForAuthentication(options.entry);
    fs.rmSync(runDir, { recursive: true, force: true });
    for (const dir of ['home', 'user/User', 'extensions']) fs.mkdirSync(path.join(runDir, dir), { recursive: true });
    fs.writeFileSync(
      path.join(runDir, 'user/User/settings.json'),
      JSON.stringify({ ...QUIET_SETTINGS, ...(options.restrictedMode ? RESTRICTED_MODE_SETTINGS : {}), ...options.settings }, null, 2),
    );
    if (options.keybindings) fs.writeFileSync(path.join(runDir, 'user/User/keybindings.json'), JSON.stringify(options.keybindings, null, 2));
    const port = options.port ?? (await freePort());
    const home = path.join(runDir, 'home');
    const log = fs.openSync(path.join(runDir, 'server.log'), 'w');
    const child = spawn(options.node, [
      options.entry,
      '--config', path.join(home, 'config.yaml'),
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--disable-telemetry', '--disable-update-check', ...(options.restrictedMode ? [] : ['--disable-workspace-trust']), '--ignore-last-opened',
      '--user-data-dir', path.join(runDir, 'user'),
      '--extensions-dir', path.join(runDir, 'extensions'),
      // Without this flag the built workbench silently ignores the payload's extensionDevelopmentPath.
      '--vscode-option', 'enable-smoke-test-driver',
    ], {
      env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_DATA_HOME: path.join(home, '.local/share') },
      stdio: ['ignore', log, log],
      detached: true, // own process group: stop() takes the extension host and helpers down with it
    });
    const server = new CodeServer(`http://127.0.0.1:${port}`, runDir, child);
    await server.waitUntilHealthy();
    return server;
  }

  private async waitUntilHealthy(): Promise<void> {
    const healthy = async () => {
      if (this.child.exitCode !== null) throw new Error(`code-server exited with ${this.child.exitCode}`);
      return fetch(`${this.url}/healthz`).then((res) => res.status < 500, () => false); // refused: not listening yet
    };
    try {
      await until(healthy, 'code-server to answer /healthz', 60_000);
    } catch (error) {
      const tail = fs.readFileSync(path.join(this.runDir, 'server.log'), 'utf8').split('\n').slice(-20).join('\n');
      throw new Error(`code-server did not come up on ${this.url} (${(error as Error).message}):\n${tail}`);
    }
  }

  /** A workbench URL that opens `folder` with this repo loaded as the extension under development. */
  workbenchUrl(folder: string, extra: [string, string][] = []): string {
    const remote = (p: string) => `vscode-remote://${new URL(this.url).host}${p}`;
    const payload: [string, string][] = [
      ['extensionDevelopmentPath', remote(REPO_ROOT)],
      ['skipWelcome', 'true'],
      ['skipReleaseNotes', 'true'],
      ...extra.map(([k, v]): [string, string] => [k, k === 'extensionTestsPath' ? remote(v) : v]),
    ];
    return `${this.url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  }

  async stop(): Promise<void> {
    if (this.child.pid === undefined || this.child.exitCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    try {
      process.kill(-this.child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => { try { process.kill(-this.child.pid!, 'SIGKILL'); } catch { /* gone */ } }, 3000);
    await exited;
    clearTimeout(timer);
  }
}

/**
 * The test host refuses every dialog, including the one that lets an extension use an account, so
 * the suites could never call vscode.authentication.getSession. The build inlines product.json into
 * server-main.js and the workbench bundle; adding this extension to its trustedExtensionAuthAccess list grants that access
 * up front. Only the cached test install under .vscode-test/ is changed.
 */
function trustExtensionForAuthentication(entry: string): void {
  const out = path.resolve(path.dirname(entry), '../../lib/vscode/out');
  const marker = 'trustedExtensionAuthAccess:[';
  for (const file of [path.join(out, 'server-main.js'), path.join(out, 'vs/code/browser/workbench/workbench.js')]) {
    const source = fs.readFileSync(file, 'utf8');
    if (source.includes(marker + JSON.stringify(EXTENSION_ID))) continue;
    if (!source.includes(marker)) throw new Error(`${file} has no ${marker}: the code-server build changed`);
    fs.writeFileSync(file, source.replace(marker, `${marker}${JSON.stringify(EXTENSION_ID)},`));
  }
}

/** Where scripts/toolchain.mjs put Node 24 and code-server (passed by the test orchestrator). */
export function toolchainFromEnv(): { node: string; entry: string } {
  const node = process.env.INTERCOM_TEST_NODE;
  const entry = process.env.INTERCOM_TEST_CODE_SERVER;
  if (!node || !entry) throw new Error('INTERCOM_TEST_NODE / INTERCOM_TEST_CODE_SERVER are not set: run through `npm test` (scripts/test.mjs).');
  return { node, entry };
}
