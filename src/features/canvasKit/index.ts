// Hands over "Open Canvas Kit Simulator" without loading its code: the panel, the flow engine and the
// validator are dist/canvasKit.js (esbuild.mjs), required on the command's first run.
import type { Services } from '../../services';
import type * as Simulator from './simulator';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const load = () => require('./simulator.js') as typeof Simulator;

/** The loaded feature, created on first use; tests reach it through the test API. */
export interface LazyCanvasKit {
  load(): Simulator.CanvasKitFeature;
}

export function activateCanvasKit(services: Services): LazyCanvasKit {
  let feature: Simulator.CanvasKitFeature | undefined;
  const lazy: LazyCanvasKit = { load: () => (feature ??= load().createCanvasKit(services)) };
  services.context.subscriptions.push(
    services.register.command('intercom.openCanvasKitSimulator', () => lazy.load().open()),
    { dispose: () => feature?.dispose() },
  );
  return lazy;
}
