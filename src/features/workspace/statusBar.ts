// Status bar: the current workspace, or "Intercom: Connect" when there is none.
import * as vscode from 'vscode';
import type { IntercomSession } from '../../session/model';
import { regionLabel, workspaceTitle } from '../../workspace/fields';
import { escapeIcons } from '../../workspace/icons';

export function createStatusItem(): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('intercom.status', vscode.StatusBarAlignment.Left, 10);
  item.name = vscode.l10n.t('Intercom Workspace');
  item.show();
  return item;
}

export function showCurrent(item: vscode.StatusBarItem, current: IntercomSession | undefined): void {
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
