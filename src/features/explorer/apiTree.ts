// The API view's rows: the version in use, grouped by tag, narrowed by the filter; each operation shows the
// permission it needs and ✓/✗ for the current session when a scope check of it is stored.
import * as vscode from 'vscode';
import { readSettings } from '../../host/config';
import { groupByTag, operationLabel, permissionMark } from '../../explorer/browse';
import { loadCatalog, type Operation, type Permission } from '../../explorer/catalog';
import { currentSession } from '../../host/session/current';
import type { Services } from '../../host/services';

export type ApiNode =
  | { kind: 'tag'; tag: string; operations: readonly Operation[] }
  | { kind: 'operation'; operation: Operation };

export function permissionText(permission: Permission): string {
  if (permission === 'none') return vscode.l10n.t('no permission needed');
  if (permission === 'unknown') return vscode.l10n.t('permission not documented');
  return permission.join(vscode.l10n.t(' or '));
}

export class ApiTree {
  private filter = '';

  /** `say`: the view's message line (undefined clears it). */
  constructor(private readonly services: Services, private readonly changed: () => void, private readonly say: (message?: string) => void) {}

  async setFilter(text: string): Promise<void> {
    this.filter = text.trim();
    await vscode.commands.executeCommand('setContext', 'intercom.api.filtered', this.filter !== '');
    this.changed();
  }

  async askFilter(): Promise<void> {
    const text = await this.services.ui.current.input({
      title: vscode.l10n.t('Filter API Operations'),
      prompt: vscode.l10n.t('Words that the method, path, operation, tag or permission must all contain'),
      value: this.filter,
    });
    if (text !== undefined) await this.setFilter(text);
  }

  async getChildren(node?: ApiNode): Promise<ApiNode[]> {
    if (node?.kind === 'operation') return [];
    if (node?.kind === 'tag') return node.operations.map((operation) => ({ kind: 'operation', operation }));
    const catalog = loadCatalog();
    const version = readSettings().apiVersion;
    const groups = groupByTag(catalog.operations(version), this.filter);
    this.say(catalog.versions.includes(version)
      ? groups.length === 0 ? vscode.l10n.t('No operation matches the filter "{0}".', this.filter) : undefined
      : vscode.l10n.t('The catalog has no Intercom-Version {0} (setting intercom.apiVersion); it has {1}.', version, catalog.versions.join(', ')));
    return groups.map((g) => ({ kind: 'tag', tag: g.tag, operations: g.operations }));
  }

  async getTreeItem(node: ApiNode): Promise<vscode.TreeItem> {
    if (node.kind === 'tag') {
      const item = new vscode.TreeItem(node.tag, this.filter ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      item.description = String(node.operations.length);
      // The view keeps a row's folding by id: a new id per filter lets its results open expanded.
      item.id = `tag:${node.tag}:${this.filter}`;
      return item;
    }
    const op = node.operation;
    const { context, sessions, scopeChecks } = this.services;
    const session = await currentSession(context.globalState, sessions);
    const mark = permissionMark(op.permission, session && scopeChecks.get(session.id));
    // The method in words and the path first, where a narrow side bar still shows them.
    const item = new vscode.TreeItem(`${op.method} ${op.path}`, vscode.TreeItemCollapsibleState.None);
    item.id = `op:${op.method} ${op.path}:${this.filter}`;
    const markText = mark === 'granted' ? ' ✓' : mark === 'missing' ? ' ✗' : '';
    item.description = `${operationLabel(op)} · ${permissionText(op.permission)}${markText}`;
    item.contextValue = 'apiOperation';
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(`**${op.method}** \`${op.path}\`\n\n`);
    tooltip.appendMarkdown(`${vscode.l10n.t('Permission: {0}', permissionText(op.permission))}\n\n`);
    if (mark) tooltip.appendMarkdown(`${mark === 'granted' ? vscode.l10n.t('✓ The last scope check found it granted to the connected token.') : vscode.l10n.t('✗ The last scope check found it missing from the connected token.')}\n\n`);
    if (op.parameters.length > 0) tooltip.appendMarkdown(`${vscode.l10n.t('Parameters: {0}', op.parameters.map((p) => `\`${p.name}\` (${p.in}${p.required ? ', required' : ''})`).join(', '))}\n\n`);
    tooltip.appendMarkdown(`[${vscode.l10n.t('Reference')}](${op.docUrl})`);
    item.tooltip = tooltip;
    return item;
  }
}
