// Which sessions a command acts on. Commands get a Workspace view node (menus: it carries its
// session), a session id (error nodes, other commands), an AuthenticationSession (other extensions,
// the Accounts menu) or nothing (palette, view title): one place turns each into sessions.
import * as vscode from 'vscode';
import type { IntercomSession } from '../../session/model';
import type { Services } from '../../host/services';
import { regionLabel, workspaceTitle } from '../../workspace/fields';

/** The session id an argument names, if it names one. */
export function sessionIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg || undefined;
  if (typeof arg !== 'object' || arg === null) return undefined;
  const named = arg as { session?: { id?: unknown }; id?: unknown; accessToken?: unknown };
  if (typeof named.session?.id === 'string') return named.session.id; // a view node
  if (typeof named.id === 'string' && typeof named.accessToken === 'string') return named.id; // an AuthenticationSession
  return undefined;
}

export interface ResolveOptions {
  /** Title of the quick pick shown when the person must choose. */
  title?: string;
  /**
   * Without an argument: 'pick' asks which (unless there is only one), 'pickOrAll' also offers
   * "All workspaces", 'all' acts on every session.
   */
  unnamed: 'pick' | 'pickOrAll' | 'all';
  /** Say nothing when no workspace is connected (the command has something to do anyway). */
  quietWhenNone?: boolean;
}

/**
 * The sessions a command acts on: the one its argument names; without one, see `unnamed`. Empty
 * when nothing is connected, the pick is dismissed or the named session is gone (each is said).
 */
export async function resolveSessions(services: Services, arg: unknown, options: ResolveOptions): Promise<IntercomSession[]> {
  const { ui, sessions } = services;
  const all = await sessions.list();
  const id = sessionIdOf(arg);
  if (id !== undefined) {
    const named = all.filter((s) => s.id === id);
    if (named.length === 0) void ui.current.message('info', vscode.l10n.t('That Intercom workspace is no longer connected.'));
    return named;
  }
  if (all.length === 0) {
    if (options.unnamed !== 'all' && !options.quietWhenNone) void ui.current.message('info', vscode.l10n.t('No Intercom workspace is connected.'));
    return [];
  }
  if (options.unnamed === 'all' || all.length === 1) return all;
  const items = all.map((s) => ({
    label: workspaceTitle(s),
    description: [s.me.name ?? s.me.email, regionLabel(s), s.kind === 'oauth' ? 'OAuth' : vscode.l10n.t('Access Token')].filter(Boolean).join(' · '),
    sessions: [s],
  }));
  if (options.unnamed === 'pickOrAll') items.push({ label: vscode.l10n.t('All workspaces'), description: '', sessions: all });
  const picked = await ui.current.pick(items, { title: options.title, placeHolder: vscode.l10n.t('Intercom workspace') });
  return picked?.sessions ?? [];
}
