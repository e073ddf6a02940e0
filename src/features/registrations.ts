// What activation registers with VS Code, and nothing more: every contributed command, language-model tool
// and authentication provider, and the URI handler; the tree views right after. Each forwards to what the core
// (dist/core.js) or the features' wiring (dist/features.js) hands over through the Registrar; they are
// required on the first call that needs them.
// Loaded at activation: `import = require` leaves a plain require of the API in dist/extension.js (esbuild.mjs).
import vscode = require('vscode');
import type { CommandHandler, Registrar } from '../services';
import { LazyAuthenticationProvider } from './lazyAuthProvider';
import { LazyTree } from './lazyTree';

/** What activation registers, read from the manifest so that the two cannot drift apart. */
export interface Contributions {
  commands: readonly string[];
  views: readonly { id: string; options?: { showCollapseAll?: boolean } }[];
  tools: readonly string[];
  authentication: readonly { id: string; label: string; options?: vscode.AuthenticationProviderOptions }[];
}

export class Registrations implements Registrar {
  private readonly commands = new Map<string, CommandHandler>();
  private readonly tools = new Map<string, vscode.LanguageModelTool<unknown>>();
  private readonly trees = new Map<string, { tree: LazyTree<unknown>; view: vscode.TreeView<unknown> }>();
  private readonly providers = new Map<string, LazyAuthenticationProvider>();
  /** One entry at most: the handler of Intercom's callbacks. */
  private readonly uriHandlers = new Map<'callback', vscode.UriHandler>();

  /**
   * `loaders` load what registers here, the lightest first (the core, then the features' wiring); each runs
   * on the first call that the ones before it did not answer, and loads once.
   */
  constructor(
    private readonly contributions: Contributions,
    private readonly loaders: readonly (() => void)[],
    private readonly subscriptions: vscode.Disposable[],
  ) {
    for (const id of contributions.commands) {
      subscriptions.push(vscode.commands.registerCommand(id, (...args: unknown[]) => this.wired(this.commands, id, 'command')(...args)));
    }
    for (const name of contributions.tools) {
      subscriptions.push(vscode.lm.registerTool(name, {
        invoke: (options, token) => this.wired(this.tools, name, 'tool').invoke(options, token),
        prepareInvocation: (options, token) => this.wired(this.tools, name, 'tool').prepareInvocation?.(options, token),
      }));
    }
    for (const { id, label, options } of contributions.authentication) {
      const provider: LazyAuthenticationProvider = new LazyAuthenticationProvider(() => this.load(() => provider.real.attached));
      this.providers.set(id, provider);
      subscriptions.push(provider, vscode.authentication.registerAuthenticationProvider(id, label, provider, options));
    }
    subscriptions.push(vscode.window.registerUriHandler({ handleUri: (uri) => this.wired(this.uriHandlers, 'callback', 'URI').handleUri(uri) }));
  }

  /**
   * Creates the contributed tree views, once: right after activation, or earlier if a feature hands over
   * rows first. Activation need not wait for them, unlike commands and tools, which VS Code calls as soon as
   * activation ends: a view shows its progress until its provider is registered.
   */
  createViews(): void {
    if (this.trees.size > 0) return;
    for (const { id, options } of this.contributions.views) {
      const tree: LazyTree<unknown> = new LazyTree(() => this.load(() => tree.real.attached));
      const view = vscode.window.createTreeView(id, { treeDataProvider: tree, ...options });
      this.trees.set(id, { tree, view });
      this.subscriptions.push(tree, view);
    }
  }

  /** The contributed commands, views and authentication providers nothing answers (a manifest entry without code). */
  unhandled(): string[] {
    const { commands, views, authentication } = this.contributions;
    return [
      ...commands.filter((id) => !this.commands.has(id)),
      ...views.filter(({ id }) => !this.trees.get(id)?.tree.real.attached).map(({ id }) => id),
      ...authentication.filter(({ id }) => !this.providers.get(id)?.real.attached).map(({ id }) => id),
    ];
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
    this.createViews();
    const registered = this.trees.get(id);
    if (!registered) throw new Error(`${id} is not a view in package.json`);
    (registered.tree as LazyTree<T>).attach(provider);
    return registered.view as vscode.TreeView<T>;
  }

  authenticationProvider(id: string, provider: vscode.AuthenticationProvider): void {
    const registered = this.providers.get(id);
    if (!registered) throw new Error(`${id} is not an authentication provider in package.json`);
    registered.attach(provider);
  }

  uriHandler(handler: vscode.UriHandler): void {
    this.uriHandlers.set('callback', handler);
  }

  private load(answered: () => boolean): void {
    for (const load of this.loaders) {
      if (answered()) return;
      load();
    }
  }

  private wired<T>(registry: Map<string, T>, id: string, what: string): T {
    this.load(() => registry.has(id));
    const found = registry.get(id);
    if (!found) throw new Error(`no feature handles the ${what} ${id}`);
    return found;
  }
}
