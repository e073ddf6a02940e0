// An authentication provider that asks for the real one on its first call: activation registers it with
// VS Code, the sessions behind it are read when VS Code (or another extension) first asks for them.
// Loaded at activation: `import = require` leaves a plain require of the API in dist/extension.js (esbuild.mjs).
import vscode = require('vscode');
import { LazyTarget } from './lazyTarget';

export class LazyAuthenticationProvider implements vscode.AuthenticationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>();
  readonly onDidChangeSessions = this.changed.event;
  readonly real: LazyTarget<vscode.AuthenticationProvider>;

  constructor(load: () => void) {
    this.real = new LazyTarget(load, 'the authentication provider');
  }

  attach(provider: vscode.AuthenticationProvider): void {
    this.real.attach(provider, provider.onDidChangeSessions((e) => this.changed.fire(e)));
  }

  getSessions(scopes: readonly string[] | undefined, options: vscode.AuthenticationProviderSessionOptions): Thenable<vscode.AuthenticationSession[]> {
    return this.real.get().getSessions(scopes, options);
  }

  createSession(scopes: readonly string[], options: vscode.AuthenticationProviderSessionOptions): Thenable<vscode.AuthenticationSession> {
    return this.real.get().createSession(scopes, options);
  }

  removeSession(sessionId: string): Thenable<void> {
    return this.real.get().removeSession(sessionId);
  }

  dispose(): void {
    this.real.dispose();
    this.changed.dispose();
  }
}
