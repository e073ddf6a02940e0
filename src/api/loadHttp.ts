// Loads the HTTP bundle on first use. esbuild.mjs keeps './http.js' external, so activation never
// parses got; in the unbundled test build the same path resolves to the transpiled http.ts.
import type * as HttpModule from './http';

let loaded: typeof HttpModule | undefined;

export function loadHttp(): typeof HttpModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('./http.js') as typeof HttpModule;
  return loaded;
}
