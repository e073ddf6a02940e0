// esbuild's metafile of the build (`node esbuild.mjs` runs before the suites writes dist/metafile.json) against what
// the shared bundles promise (esbuild.mjs, SHARED_BUNDLES): the modules with top-level state or identity that matters
// (scripts/lib/stateful.json) each in one bundle only, the scanner with its SDK tables in one bundle only, and none
// of them loaded at activation.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../..');
/** The webhook receiver's worker thread keeps its own copy of the topic rules: another thread's, never shared. */
const OWN_COPY_THREADS = ['dist/jsonWorker.js'];
/** Loaded at activation (extension.js) and right after it (the status bar's base.js, the views' features.js). */
const AT_ACTIVATION = ['dist/extension.js', 'dist/base.js', 'dist/features.js'];
const SHARED = ['./state.js', './rules.js', './scan.js'];

type Outputs = Record<string, { inputs: Record<string, unknown>; imports: { path: string }[] }>;
const outputs = (): Outputs => (JSON.parse(fs.readFileSync(path.join(ROOT, 'dist', 'metafile.json'), 'utf8')) as { outputs: Outputs }).outputs;
const bundlesOf = (all: Outputs, module: string) =>
  Object.keys(all).filter((out) => out.endsWith('.js') && !OWN_COPY_THREADS.includes(out) && module in all[out].inputs);

suite('shared bundles (esbuild\'s metafile)', () => {
  test('each module with top-level state or identity that matters is in exactly one bundle, dist/state.js or dist/rules.js', () => {
    const all = outputs();
    const stateful = (JSON.parse(fs.readFileSync(path.join(ROOT, 'scripts', 'lib', 'stateful.json'), 'utf8')) as { module: string }[]).map(({ module }) => module);
    // Control: the metafile names the modules of each bundle as the list does.
    assert.ok(bundlesOf(all, 'src/extension.ts').length === 1, 'the metafile lists src/extension.ts in dist/extension.js');
    const misplaced = stateful.map((module) => ({ module, bundles: bundlesOf(all, module) }))
      .filter(({ bundles }) => bundles.length !== 1 || !['dist/state.js', 'dist/rules.js'].includes(bundles[0]));
    assert.deepEqual(misplaced, [], 'stateful modules not in one shared bundle alone');
  });

  test('the scanner and its SDK tables are in one bundle, dist/scan.js, which the scan threads and the code analysis require', () => {
    const all = outputs();
    const tables = fs.readdirSync(path.join(ROOT, 'src', 'scopes', 'sdk-tables')).filter((f) => f.endsWith('.json')).map((f) => `src/scopes/sdk-tables/${f}`);
    assert.ok(tables.length > 0, 'control: the SDK tables are found');
    const misplaced = ['src/scopes/scanner.ts', 'src/scopes/sdk.ts', ...tables].map((module) => ({ module, bundles: bundlesOf(all, module) }))
      .filter(({ bundles }) => bundles.join() !== 'dist/scan.js');
    assert.deepEqual(misplaced, [], 'scanner modules not in dist/scan.js alone');
    for (const bundle of ['dist/scanWorker.js', 'dist/codeIntelligence.js']) {
      assert.ok(all[bundle].imports.some((i) => i.path === './scan.js'), `${bundle} requires ./scan.js`);
    }
  });

  test('the bundles loaded at and right after activation require no shared bundle', () => {
    const all = outputs();
    // Control: a lazy bundle does.
    assert.ok(all['dist/scopes.js'].imports.some((i) => SHARED.includes(i.path)), 'dist/scopes.js requires a shared bundle');
    const early = AT_ACTIVATION.map((bundle) => ({ bundle, shared: all[bundle].imports.map((i) => i.path).filter((p) => SHARED.includes(p)) }))
      .filter(({ shared }) => shared.length > 0);
    assert.deepEqual(early, []);
  });

  test('the Canvas Kit schema, which the VSIX ships as dist/canvas.schema.json, is required from there, not copied into a bundle', () => {
    const all = outputs();
    assert.ok(all['dist/canvasKit.js'].imports.some((i) => i.path === './canvas.schema.json'), 'dist/canvasKit.js requires it');
    assert.deepEqual(bundlesOf(all, 'src/canvasKit/schema/canvas.schema.json'), []);
  });

  test('dist/extension.js, loaded at activation, holds no package: each lazy bundle is required, not copied in', () => {
    const inputs = Object.keys(outputs()['dist/extension.js'].inputs);
    assert.ok(inputs.includes('src/features/table.ts'), 'control: the table is in it');
    assert.deepEqual(inputs.filter((input) => input.includes('node_modules/')), []);
  });
});
