// Hands over the API view's rows, its commands and the language-model tools. Everything behind them (the
// catalog, the prompts, the response tabs) is dist/explorer.js (esbuild.mjs), loaded on first use.
import * as vscode from 'vscode';
import type { ApiCall } from '../../api/call';
import type { Services } from '../../services';
import type * as Explorer from './explorer';
import type { ApiNode } from './apiTree';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadExplorer = () => require('./explorer.js') as typeof Explorer;

export interface ExplorerFeature {
  /** The view's rows, as VS Code asks for them. */
  readonly tree: vscode.TreeDataProvider<ApiNode>;
  readonly view: vscode.TreeView<ApiNode>;
  /** The language-model tools by name, as VS Code calls them. */
  readonly tools: Readonly<Record<string, vscode.LanguageModelTool<object>>>;
}

export function activateExplorer(services: Services): ExplorerFeature {
  const { context, sessions, scopeChecks, register } = services;
  const changed = new vscode.EventEmitter<void>();
  let instance: Explorer.ApiExplorer | undefined;
  const explorer = () => (instance ??= new (loadExplorer().ApiExplorer)(services, () => changed.fire(), (message) => { view.message = message; }));

  const tree: vscode.TreeDataProvider<ApiNode> = {
    onDidChangeTreeData: changed.event,
    getChildren: (node) => explorer().tree.getChildren(node),
    getTreeItem: (node) => explorer().tree.getTreeItem(node),
  };
  const view = register.view('intercom.api', tree);
  const tool = <T>(make: (e: Explorer.ApiExplorer) => vscode.LanguageModelTool<T>): vscode.LanguageModelTool<T> => ({
    invoke: (options, token) => make(explorer()).invoke(options, token),
    prepareInvocation: (options, token) => make(explorer()).prepareInvocation?.(options, token),
  });
  const tools = {
    intercom_workspace: tool((e) => e.tools.workspace),
    intercom_find_operation: tool((e) => e.tools.findOperation),
    intercom_call_get: tool((e) => e.tools.callGet),
  } as Record<string, vscode.LanguageModelTool<object>>;

  context.subscriptions.push(
    changed,
    { dispose: () => instance?.dispose() },
    sessions.onDidChange(() => changed.fire()),
    scopeChecks.onDidChange(() => changed.fire()),
    vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('intercom.apiVersion')) changed.fire(); }),
    register.command('intercom.callApi', (node?: ApiNode, prepared?: ApiCall) => explorer().call(node, prepared)),
    register.command('intercom.sendRequestBody', (uri?: vscode.Uri) => explorer().sendBody(uri)),
    register.command('intercom.filterApi', () => explorer().tree.askFilter()),
    register.command('intercom.clearApiFilter', () => explorer().tree.setFilter('')),
    register.command('intercom.rerunApiRequest', () => explorer().rerun()),
    register.command('intercom.nextApiPage', (uri?: vscode.Uri) => explorer().nextPage(uri)),
    register.command('intercom.openApiReference', (node?: ApiNode) => explorer().openReference(node)),
    ...Object.entries(tools).map(([name, t]) => register.tool(name, t)),
  );
  return { tree, view, tools };
}
