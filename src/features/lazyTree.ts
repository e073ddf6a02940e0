// A tree view's data provider that asks for the real one on its first call: activation creates the
// view, the feature behind it is loaded when VS Code first asks for rows.
import * as vscode from 'vscode';

export class LazyTree<T> implements vscode.TreeDataProvider<T>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<T | T[] | undefined | null | void>();
  readonly onDidChangeTreeData = this.changed.event;
  private target: vscode.TreeDataProvider<T> | undefined;
  private forwarding: vscode.Disposable | undefined;

  /** `load` must end with `attach` having been called. */
  constructor(private readonly load: () => void) {}

  attach(provider: vscode.TreeDataProvider<T>): void {
    this.forwarding?.dispose();
    this.target = provider;
    this.forwarding = provider.onDidChangeTreeData?.((e) => this.changed.fire(e));
  }

  private get provider(): vscode.TreeDataProvider<T> {
    if (!this.target) this.load();
    if (!this.target) throw new Error('the view has no rows to show: its feature did not attach a provider');
    return this.target;
  }

  getChildren(node?: T): vscode.ProviderResult<T[]> {
    return this.provider.getChildren(node);
  }

  getTreeItem(node: T): vscode.TreeItem | Thenable<vscode.TreeItem> {
    return this.provider.getTreeItem(node);
  }

  getParent(node: T): vscode.ProviderResult<T> {
    return this.provider.getParent?.(node);
  }

  dispose(): void {
    this.forwarding?.dispose();
    this.changed.dispose();
  }
}
