// Composition root: creates the shared services and hands them to each feature.
// Nothing here touches the network; HTTP (and got) is loaded on first use.
import * as vscode from 'vscode';
import { activateConnect } from './features/connect';
import { activateScopes } from './features/scopes';
import { activateWebhooks } from './features/webhooks';
import { activateWorkspace } from './features/workspace';
import { httpFactory, type Services } from './services';
import { SessionStore } from './session/store';
import { UiHost } from './ui/ui';

export function activate(context: vscode.ExtensionContext) {
  const log = vscode.window.createOutputChannel('Intercom', { log: true });
  const sessions = new SessionStore(context.secrets, log);
  const services: Services = {
    context,
    log,
    ui: new UiHost(),
    sessions,
    http: httpFactory(log, context.extension.packageJSON.version),
  };
  context.subscriptions.push(log, sessions, vscode.commands.registerCommand('intercom.showLog', () => log.show()));
  log.info(`Intercom Developer Tools ${context.extension.packageJSON.version} activated`);
  const connect = activateConnect(services);
  const workspace = activateWorkspace(services);
  activateScopes(services);
  const webhooks = activateWebhooks(services);

  // Extension-host tests drive prompts and read state through this; nothing is exported otherwise.
  if (context.extensionMode === vscode.ExtensionMode.Test) {
    return { ui: services.ui, oauth: connect.oauth, sessions, workspace, webhooks, secrets: context.secrets, logUri: context.logUri };
  }
  return undefined;
}

export function deactivate(): void {}
