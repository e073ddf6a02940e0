// Every contributed command, view, tool, URI path and authentication provider → its bundle and handler.
// Adding one: README, "Adding a command, a view, a tool". Loaded at activation: types only.
import type * as vscode from 'vscode';
import type { Bundles, BundleName } from './bundles';

/** A handler of `bundle`: it gets the bundle's feature (loaded on the first call) and VS Code's arguments. */
export interface Row<B extends BundleName = BundleName> {
  bundle: B;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- commands take whatever VS Code passes
  run(feature: Bundles[B], ...args: any[]): unknown;
}

export interface ViewRow<B extends BundleName = BundleName> {
  bundle: B;
  rows(feature: Bundles[B]): vscode.TreeDataProvider<unknown>;
  options?: { showCollapseAll?: boolean };
}

export interface ToolRow<B extends BundleName = BundleName> {
  bundle: B;
  tool(feature: Bundles[B]): vscode.LanguageModelTool<unknown>;
}

export interface AuthenticationRow<B extends BundleName = BundleName> {
  bundle: B;
  provider(feature: Bundles[B]): vscode.AuthenticationProvider;
  options?: vscode.AuthenticationProviderOptions;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see Row
const on = <B extends BundleName>(bundle: B, run: (feature: Bundles[B], ...args: any[]) => unknown): Row => ({ bundle, run } as Row);
/** The webhook commands wait until the event log is read back from storage. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see Row
const webhooks = (run: (feature: Bundles['webhooks'], ...args: any[]) => unknown): Row =>
  on('webhooks', async (w, ...args) => { await w.ready; return run(w, ...args); });

export const COMMANDS: Readonly<Record<string, Row>> = {
  'intercom.showLog': on('base', (c) => c.showLog()),

  'intercom.connect': on('connect', (c) => c.connect()),
  'intercom.connectWithAccessToken': on('connect', (c) => c.connectWithAccessToken()),
  'intercom.pasteCallbackUrl': on('connect', (c) => c.oauth.pasteCallback()),
  'intercom.configureApp': on('connect', (c) => c.appConfig.ask({ onlyMissing: false })),
  'intercom.createRedirectBridge': on('connect', (c) => c.createRedirectBridge()),
  'intercom.disconnect': on('connect', (c, target) => c.disconnect(target)),

  'intercom.refreshWorkspace': on('features', (f, target) => f.workspace.refresh(target)),
  'intercom.openWorkspace': on('features', (f, target) => f.workspace.openWorkspace(target)),
  'intercom.openDeveloperHub': on('features', (f, target) => f.workspace.openDeveloperHub(target)),
  'intercom.copyValue': on('features', (f, node) => f.workspace.copyValue(node)),
  'intercom.copyMeCurl': on('features', (f, target) => f.workspace.copyMeCurl(target)),

  'intercom.generateScopeChecklist': on('scopes', (s) => s.generate()),

  'intercom.startWebhookReceiver': webhooks((w) => w.start()),
  'intercom.stopWebhookReceiver': webhooks((w) => w.stop()),
  'intercom.copyWebhookUrl': webhooks((w) => w.copyUrl()),
  'intercom.sendTestWebhook': webhooks((w) => w.sendTestEvent()),
  'intercom.clearWebhookEvents': webhooks((w) => w.clear()),
  'intercom.replayWebhook': webhooks((w, node) => w.replay(node)),
  'intercom.copyWebhookCurl': webhooks((w, node) => w.copyCurl(node)),
  'intercom.openWebhookEvent': webhooks((w, node) => w.open(node)),

  'intercom.callApi': on('explorer', (e, node, prepared) => e.call(node, prepared)),
  'intercom.sendRequestBody': on('explorer', (e, uri) => e.sendBody(uri)),
  'intercom.filterApi': on('explorer', (e) => e.tree.askFilter()),
  'intercom.clearApiFilter': on('explorer', (e) => e.tree.setFilter('')),
  'intercom.rerunApiRequest': on('explorer', (e) => e.rerun()),
  'intercom.nextApiPage': on('explorer', (e, uri) => e.nextPage(uri)),
  'intercom.openApiReference': on('explorer', (e, node) => e.openReference(node)),

  'intercom.openAsHttp': on('requests', (r, arg) => r.openAsHttp(arg)),
  'intercom.copySnippet': on('requests', (r, arg) => r.copySnippet(arg)),
  'intercom.openTerminalWithToken': on('requests', (r) => r.openTerminalWithToken()),
  'intercom.compareApiVersions': on('requests', (r) => r.compareVersions()),

  'intercom.openCanvasKitSimulator': on('canvasKit', (k) => k.open()),

  'intercom.addPermissionToChecklist': on('codeIntelligence', (c, label) => c.addToChecklist(label)),
};

const view = <B extends BundleName>(row: ViewRow<B>) => row as unknown as ViewRow;

export const VIEWS: Readonly<Record<string, ViewRow>> = {
  'intercom.workspace': view({ bundle: 'features', rows: (f) => f.workspace.tree, options: { showCollapseAll: true } }),
  'intercom.api': view({ bundle: 'explorer', rows: (e) => e.rows, options: { showCollapseAll: true } }),
  'intercom.webhookEvents': view({ bundle: 'webhooks', rows: (w) => w.rows }),
};

const tool = <B extends BundleName>(bundle: B, get: (feature: Bundles[B]) => vscode.LanguageModelTool<never>) =>
  ({ bundle, tool: get } as unknown as ToolRow);

export const TOOLS: Readonly<Record<string, ToolRow>> = {
  intercom_workspace: tool('explorer', (e) => e.tools.workspace),
  intercom_find_operation: tool('explorer', (e) => e.tools.findOperation),
  intercom_call_get: tool('explorer', (e) => e.tools.callGet),
  intercom_required_scopes: tool('scopes', (s) => s.tool),
};

/** The paths of vscode://seedworks.intercom-devtools/… URIs. */
export const URI_PATHS: Readonly<Record<string, Row>> = {
  '/callback': on('connect', (c, uri) => c.oauth.handleUri(uri)),
};

export const AUTHENTICATION: Readonly<Record<string, AuthenticationRow>> = {
  intercom: { bundle: 'base', provider: (c: Bundles['base']) => c.auth, options: { supportsMultipleAccounts: true } } as AuthenticationRow,
};
