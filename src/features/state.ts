// The modules with top-level state or identity that matters (scripts/lib/stateful.json), in one bundle:
// dist/state.js, which every other bundle requires instead of holding a copy (esbuild.mjs).
export * from '../explorer/catalog';
export * from '../connect/errors';
export * from './connect/appConfig';
export * from './scopes/scanFolder';
export * from '../scopes/catalog';
export * from '../scopes/operations';
export * from '../scopes/topics';
// Both name a type Operation (types are not in the bundle); the scope rules' wins here.
export type { Operation } from '../scopes/operations';
