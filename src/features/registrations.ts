// Registers the feature table's entries with VS Code, each forwarding to its handler (README, Architecture).
// Loaded at activation: `import = require` leaves a plain require of the API in dist/extension.js (esbuild.mjs).
import vscode = require('vscode');
import type { BundleName, LazyBundles } from './bundles';
import { LazyAuthenticationProvider } from './lazyAuthProvider';
import { LazyTree } from './lazyTree';
import { disagreements, type Contributions } from './contributions';
import { AUTHENTICATION, COMMANDS, TOOLS, URI_PATHS, VIEWS } from './table';

export class Registrations {
  private readonly trees = new Map<string, { tree: LazyTree<unknown>; view: vscode.TreeView<unknown> }>();
  /** The tools as registered, by name (the extension-host tests call them). */
  readonly tools = new Map<string, vscode.LanguageModelTool<unknown>>();

  constructor(
    private readonly contributions: Contributions,
    private readonly bundles: LazyBundles,
    private readonly subscriptions: vscode.Disposable[],
  ) {
    for (const [id, { bundle, run }] of Object.entries(COMMANDS)) {
      subscriptions.push(vscode.commands.registerCommand(id, (...args: unknown[]) => run(bundles.lazy(bundle), ...args)));
    }
    for (const [name, row] of Object.entries(TOOLS)) {
      const tool: vscode.LanguageModelTool<unknown> = {
        invoke: (options, token) => row.tool(bundles.lazy(row.bundle)).invoke(options, token),
        prepareInvocation: (options, token) => row.tool(bundles.lazy(row.bundle)).prepareInvocation?.(options, token),
      };
      this.tools.set(name, tool);
      subscriptions.push(vscode.lm.registerTool(name, tool));
    }
  }

  /**
   * What VS Code waits for after activation, so activation need not: the authentication provider (VS Code waits
   * up to 5 s for it to register), the URI handler (VS Code keeps a URI until the handler registers) and the
   * views (a view shows its progress until its provider is registered). Commands and tools, which VS Code calls
   * as soon as activation ends, are registered by the constructor.
   */
  afterActivation(): void {
    for (const { id, label } of this.contributions.authentication) {
      const { bundle, provider: real, options } = AUTHENTICATION[id];
      const provider: LazyAuthenticationProvider = new LazyAuthenticationProvider(() => provider.attach(real(this.bundles.lazy(bundle))));
      this.subscriptions.push(provider, vscode.authentication.registerAuthenticationProvider(id, label, provider, options));
    }
    this.subscriptions.push(vscode.window.registerUriHandler({ handleUri: (uri) => this.handleUri(uri) }));
    this.createViews();
  }

  /** Creates the tree views, once: right after activation, or earlier if a feature asks for its view first. */
  private createViews(): void {
    if (this.trees.size > 0) return;
    for (const [id, { bundle, rows, options }] of Object.entries(VIEWS)) {
      const tree: LazyTree<unknown> = new LazyTree(() => tree.attach(rows(this.bundles.lazy(bundle))));
      const view = vscode.window.createTreeView(id, { treeDataProvider: tree, ...options });
      this.trees.set(id, { tree, view });
      this.subscriptions.push(tree, view);
    }
  }

  /** The view created for `id`, and the rows VS Code reads from it. */
  view<T>(id: string): { tree: vscode.TreeDataProvider<T>; view: vscode.TreeView<T> } {
    this.createViews();
    const registered = this.trees.get(id);
    if (!registered) throw new Error(`${id} is not a view in the feature table`);
    return registered as unknown as { tree: vscode.TreeDataProvider<T>; view: vscode.TreeView<T> };
  }

  /** Disposes the bundle's feature; its views ask it for rows again, which creates it anew. */
  async reload(bundle: BundleName): Promise<void> {
    await this.bundles.unload(bundle);
    for (const [id, { tree }] of this.trees) if (VIEWS[id].bundle === bundle) tree.detach();
  }

  /** The contributed ids the table does not answer (a package.json entry without code). */
  unhandled(): string[] {
    return disagreements(this.contributions).notInTable;
  }

  private handleUri(uri: vscode.Uri): void {
    const row = URI_PATHS[uri.path];
    if (row) row.run(this.bundles.lazy(row.bundle), uri);
    else this.bundles.lazy('base').services.log.warn(`Ignored a URI for path ${uri.path}`);
  }
}
