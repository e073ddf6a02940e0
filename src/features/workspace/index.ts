// Composition root of the Workspace view: tree, refresh and the per-workspace actions (the status bar is
// shown without it, ./statusBar).
import * as vscode from 'vscode';
import { developerHubUrl, workspaceUrl } from '../../api/hosts';
import { readSettings } from '../../config';
import type { Services } from '../../services';
import { selectCurrentSession } from '../../session/current';
import { prepareRequest, TOKEN_ENV_VAR } from '../../requests/request';
import { curlSnippet } from '../../requests/snippets/curl';
import { readBefore } from '../../session/model';
import { resolveSessions } from '../session/resolve';
import { WorkspaceRefresher } from './refresh';
import type { WorkspaceStatus } from './statusBar';
import { WorkspaceTreeProvider, type WorkspaceNode } from './tree';

export interface WorkspaceFeature {
  tree: WorkspaceTreeProvider;
  view: vscode.TreeView<WorkspaceNode>;
  refresher: WorkspaceRefresher;
  status: vscode.StatusBarItem;
}

export function activateWorkspace(services: Services, status: WorkspaceStatus): WorkspaceFeature {
  const { context, sessions, ui, register } = services;
  const refresher = new WorkspaceRefresher(services);
  const tree = new WorkspaceTreeProvider(() => sessions.list(), refresher, sessions.onDidChange, (text) => services.redactor.redact(text));
  const view = register.view('intercom.workspace', tree);
  /** The one session a row action acts on (see resolveSessions). */
  const sessionFor = async (target: unknown, title: string, quietWhenNone = false) =>
    (await resolveSessions(services, target, { title, unnamed: 'pick', quietWhenNone }))[0];

  // No /me at activation. The first time the view is shown, read every workspace this window has
  // not read yet: a Connect made here (or a refresh) already holds a fresh /me.
  let shownOnce = false;
  const onVisible = async () => {
    if (!view.visible || shownOnce) return;
    shownOnce = true;
    const all = await sessions.list();
    const toRead = all.filter((s) => readBefore(s, services.activatedAt));
    services.log.info(`Workspace view shown: reading ${toRead.length} of ${all.length} workspaces (the others were read in this window)`);
    await refresher.refresh(toRead);
  };

  context.subscriptions.push(
    refresher, tree,
    view.onDidChangeVisibility(() => void onVisible()),
    view.onDidChangeSelection((e) => {
      const id = e.selection[0]?.session.id;
      if (id) void selectCurrentSession(context.globalState, id).then(() => status.update());
    }),
    register.command('intercom.refreshWorkspace', async (target?: unknown) =>
      refresher.refresh(await resolveSessions(services, target, { unnamed: 'all' }))),
    register.command('intercom.openWorkspace', async (target?: unknown) => {
      const s = await sessionFor(target, vscode.l10n.t('Open Workspace in Browser'));
      if (s?.me.app) await vscode.env.openExternal(vscode.Uri.parse(workspaceUrl(s.me.app.id_code, s.region ?? undefined, readSettings().overrides)));
    }),
    register.command('intercom.openDeveloperHub', async (target?: unknown) => {
      // Without any workspace the Developer Hub is still worth opening: Intercom picks the workspace.
      const s = await sessionFor(target, vscode.l10n.t('Open Developer Hub'), true);
      await vscode.env.openExternal(vscode.Uri.parse(developerHubUrl(s?.me.app?.id_code, s?.region ?? undefined, readSettings().overrides)));
    }),
    register.command('intercom.copyValue', async (node?: WorkspaceNode) => {
      if (node?.kind !== 'field') return;
      await vscode.env.clipboard.writeText(node.text);
    }),
    register.command('intercom.copyMeCurl', async (target?: unknown) => {
      const s = await sessionFor(target, vscode.l10n.t('Copy curl for GET /me'));
      if (!s) return;
      await vscode.env.clipboard.writeText(curlSnippet(prepareRequest({ call: { method: 'GET', path: '/me', query: {} }, apiBase: s.apiBase, version: readSettings().apiVersion })));
      void ui.current.message('info', vscode.l10n.t('Copied a curl command for GET /me. It reads the token from ${0}: set it in your shell first.', TOKEN_ENV_VAR));
    }),
  );
  void onVisible();
  return { tree, view, refresher, status: status.item };
}
