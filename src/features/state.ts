// The modules with top-level state or identity that matters (scripts/lib/stateful.json) that need the API or are
// read only by the host, in one bundle: dist/state.js, which every other bundle requires instead of holding a copy
// (esbuild.mjs). The rules, also read by the scan threads, are in dist/rules.js (src/scopes/rules.ts).
export * from '../explorer/catalog';
export * from '../connect/errors';
export * from './connect/appConfig';
export * from './scopes/scanFolder';
export * from '../scopes/catalog';
