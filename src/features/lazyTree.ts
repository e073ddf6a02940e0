// A tree view's data provider that asks for the real one on its first call: activation creates the
// view, the feature behind it is loaded when VS Code first asks for rows.
// Loaded at activation: `import = require` leaves a plain require of the API in dist/extension.js (esbuild.mjs).
import vscode = require('vscode');
import { LazyTarget } from './lazyTarget';

export class LazyTree<T> implements vscode.TreeDataProvider<T>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<T | T[] | undefined | null | void>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly real: LazyTarget<vscode.TreeDataProvider<T>>;

  constructor(load: () => void) {
    this.real = new LazyTarget(load, 'the rows of a view');
  }

  attach(provider: vscode.TreeDataProvider<T>): void {
    this.real.attach(provider, provider.onDidChangeTreeData?.((e) => this.changed.fire(e)));
  }

  /** The rows come from the next provider attached; VS Code asks for them again. */
  detach(): void {
    this.real.detach();
    this.changed.fire();
  }

  getChildren(node?: T): vscode.ProviderResult<T[]> {
    return this.real.get().getChildren(node);
  }

  getTreeItem(node: T): vscode.TreeItem | Thenable<vscode.TreeItem> {
    return this.real.get().getTreeItem(node);
  }

  getParent(node: T): vscode.ProviderResult<T> {
    return this.real.get().getParent?.(node);
  }

  dispose(): void {
    this.real.dispose();
    this.changed.dispose();
  }
}
