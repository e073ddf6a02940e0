// One build script for everything:
//   node esbuild.mjs                 dev build of the extension (source maps)
//   node esbuild.mjs --production    minified, no source maps (vsce package)
//   node esbuild.mjs --watch         rebuilds on change; errors in a problem-matcher-friendly form
//   node esbuild.mjs --tests         transpiles src/ and test/ file by file into out/ for mocha
// A build (not --watch, not --tests) also writes ThirdPartyNotices.txt: the packages esbuild put into dist/.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { writeNotices } from './scripts/lib/notices.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');

/**
 * Bundles loaded on first use, never at activation: dist/<name>.js, built from its entry, loaded by
 * src/features/bundles.ts (README, Architecture). A `require('./<file>.js')` (or '../') of an entry from another bundle
 * stays a require of dist/<name>.js; the unbundled test build resolves it to the transpiled file.
 */
const LAZY_BUNDLES = {
  base: 'src/features/base.ts',
  features: 'src/features/featureServices.ts',
  http: 'src/api/http.ts',
  connect: 'src/features/connect/feature.ts',
  scopes: 'src/features/scopes/checklist.ts',
  webhooks: 'src/features/webhooks/webhooks.ts',
  requests: 'src/features/requests/commands.ts',
  explorer: 'src/features/explorer/explorer.ts',
  canvasKit: 'src/features/canvasKit/simulator.ts',
  codeIntelligence: 'src/features/codeIntelligence/languageFeatures.ts',
};

/**
 * Modules with top-level state or identity that matters go in dist/state.js only (its own build, below): every
 * other bundle's import of one becomes a require of ./state.js, which re-exports them (src/features/state.ts).
 */
const STATE_ENTRY = 'src/features/state.ts';
const STATEFUL = JSON.parse(fs.readFileSync('scripts/lib/stateful.json', 'utf8')).map(({ module }) => path.normalize(module));

const stateInOneBundle = {
  name: 'state-in-one-bundle',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, async ({ path: specifier, resolveDir, kind, pluginData }) => {
      if (pluginData?.stateInOneBundle) return undefined;
      const resolved = await build.resolve(specifier, { resolveDir, kind, pluginData: { stateInOneBundle: true } });
      if (!STATEFUL.includes(path.relative(process.cwd(), resolved.path))) return resolved;
      return { path: './state.js', external: true };
    });
  },
};

const lazyBundles = {
  name: 'lazy-bundles',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\/.+\.js$/ }, ({ path: specifier, resolveDir }) => {
      const source = path.relative(process.cwd(), path.join(resolveDir, specifier.replace(/\.js$/, '.ts')));
      const name = Object.keys(LAZY_BUNDLES).find((n) => path.normalize(LAZY_BUNDLES[n]) === source);
      return name && { path: `./${name}.js`, external: true };
    });
  },
};

/**
 * esbuild turns each file's `import * as vscode from 'vscode'` into its own copy of the API object (a getter
 * per property). Every such import of 'vscode' resolves here instead, to one module whose exports are an
 * object inheriting from the API and marked as an ES module: esbuild's import helper then copies only that
 * mark, and `vscode.window` is read through the prototype. The files loaded at activation write
 * `import vscode = require('vscode')`, a require call: it resolves to one module that only requires the API,
 * without esbuild's import helpers (`npm run bench` measures activation). One module each way: every require
 * of 'vscode' goes through the extension host's interceptor.
 */
const oneVscodeNamespace = {
  name: 'one-vscode-namespace',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, ({ namespace, kind }) => {
      if (namespace === 'vscode-api') return { path: 'vscode', external: true };
      return { path: kind === 'require-call' ? 'required' : 'imported', namespace: 'vscode-api' };
    });
    build.onLoad({ filter: /.*/, namespace: 'vscode-api' }, ({ path: how }) => ({
      contents: how === 'required'
        ? "module.exports = require('vscode');"
        : "module.exports = Object.create(require('vscode'), { __esModule: { value: true } });",
      loader: 'js',
    }));
  },
};

