// Hands over "Open as .http", "Copy Snippet…", "Open Terminal with Token" and "Compare API Versions". Their code and the API catalog
// are dist/requests.js (esbuild.mjs), loaded on a command's first run.
import type { Services } from '../../services';
import type * as Commands from './commands';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const load = () => require('./commands.js') as typeof Commands;

export function activateRequests(services: Services): void {
  services.context.subscriptions.push(
    services.register.command('intercom.openAsHttp', (arg?: unknown) => load().openAsHttp(services, arg)),
    services.register.command('intercom.copySnippet', (arg?: unknown) => load().copySnippet(services, arg)),
    services.register.command('intercom.openTerminalWithToken', () => load().openTerminalWithToken(services)),
    services.register.command('intercom.compareApiVersions', () => load().compareVersions(services)),
  );
}
