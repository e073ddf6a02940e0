// Request history: the last calls made from the explorer, newest first. Entries hold the call and where it
// went (session id, version), never a token.
import type { ApiCall } from '../api/call';

export const HISTORY_LIMIT = 50;

export interface HistoryEntry {
  readonly call: ApiCall;
  readonly operationId: string;
  readonly sessionId: string;
  /** The workspace's title when the call was made, for the list. */
  readonly workspace: string;
  readonly version: string;
  /** Epoch ms. */
  readonly at: number;
}

/** Adds an entry first, dropping an identical earlier call, and keeps the newest HISTORY_LIMIT. */
export function remember(history: readonly HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  const same = (e: HistoryEntry) => e.sessionId === entry.sessionId && e.version === entry.version && JSON.stringify(e.call) === JSON.stringify(entry.call);
  return [entry, ...history.filter((e) => !same(e))].slice(0, HISTORY_LIMIT);
}

/** Stored history as far as it is readable: anything malformed is dropped, not fatal. */
export function parseHistory(value: unknown): HistoryEntry[] {
  if (!Array.isArray(value)) return [];
  return value.filter((e): e is HistoryEntry =>
    typeof e === 'object' && e !== null && typeof e.sessionId === 'string' && typeof e.version === 'string'
    && typeof e.at === 'number' && typeof e.call?.method === 'string' && typeof e.call?.path === 'string'
    && typeof e.call?.query === 'object').slice(0, HISTORY_LIMIT);
}
