// Loads the Connect flows (dist/connect.js) on first use. esbuild.mjs keeps './flows.js' external, so
// activation never parses them; in the unbundled test build the same path resolves to the transpiled flows.ts.
import type * as FlowsModule from './flows';

export function loadConnectFlows(): typeof FlowsModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./flows.js') as typeof FlowsModule;
}
