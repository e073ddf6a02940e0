// Request history in the folder's workspace storage: the last 50 calls, never a token.
import type * as vscode from 'vscode';
import { parseHistory, remember, type HistoryEntry } from '../../explorer/history';

const KEY = 'intercom.apiHistory';

export class ApiHistory {
  constructor(private readonly state: vscode.Memento) {}

  list(): HistoryEntry[] {
    return parseHistory(this.state.get(KEY));
  }

  add(entry: HistoryEntry): Thenable<void> {
    return this.state.update(KEY, remember(this.list(), entry));
  }
}
