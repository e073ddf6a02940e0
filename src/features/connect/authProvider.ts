// Intercom as a VS Code authentication provider: sessions appear in the Accounts menu and other
// extensions can call vscode.authentication.getSession('intercom', []). A thin adapter over the
// session store; Intercom scopes are fixed per app, so requested scopes are ignored.
import * as vscode from 'vscode';
import type { IntercomSession } from '../../session/model';
import type { SessionStore } from '../../host/session/store';

const toAuthSession = (s: IntercomSession): vscode.AuthenticationSession => ({
  id: s.id,
  accessToken: s.accessToken,
  account: { id: s.account.id, label: s.account.label },
  scopes: [],
});

export class IntercomAuthenticationProvider implements vscode.AuthenticationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>();
  readonly onDidChangeSessions = this.changed.event;
  private known: Promise<Map<string, IntercomSession>>;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: SessionStore, private readonly connect: () => Promise<IntercomSession>) {
    this.known = this.snapshot();
    // Store changes come from this window (Connect, Disconnect, refresh) and from other windows.
    this.subscription = store.onDidChange(() => void this.diff());
  }

  private async snapshot(): Promise<Map<string, IntercomSession>> {
    return new Map((await this.store.list()).map((s) => [s.id, s]));
  }

  private async diff(): Promise<void> {
    const before = await this.known;
    this.known = this.snapshot();
    const after = await this.known;
    const added = [...after.values()].filter((s) => !before.has(s.id));
    const removed = [...before.values()].filter((s) => !after.has(s.id));
    const changed = [...after.values()].filter((s) => before.has(s.id) && before.get(s.id)!.accessToken !== s.accessToken);
    if (added.length + removed.length + changed.length === 0) return;
    this.changed.fire({ added: added.map(toAuthSession), removed: removed.map(toAuthSession), changed: changed.map(toAuthSession) });
  }

  async getSessions(_scopes: readonly string[] | undefined, options?: vscode.AuthenticationProviderSessionOptions): Promise<vscode.AuthenticationSession[]> {
    const sessions = await this.store.list();
    return sessions.filter((s) => !options?.account || s.account.id === options.account.id).map(toAuthSession);
  }

  async createSession(): Promise<vscode.AuthenticationSession> {
    return toAuthSession(await this.connect());
  }

  async removeSession(sessionId: string): Promise<void> {
    await this.store.remove([sessionId]);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
