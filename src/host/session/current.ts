// The "current" workspace: the one last selected in the Workspace view, else the newest session.
import type * as vscode from 'vscode';
import type { IntercomSession } from '../../session/model';
import type { SessionStore } from './store';

const CURRENT_KEY = 'intercom.currentSession';

export async function currentSession(state: vscode.Memento, sessions: SessionStore): Promise<IntercomSession | undefined> {
  const all = await sessions.list();
  return all.find((s) => s.id === state.get<string>(CURRENT_KEY)) ?? all[0];
}

export function selectCurrentSession(state: vscode.Memento, sessionId: string): Thenable<void> {
  return state.update(CURRENT_KEY, sessionId);
}
