// The Workspace view's feature: tree, refresh and the per-workspace actions (the status bar is shown without
// it, ./statusBar).
import * as vscode from 'vscode';
import { developerHubUrl, workspaceUrl } from '../../api/hosts';
import { readSettings } from '../../host/config';
import type { Services } from '../../host/services';
import { selectCurrentSession } from '../../host/session/current';
import { prepareRequest, TOKEN_ENV_VAR } from '../../requests/request';
import { curlSnippet } from '../../requests/snippets/curl';
import { readBefore, type IntercomSession } from '../../session/model';
import { resolveSessions } from '../session/resolve';
import { WorkspaceRefresher } from './refresh';
import type { WorkspaceStatus } from './statusBar';
import type { Explained } from '../connect/messages';
import { WorkspaceTreeProvider, type WorkspaceNode } from './tree';

export interface WorkspaceFeature {
  tree: WorkspaceTreeProvider;
  view: vscode.TreeView<WorkspaceNode>;
  refresher: WorkspaceRefresher;
  status: vscode.StatusBarItem;
  refresh(target?: unknown): Promise<void>;
  openWorkspace(target?: unknown): Promise<void>;
  openDeveloperHub(target?: unknown): Promise<void>;
  copyValue(node?: WorkspaceNode): Promise<void>;
  copyMeCurl(target?: unknown): Promise<void>;
}

/** `explain` is Connect's explanation of a failed /me. */
export function activateWorkspace(
  services: Services,
  status: WorkspaceStatus,
  view: vscode.TreeView<WorkspaceNode>,
  explain: (error: unknown, token: IntercomSession['kind']) => Explained,
): WorkspaceFeature {
  const { context, sessions, ui } = services;
  const refresher = new WorkspaceRefresher(services);
  const tree = new WorkspaceTreeProvider(() => sessions.list(), refresher, sessions.onDidChange, (text) => services.redactor.redact(text), explain);
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
  );
  void onVisible();
  return {
    tree, view, refresher, status: status.item,
    refresh: async (target) => refresher.refresh(await resolveSessions(services, target, { unnamed: 'all' })),
    async openWorkspace(target) {
      const s = await sessionFor(target, vscode.l10n.t('Open Workspace in Browser'));
      if (s?.me.app) await vscode.env.openExternal(vscode.Uri.parse(workspaceUrl(s.me.app.id_code, s.region ?? undefined, readSettings().overrides)));
    },
    async openDeveloperHub(target) {
      // Without any workspace the Developer Hub is still worth opening: Intercom picks the workspace.
      const s = await sessionFor(target, vscode.l10n.t('Open Developer Hub'), true);
      await vscode.env.openExternal(vscode.Uri.parse(developerHubUrl(s?.me.app?.id_code, s?.region ?? undefined, readSettings().overrides)));
    },
    async copyValue(node) {
      if (node?.kind !== 'field') return;
      await vscode.env.clipboard.writeText(node.text);
    },
    async copyMeCurl(target) {
      const s = await sessionFor(target, vscode.l10n.t('Copy curl for GET /me'));
      if (!s) return;
      await vscode.env.clipboard.writeText(curlSnippet(prepareRequest({ call: { method: 'GET', path: '/me', query: {} }, apiBase: s.apiBase, version: readSettings().apiVersion })));
      void ui.current.message('info', vscode.l10n.t('Copied a curl command for GET /me. It reads the token from ${0}: set it in your shell first.', TOKEN_ENV_VAR));
    },
  };
}
