// esbuild's metafile of the build (`node esbuild.mjs` runs before the suites writes dist/metafile.json) against the
// modules with top-level state or identity that matters (scripts/lib/stateful.json): each in one bundle only.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../..');
/** Worker threads load their own modules: a copy there is another thread's, never shared with the host's. */
const WORKER_THREADS = ['dist/scanWorker.js', 'dist/jsonWorker.js'];

suite('state in one bundle (esbuild\'s metafile)', () => {
  test('each module with top-level state or identity that matters is in exactly one bundle, dist/state.js', () => {
    const { outputs } = JSON.parse(fs.readFileSync(path.join(ROOT, 'dist', 'metafile.json'), 'utf8')) as { outputs: Record<string, { inputs: Record<string, unknown> }> };
    const stateful = (JSON.parse(fs.readFileSync(path.join(ROOT, 'scripts', 'lib', 'stateful.json'), 'utf8')) as { module: string }[]).map(({ module }) => module);
    const bundlesOf = (module: string) => Object.keys(outputs).filter((out) => out.endsWith('.js') && !WORKER_THREADS.includes(out) && module in outputs[out].inputs);
    // Control: the metafile names the modules of each bundle as the list does.
    assert.ok(bundlesOf('src/extension.ts').length === 1, 'the metafile lists src/extension.ts in dist/extension.js');
    const misplaced = stateful.map((module) => ({ module, bundles: bundlesOf(module) })).filter(({ bundles }) => bundles.join() !== 'dist/state.js');
    assert.deepEqual(misplaced, [], 'stateful modules not in dist/state.js alone');
  });

  test('dist/extension.js, loaded at activation, holds no package: each lazy bundle is required, not copied in', () => {
    const { outputs } = JSON.parse(fs.readFileSync(path.join(ROOT, 'dist', 'metafile.json'), 'utf8')) as { outputs: Record<string, { inputs: Record<string, unknown> }> };
    const inputs = Object.keys(outputs['dist/extension.js'].inputs);
    assert.ok(inputs.includes('src/features/table.ts'), 'control: the table is in it');
    assert.deepEqual(inputs.filter((input) => input.includes('node_modules/')), []);
  });
});
