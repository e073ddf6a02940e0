// Refresh = exactly one GET /me per workspace (no retries: a rate limit becomes "retry after …").
// A failure never wipes the last good data: it is kept, marked stale, with the error beside it.
import * as vscode from 'vscode';
import { isIntercomError } from '../../api/errors';
import { readSettings } from '../../host/config';
import { accountOf, type IntercomSession } from '../../session/model';
import type { Services } from '../../host/services';

export interface RefreshProblem {
  error: unknown;
  at: Date;
}

export class WorkspaceRefresher implements vscode.Disposable {
  private readonly problems = new Map<string, RefreshProblem>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly services: Services) {}

  problem(sessionId: string): RefreshProblem | undefined {
    return this.problems.get(sessionId);
  }

  isRefreshing(sessionId: string): boolean {
    return this.running.has(sessionId);
  }

  /** Reads /me for each session. Concurrent calls for the same workspace share one request. */
  async refresh(sessions: readonly IntercomSession[]): Promise<void> {
    await Promise.all(sessions.map((s) => this.refreshOne(s)));
  }

  private refreshOne(session: IntercomSession): Promise<void> {
    const existing = this.running.get(session.id);
    if (existing) return existing;
    const run = this.fetch(session).finally(() => {
      this.running.delete(session.id);
      this.changed.fire();
    });
    this.running.set(session.id, run);
    this.changed.fire();
    return run;
  }

  private async fetch(session: IntercomSession): Promise<void> {
    try {
      const me = await this.services.http().getMe({ apiBase: session.apiBase, token: session.accessToken, version: readSettings().apiVersion, retry: false });
      this.problems.delete(session.id);
      await this.services.sessions.replace({ ...session, me, account: accountOf(me), meFetchedAt: new Date().toISOString() });
    } catch (error) {
      this.services.log.warn(`Refresh of ${session.account.id} failed: ${isIntercomError(error) ? error.message : String(error)}`);
      this.problems.set(session.id, { error, at: new Date() });
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
