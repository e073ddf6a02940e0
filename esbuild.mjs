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
 * Bundles the others require instead of holding a copy (README, Architecture): dist/<name>.js, built from an entry
 * that re-exports its modules (`export * from`). A build given a shared bundle turns each import of one of those
 * modules into a require of ./<name>.js; each shared bundle is built without its own name, so it holds them.
 */
const SHARED_BUNDLES = {
  // Modules with top-level state or identity that matters (scripts/lib/stateful.json), read by the host only.
  state: 'src/features/state.ts',
  // The scope and webhook topic rules: identity that matters too, and read by the scan threads as well.
  rules: 'src/scopes/rules.ts',
  // The scanner with its SDK tables: the code analysis in the host and each scan thread read it.
  scan: 'src/scopes/scan.ts',
};

/** The modules a shared bundle's entry re-exports, by path from the root. */
function sharedModules(name) {
  const entry = SHARED_BUNDLES[name];
  return [...fs.readFileSync(entry, 'utf8').matchAll(/^export \* from '(.+)';$/gm)].map(([, from]) => path.join(path.dirname(entry), `${from}.ts`));
}

/** Each import of a module one of `names` holds becomes a require of that shared bundle. */
function requireShared(...names) {
  const bundleOf = new Map(names.flatMap((name) => sharedModules(name).map((module) => [module, name])));
  return {
    name: 'require-shared',
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, async ({ path: specifier, resolveDir, kind, pluginData }) => {
        if (pluginData?.requireShared) return undefined;
        const resolved = await build.resolve(specifier, { resolveDir, kind, pluginData: { requireShared: true } });
        const name = bundleOf.get(path.relative(process.cwd(), resolved.path));
        return name ? { path: `./${name}.js`, external: true } : resolved;
      });
    },
  };
}

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
  { ...node, entryPoints: { extension: 'src/extension.ts', ...LAZY_BUNDLES }, plugins: [requireShared('state', 'rules', 'scan'), lazyBundles, oneVscodeNamespace, ...common.plugins] },
  // Two shared bundles that take the rules from the third. dist/state.js holds the few scanner helpers its scan pool
  // needs: requiring dist/scan.js would load the scanner with every feature that needs the state.
  { ...node, entryPoints: { state: SHARED_BUNDLES.state, scan: SHARED_BUNDLES.scan }, plugins: [requireShared('rules'), lazyBundles, oneVscodeNamespace, ...common.plugins] },
  // The worker threads are started from a path, not required, and never require dist/state.js (it needs the API).
  // The webhook receiver's thread holds its few topic rules itself, as the rules hold theirs.
  { ...node, entryPoints: { rules: SHARED_BUNDLES.rules, jsonWorker: 'src/webhooks/jsonWorker.ts' }, plugins: [lazyBundles, oneVscodeNamespace, ...common.plugins] },
  // A scope scan's thread requires the rules and the scanner: its own instances of them, as any thread's modules.
  { ...node, entryPoints: { scanWorker: 'src/scopes/worker/scanWorker.ts' }, plugins: [requireShared('rules', 'scan'), lazyBundles, oneVscodeNamespace, ...common.plugins] },
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
  // Which modules went into which bundle: a unit test checks that each shared module is in one only.
  fs.writeFileSync('dist/metafile.json', JSON.stringify({ outputs: Object.assign({}, ...results.map((r) => r.metafile.outputs)) }));
}
