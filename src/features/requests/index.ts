// Registers "Open as .http", "Copy Snippet…" and "Compare API Versions". Their code and the API catalog
// are dist/requests.js (esbuild.mjs), loaded on a command's first run, never at activation.
import * as vscode from 'vscode';
import type { Services } from '../../services';
import type * as Commands from './commands';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const load = () => require('./commands.js') as typeof Commands;

export function activateRequests(services: Services): void {
  services.context.subscriptions.push(
    vscode.commands.registerCommand('intercom.openAsHttp', (arg?: unknown) => load().openAsHttp(services, arg)),
    vscode.commands.registerCommand('intercom.copySnippet', (arg?: unknown) => load().copySnippet(services, arg)),
    vscode.commands.registerCommand('intercom.compareApiVersions', () => load().compareVersions(services)),
  );
}
