// What activation registers with VS Code, and nothing more: every contributed command, tree view and
// language-model tool, and the URI handler. Each forwards to the features' wiring (dist/features.js),
// required on the first call; the wiring hands its handlers over through the Registrar.
import * as vscode from 'vscode';
import type { CommandHandler, Registrar } from '../services';
import { LazyTree } from './lazyTree';

/** What activation registers, read from the manifest so that the two cannot drift apart. */
export interface Contributions {
  commands: readonly string[];
  views: readonly { id: string; options?: { showCollapseAll?: boolean } }[];
  tools: readonly string[];
}

export class Registrations implements Registrar {
  private readonly commands = new Map<string, CommandHandler>();
  private readonly tools = new Map<string, vscode.LanguageModelTool<unknown>>();
  private readonly trees = new Map<string, { tree: LazyTree<unknown>; view: vscode.TreeView<unknown> }>();
  /** One entry at most: the handler of Intercom's callbacks. */
  private readonly uriHandlers = new Map<'callback', vscode.UriHandler>();

  /** `wire` loads the features, which register here; it runs once, on the first call that needs them. */
  constructor(contributions: Contributions, private readonly wire: () => void, subscriptions: vscode.Disposable[]) {
    for (const id of contributions.commands) {
      subscriptions.push(vscode.commands.registerCommand(id, (...args: unknown[]) => this.wired(this.commands, id, 'command')(...args)));
    }
    for (const { id, options } of contributions.views) {
      const tree = new LazyTree<unknown>(wire);
      const view = vscode.window.createTreeView(id, { treeDataProvider: tree, ...options });
      this.trees.set(id, { tree, view });
      subscriptions.push(tree, view);
    }
    for (const name of contributions.tools) {
      subscriptions.push(vscode.lm.registerTool(name, {
        invoke: (options, token) => this.wired(this.tools, name, 'tool').invoke(options, token),
        prepareInvocation: (options, token) => this.wired(this.tools, name, 'tool').prepareInvocation?.(options, token),
      }));
    }
    subscriptions.push(vscode.window.registerUriHandler({ handleUri: (uri) => this.wired(this.uriHandlers, 'callback', 'URI').handleUri(uri) }));
  }

  /** The contributed commands nothing handles (a manifest entry without code). */
  unhandled(contributions: Contributions): string[] {
    return contributions.commands.filter((id) => !this.commands.has(id));
  }

  command(id: string, handler: CommandHandler): vscode.Disposable {
    this.commands.set(id, handler);
    return { dispose: () => this.commands.delete(id) };
  }

  tool<T>(name: string, tool: vscode.LanguageModelTool<T>): vscode.Disposable {
    this.tools.set(name, tool as vscode.LanguageModelTool<unknown>);
    return { dispose: () => this.tools.delete(name) };
  }

  view<T>(id: string, provider: vscode.TreeDataProvider<T>): vscode.TreeView<T> {
    const registered = this.trees.get(id);
    if (!registered) throw new Error(`${id} is not a view in package.json`);
    (registered.tree as LazyTree<T>).attach(provider);
    return registered.view as vscode.TreeView<T>;
  }

  uriHandler(handler: vscode.UriHandler): void {
    this.uriHandlers.set('callback', handler);
  }

  private wired<T>(registry: Map<string, T>, id: string, what: string): T {
    if (!registry.has(id)) this.wire();
    const found = registry.get(id);
    if (!found) throw new Error(`no feature handles the ${what} ${id}`);
    return found;
  }
}
