// What a registration made at activation forwards to: the real provider, which the features attach when
// they are loaded. The first call that needs it loads them.
import type * as vscode from 'vscode';

export class LazyTarget<T> implements vscode.Disposable {
  private target: T | undefined;
  private forwarding: vscode.Disposable | undefined;

  /** `load` must end with `attach` having been called; `what` names the target in the error if not. */
  constructor(private readonly load: () => void, private readonly what: string) {}

  get attached(): boolean {
    return this.target !== undefined;
  }

  /** `forwarding` relays the target's change events; it is disposed with the target it came from. */
  attach(target: T, forwarding?: vscode.Disposable): void {
    this.forwarding?.dispose();
    this.target = target;
    this.forwarding = forwarding;
  }

  /** Forgets the target: the next call loads again. */
  detach(): void {
    this.forwarding?.dispose();
    this.target = undefined;
    this.forwarding = undefined;
  }

  get(): T {
    if (!this.target) this.load();
    if (!this.target) throw new Error(`no feature attached ${this.what}`);
    return this.target;
  }

  dispose(): void {
    this.forwarding?.dispose();
  }
}
