// Composition root of the Workspace view: tree, status bar, refresh and the per-workspace actions.
import * as vscode from 'vscode';
import { developerHubUrl, workspaceUrl } from '../../api/hosts';
import { readSettings } from '../../config';
import type { Services } from '../../services';
import { currentSession, selectCurrentSession } from '../../session/current';
import { curlForMe, TOKEN_ENV_VAR } from '../../workspace/curl';
import { WorkspaceRefresher } from './refresh';
import { createStatusItem, showCurrent } from './statusBar';
import { WorkspaceTreeProvider, type WorkspaceNode } from './tree';

/** Commands get a tree node (menus), a session id (error nodes, tests) or nothing (palette). */
type Target = WorkspaceNode | string | undefined;
const sessionIdOf = (target: Target) => (typeof target === 'string' ? target : target?.session.id);
const openLink = (url: string) => vscode.env.openExternal(vscode.Uri.parse(url));

export interface WorkspaceFeature {
  tree: WorkspaceTreeProvider;
  view: vscode.TreeView<WorkspaceNode>;
  refresher: WorkspaceRefresher;
  status: vscode.StatusBarItem;
}

export function activateWorkspace(services: Services): WorkspaceFeature {
  const { context, sessions, ui } = services;
  const refresher = new WorkspaceRefresher(services);
  const tree = new WorkspaceTreeProvider(() => sessions.list(), refresher, sessions.onDidChange);
  const view = vscode.window.createTreeView('intercom.workspace', { treeDataProvider: tree, showCollapseAll: true });
  const status = createStatusItem();

  const current = () => currentSession(context.globalState, sessions);
  const updateStatus = async () => showCurrent(status, await current());
  const target = async (t: Target) => {
    const id = sessionIdOf(t);
    return id ? sessions.get(id) : current();
  };

  // No /me at activation: the first time the view is shown, read every workspace once.
  let shownOnce = false;
  const onVisible = () => {
    if (!view.visible || shownOnce) return;
    shownOnce = true;
    void refresher.refresh();
  };

  context.subscriptions.push(
    refresher, tree, view, status,
    view.onDidChangeVisibility(onVisible),
    view.onDidChangeSelection((e) => {
      const id = e.selection[0]?.session.id;
      if (id) void selectCurrentSession(context.globalState, id).then(updateStatus);
    }),
    sessions.onDidChange(() => void updateStatus()),
    vscode.commands.registerCommand('intercom.refreshWorkspace', (t?: Target) => refresher.refresh(sessionIdOf(t))),
    vscode.commands.registerCommand('intercom.openWorkspace', async (t?: Target) => {
      const s = await target(t);
      if (s?.me.app) await openLink(workspaceUrl(s.me.app.id_code, s.region ?? undefined, readSettings().overrides));
    }),
    vscode.commands.registerCommand('intercom.openDeveloperHub', () => openLink(developerHubUrl(readSettings().overrides))),
    vscode.commands.registerCommand('intercom.copyValue', async (node?: WorkspaceNode) => {
      if (node?.kind !== 'field') return;
      await vscode.env.clipboard.writeText(node.text);
    }),
    vscode.commands.registerCommand('intercom.copyMeCurl', async (t?: Target) => {
      const s = await target(t);
      if (!s) return;
      await vscode.env.clipboard.writeText(curlForMe(s.apiBase, readSettings().apiVersion));
      void ui.current.message('info', vscode.l10n.t('Copied a curl command for GET /me. It reads the token from ${0}: set it in your shell first.', TOKEN_ENV_VAR));
    }),
  );
  void updateStatus();
  onVisible();
  return { tree, view, refresher, status };
}
