// The last scope check per session (Developer Hub label → granted or missing), kept so the API view can
// mark what the connected token may call. Only what a probe found is stored: nothing is inferred.
import * as vscode from 'vscode';
import type { CheckResults, ScopeCheck } from '../../scopes/checkReport';

const KEY = 'intercom.scopeChecks';

export class ScopeCheckResults implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento) {}

  get(sessionId: string): CheckResults | undefined {
    return this.state.get<Record<string, CheckResults>>(KEY)?.[sessionId];
  }

  async save(sessionId: string, checks: readonly ScopeCheck[]): Promise<void> {
    const results: Record<string, 'granted' | 'missing'> = {};
    for (const c of checks) if (c.result.status !== 'unknown') results[c.scope.label] = c.result.status;
    await this.state.update(KEY, { ...this.state.get<Record<string, CheckResults>>(KEY), [sessionId]: results });
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