/** Prints build start/end and errors the way the $esbuild-watch problem matcher reads them. */
const problemMatcherReport = {
  name: 'problem-matcher-report',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd(({ errors }) => {
      for (const { text, location } of errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  metafile: true,
  logLevel: watch ? 'silent' : 'warning',
  plugins: watch ? [problemMatcherReport] : [],
};

const node = { ...common, outdir: 'dist', format: 'cjs', platform: 'node', target: 'node22', external: ['vscode'] };

const builds = [
  { ...node, entryPoints: { extension: 'src/extension.ts', ...LAZY_BUNDLES }, plugins: [stateInOneBundle, lazyBundles, oneVscodeNamespace, ...common.plugins] },
  {
    ...node,
    // The scope scan's and the webhook receiver's worker threads are started from a path, not required: entries
    // of their own, each thread with its own modules (they never require dist/state.js, which needs the API).
    entryPoints: { state: STATE_ENTRY, scanWorker: 'src/scopes/worker/scanWorker.ts', jsonWorker: 'src/webhooks/jsonWorker.ts' },
    plugins: [lazyBundles, oneVscodeNamespace, ...common.plugins],
  },
  {
    // The Canvas Kit simulator panel's script, loaded by its webview page (src/canvasKit/panelHtml.ts).
    ...common,
    entryPoints: { canvasKitWebview: 'src/canvasKit/webview/main.ts' },
    outdir: 'dist',
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    sourcemap: false,
  },
  {
    // The redirect bridge's script, inlined into the static page the user hosts.
    ...common,
    entryPoints: { 'bridge-page': 'src/bridge/page.ts' },
    outdir: 'dist',
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    sourcemap: false,
  },
];

function listTs(dir) {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    // Fixtures are sample apps the scope scanner reads as text, not project code.
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') && !e.parentPath.includes(path.join('test', 'fixtures')))
    .map((e) => path.join(e.parentPath, e.name));
}

async function buildTests() {
  fs.rmSync('out', { recursive: true, force: true });
  await esbuild.build({
    entryPoints: [...listTs('src'), ...listTs('test')],
    outdir: 'out',
    outbase: '.',
    bundle: false,
    format: 'cjs',
    platform: 'node',
    target: 'node22',
    sourcemap: true,
    logLevel: 'warning',
  });
  // Files are transpiled one by one, so the data modules they require (src/**/*.json) are copied beside them.
  for (const file of fs.readdirSync('src', { recursive: true }).filter((f) => f.endsWith('.json'))) {
    fs.mkdirSync(path.join('out', 'src', path.dirname(file)), { recursive: true });
    fs.copyFileSync(path.join('src', file), path.join('out', 'src', file));
  }
}

/**
 * Data files VS Code itself reads from the VSIX, which ships dist/ and nothing of src/: the Canvas Kit schema that
 * package.json's jsonValidation gives canvas fixtures (regenerated by `npm run catalog`, not by a build).
 */
const DATA_FILES = { 'dist/canvas.schema.json': 'src/canvasKit/schema/canvas.schema.json' };

function copyDataFiles() {
  fs.mkdirSync('dist', { recursive: true });
  for (const [to, from] of Object.entries(DATA_FILES)) fs.copyFileSync(from, to);
}

if (tests) {
  await buildTests();
} else if (watch) {
  copyDataFiles();
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  // A bundle renamed or dropped would otherwise stay in dist/ and ship in the VSIX (.vscodeignore takes dist/*.js).
  for (const file of fs.existsSync('dist') ? fs.readdirSync('dist') : []) if (/\.js(\.map)?$/.test(file)) fs.rmSync(path.join('dist', file));
  const results = await Promise.all(builds.map((b) => esbuild.build(b)));
  copyDataFiles();
  writeNotices(process.cwd(), results.map((r) => r.metafile));
  // Which modules went into which bundle: a unit test checks that stateful modules are in one only.
  fs.writeFileSync('dist/metafile.json', JSON.stringify({ outputs: Object.assign({}, ...results.map((r) => r.metafile.outputs)) }));
}
