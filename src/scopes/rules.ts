// The scope and webhook topic rules (scripts/lib/stateful.json), in one bundle: dist/rules.js, which the host's
// bundles and each scan thread require instead of holding a copy (esbuild.mjs). Pure, so a worker thread can load it.
export * from './operations';
export * from './topics';
