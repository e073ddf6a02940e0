// Composition root: creates the shared services and hands them to each feature.
// Nothing here touches the network; HTTP (and got) is loaded on first use.
import * as vscode from 'vscode';
import { activateConnect } from './features/connect';
import { activateExplorer } from './features/explorer';
import { activateRequests } from './features/requests';
import { activateScopes } from './features/scopes';
import { ScopeCheckResults } from './session/scopeChecks';
import { WalkthroughProgress } from './features/walkthrough/progress';
import { activateWebhooks } from './features/webhooks';
import { activateWorkspace } from './features/workspace';
import { redactedLog } from './log';
import { Redactor } from './secrets/redact';
import { httpFactory, type Services } from './services';
import { SessionStore } from './session/store';
import { UiHost } from './ui/ui';

export function activate(context: vscode.ExtensionContext) {
  // Created by the first log line (or Show Log): a session that logs nothing never pays for the channel.
  let channel: vscode.LogOutputChannel | undefined;
  const logChannel = () => (channel ??= vscode.window.createOutputChannel('Intercom', { log: true }));
  const redactor = new Redactor();
  const redact = (text: string) => redactor.redact(text);
  const log = redactedLog(logChannel, redact);
  const sessions = new SessionStore(context.secrets, log, redactor);
  const walkthrough = new WalkthroughProgress();
  const scopeChecks = new ScopeCheckResults(context.globalState);
  const services: Services = {
    context,
    log,
    redactor,
    ui: new UiHost(redact),
    sessions,
    walkthrough,
    scopeChecks,
    http: httpFactory(log, redactor, context.extension.packageJSON.version),
  };
  context.subscriptions.push(
    { dispose: () => channel?.dispose() }, sessions, walkthrough, scopeChecks,
    vscode.commands.registerCommand('intercom.showLog', () => logChannel().show()),
  );
  const connect = activateConnect(services);
  const workspace = activateWorkspace(services);
  activateScopes(services);
  const webhooks = activateWebhooks(services);
  const explorer = activateExplorer(services);
  activateRequests(services);

  // Extension-host tests drive prompts and read state through this; nothing is exported otherwise.
  if (context.extensionMode === vscode.ExtensionMode.Test) {
    return { ui: services.ui, get oauth() { return connect.oauth; }, sessions, workspace, webhooks, explorer, secrets: context.secrets, logUri: context.logUri, walkthrough };
  }
  return undefined;
}

export function deactivate(): void {}
