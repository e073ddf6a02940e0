// Status bar: the current workspace, or "Intercom: Connect" when there is none. Shown right after
// activation, without the Workspace view's code.
import * as vscode from 'vscode';
import { currentSession } from '../../host/session/current';
import type { IntercomSession } from '../../session/model';
import type { SessionStore } from '../../host/session/store';
import { regionLabel, workspaceTitle } from '../../workspace/fields';
import { escapeIcons } from '../../workspace/icons';

/** The item, kept up to date as sessions change; `update` after the current workspace was chosen. */
export class WorkspaceStatus implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('intercom.status', vscode.StatusBarAlignment.Left, 10);
  private readonly subscription: vscode.Disposable;

  constructor(private readonly state: vscode.Memento, private readonly sessions: SessionStore) {
    this.item.name = vscode.l10n.t('Intercom Workspace');
    this.item.show();
    this.subscription = sessions.onDidChange(() => void this.update());
    void this.update();
  }

  async update(): Promise<void> {
    showCurrent(this.item, await currentSession(this.state, this.sessions));
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}

function showCurrent(item: vscode.StatusBarItem, current: IntercomSession | undefined): void {
  if (!current) {
    item.text = `$(plug) ${vscode.l10n.t('Intercom: Connect')}`;
    item.tooltip = vscode.l10n.t('Connect VS Code to an Intercom workspace');
    item.command = 'intercom.connect';
    return;
  }
  const { me } = current;
  item.text = `$(organization) ${escapeIcons(me.app?.name ?? workspaceTitle(current))}`;
  item.tooltip = [
    workspaceTitle(current),
    vscode.l10n.t('Admin: {0}', me.name ?? me.email ?? me.id),
    vscode.l10n.t('Region: {0}', regionLabel(current) ?? '—'),
    vscode.l10n.t('API host: {0}', new URL(current.apiBase).host),
  ].join('\n');
  item.command = { command: 'intercom.workspace.focus', title: vscode.l10n.t('Show Intercom Workspace') };
}
