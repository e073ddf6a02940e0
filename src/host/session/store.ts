// Sessions live only in SecretStorage, as one JSON list under one key. Writes are serialized so two
// Connects finishing together cannot lose one another; onDidChange also fires for writes made by
// other windows (SecretStorage.onDidChange).
import * as vscode from 'vscode';
import type { Log } from '../../log';
import type { KnownSecrets } from '../../secrets/redact';
import { parseStoredSessions, upsertSession, type IntercomSession } from '../../session/model';

const KEY = 'intercom.sessions';

export class SessionStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private cache: Promise<IntercomSession[]> | undefined;
  private writes: Promise<unknown> = Promise.resolve();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly secrets: vscode.SecretStorage, private readonly log: Log, private readonly known: KnownSecrets) {
    this.subscription = secrets.onDidChange((e) => {
      if (e.key !== KEY) return;
      this.cache = undefined;
      this.changed.fire();
    });
  }

  list(): Promise<IntercomSession[]> {
    this.cache ??= this.read();
    return this.cache;
  }

  async get(id: string): Promise<IntercomSession | undefined> {
    return (await this.list()).find((s) => s.id === id);
  }

  /** Adds the session, replacing one for the same admin and workspace. */
  save(session: IntercomSession): Promise<void> {
    return this.update((sessions) => upsertSession(sessions, session));
  }

  /** Replaces a stored session in place (same id), e.g. with a fresh /me snapshot. No-op if it is gone. */
  replace(session: IntercomSession): Promise<void> {
    return this.update((sessions) => sessions.map((s) => (s.id === session.id ? session : s)));
  }

  remove(ids: readonly string[]): Promise<void> {
    return this.update((sessions) => sessions.filter((s) => !ids.includes(s.id)));
  }

  private update(change: (sessions: IntercomSession[]) => IntercomSession[]): Promise<void> {
    const write = this.writes.then(async () => {
      const next = change(await this.read());
      this.cache = Promise.resolve(next);
      await this.secrets.store(KEY, JSON.stringify(next));
    });
    this.writes = write.catch(() => undefined);
    return write;
  }

  private async read(): Promise<IntercomSession[]> {
    const sessions = parseStoredSessions(await this.secrets.get(KEY));
    if (sessions) {
      this.known.remember(...sessions.map((s) => s.accessToken));
      return sessions;
    }
    this.log.warn('Stored Intercom sessions could not be read and were discarded; connect again.');
    await this.secrets.delete(KEY);
    return [];
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
