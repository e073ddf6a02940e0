// The Workspace view: one node per connected workspace with Admin, Workspace and Connection groups
// (from the stored /me snapshot), and an error node with the action that fixes it when a refresh failed.
import * as vscode from 'vscode';
import { isIntercomError } from '../../api/errors';
import { readSettings } from '../../host/config';
import type { IntercomSession } from '../../session/model';
import { fieldGroups, regionLabel, showableAvatar, workspaceTitle, type Field, type FieldKey, type FieldValue, type GroupKey } from '../../workspace/fields';
import { escapeMarkdown } from '../../workspace/markdown';
import type { Explained } from '../connect/messages';
import type { WorkspaceRefresher } from './refresh';

export type WorkspaceNode =
  | { kind: 'session'; session: IntercomSession }
  | { kind: 'group'; session: IntercomSession; group: GroupKey; fields: Field[] }
  | { kind: 'field'; session: IntercomSession; field: Field; text: string }
  | { kind: 'problem'; session: IntercomSession; error: unknown };

const MISSING = '—';

// Label tables hold functions: l10n.t runs when a row is drawn, not when the module loads at activation.
const GROUP_LABELS: Record<GroupKey, () => string> = {
  admin: () => vscode.l10n.t('Admin'),
  workspace: () => vscode.l10n.t('Workspace'),
  connection: () => vscode.l10n.t('Connection'),
};

const GROUP_ICONS: Record<GroupKey, string> = { admin: 'account', workspace: 'organization', connection: 'plug' };

const FIELD_LABELS: Record<FieldKey, () => string> = {
  adminName: () => vscode.l10n.t('Name'),
  adminEmail: () => vscode.l10n.t('Email'),
  adminId: () => vscode.l10n.t('Admin ID'),
  jobTitle: () => vscode.l10n.t('Job title'),
  inboxSeat: () => vscode.l10n.t('Inbox seat'),
  awayMode: () => vscode.l10n.t('Away mode'),
  workspaceName: () => vscode.l10n.t('Name'),
  idCode: () => vscode.l10n.t('ID code'),
  region: () => vscode.l10n.t('Region'),
  timezone: () => vscode.l10n.t('Time zone'),
  created: () => vscode.l10n.t('Created'),
  secure: () => vscode.l10n.t('Secure'),
  identityVerification: () => vscode.l10n.t('Identity verification'),
  apiHost: () => vscode.l10n.t('API host'),
  apiVersion: () => vscode.l10n.t('Intercom-Version'),
  connectedAt: () => vscode.l10n.t('Connected at'),
  tokenKind: () => vscode.l10n.t('Token kind'),
  token: () => vscode.l10n.t('Token'),
};

function render(key: FieldKey, value: FieldValue): string {
  switch (value.kind) {
    case 'missing':
      return MISSING;
    case 'bool':
      return key === 'awayMode' ? (value.value ? vscode.l10n.t('On') : vscode.l10n.t('Off')) : value.value ? vscode.l10n.t('Yes') : vscode.l10n.t('No');
    case 'date':
      return key === 'created' ? new Date(value.epochMs).toLocaleDateString() : new Date(value.epochMs).toLocaleString();
    case 'text':
      if (key === 'tokenKind') return value.text === 'oauth' ? 'OAuth' : vscode.l10n.t('Access Token');
      return value.text;
  }
}

/** The row's hover: the full workspace title once (the label may be cut off), then who, where and when. */
function sessionTooltip(session: IntercomSession, stale: boolean): vscode.MarkdownString {
  const { me } = session;
  const admin = [me.name, me.email].filter(Boolean).join(' · ') || me.id;
  const lines = [
    `**${escapeMarkdown(workspaceTitle(session))}**`,
    vscode.l10n.t('Admin: {0}', escapeMarkdown(admin)),
    vscode.l10n.t('Region: {0}', escapeMarkdown(regionLabel(session) ?? MISSING)),
    vscode.l10n.t('Last read from Intercom: {0}', escapeMarkdown(new Date(session.meFetchedAt).toLocaleString())),
  ];
  if (stale) lines.push(vscode.l10n.t('The last refresh failed: this is the last good data.'));
  const tooltip = new vscode.MarkdownString(lines.join('\n\n'));
  // /me's words are data: no HTML, no command links.
  tooltip.supportHtml = false;
  tooltip.isTrusted = false;
  return tooltip;
}

export class WorkspaceTreeProvider implements vscode.TreeDataProvider<WorkspaceNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<WorkspaceNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly sessions: () => Promise<IntercomSession[]>,
    private readonly refresher: WorkspaceRefresher,
    onSessionsChange: vscode.Event<void>,
    private readonly redact: (text: string) => string,
    /** Connect's explanation of a failed /me (it loads the Connect bundle). */
    private readonly explain: (error: unknown, token: IntercomSession['kind']) => Explained,
  ) {
    this.subscriptions = [onSessionsChange(() => this.changed.fire(undefined)), refresher.onDidChange(() => this.changed.fire(undefined))];
  }

  async getChildren(node?: WorkspaceNode): Promise<WorkspaceNode[]> {
    if (!node) return (await this.sessions()).map((session) => ({ kind: 'session', session }));
    if (node.kind === 'session') {
      const problem = this.refresher.problem(node.session.id);
      const groups = fieldGroups(node.session, readSettings().apiVersion).map((g): WorkspaceNode => ({ kind: 'group', session: node.session, group: g.key, fields: g.fields }));
      return problem ? [{ kind: 'problem', session: node.session, error: problem.error }, ...groups] : groups;
    }
    if (node.kind === 'group') return node.fields.map((field) => ({ kind: 'field', session: node.session, field, text: render(field.key, field.value) }));
    return [];
  }

  getTreeItem(node: WorkspaceNode): vscode.TreeItem {
    return this.redacted(this.item(node));
  }

  /** The redaction step before the view: everything an item shows. */
  private redacted(item: vscode.TreeItem): vscode.TreeItem {
    if (typeof item.label === 'string') item.label = this.redact(item.label);
    if (typeof item.description === 'string') item.description = this.redact(item.description);
    if (typeof item.tooltip === 'string') item.tooltip = this.redact(item.tooltip);
    else if (item.tooltip) item.tooltip.value = this.redact(item.tooltip.value);
    return item;
  }

  private item(node: WorkspaceNode): vscode.TreeItem {
    switch (node.kind) {
      case 'session':
        return this.sessionItem(node.session);
      case 'group': {
        // Folded: the workspace row says who and where; the details would push the other views away.
        const item = new vscode.TreeItem(GROUP_LABELS[node.group](), vscode.TreeItemCollapsibleState.Collapsed);
        const avatar = node.group === 'admin' ? showableAvatar(node.session.me.avatar_url) : undefined;
        item.iconPath = avatar ? vscode.Uri.parse(avatar) : new vscode.ThemeIcon(GROUP_ICONS[node.group]);
        item.id = `${node.session.id}/${node.group}`;
        return item;
      }
      case 'field':
        return this.fieldItem(node);
      case 'problem':
        return this.problemItem(node.session, node.error);
    }
  }

  private sessionItem(session: IntercomSession): vscode.TreeItem {
    const item = new vscode.TreeItem(workspaceTitle(session), vscode.TreeItemCollapsibleState.Expanded);
    const stale = this.refresher.problem(session.id) !== undefined;
    item.id = session.id;
    item.description = [session.me.name || session.me.email, regionLabel(session), stale ? vscode.l10n.t('stale') : undefined].filter(Boolean).join(' · ');
    item.iconPath = this.refresher.isRefreshing(session.id) ? new vscode.ThemeIcon('sync~spin') : new vscode.ThemeIcon('organization');
    item.contextValue = 'intercom.session';
    item.tooltip = sessionTooltip(session, stale);
    return item;
  }

  private fieldItem(node: Extract<WorkspaceNode, { kind: 'field' }>): vscode.TreeItem {
    const { field } = node;
    const item = new vscode.TreeItem(FIELD_LABELS[field.key]());
    item.id = `${node.session.id}/${field.key}`;
    item.description = node.text;
    item.contextValue = 'intercom.field';
    item.tooltip = `${FIELD_LABELS[field.key]()}: ${node.text}`;
    if (field.key === 'adminEmail' && field.value.kind !== 'missing') {
      const verified = field.verified === true;
      item.description = `${node.text} ${verified ? vscode.l10n.t('(verified)') : vscode.l10n.t('(unverified)')}`;
      item.iconPath = new vscode.ThemeIcon(verified ? 'verified' : 'warning', verified ? undefined : new vscode.ThemeColor('problemsWarningIcon.foreground'));
      item.tooltip = verified ? vscode.l10n.t('Intercom reports this email as verified.') : vscode.l10n.t('Intercom does not report this email as verified: do not rely on it to identify the admin.');
    }
    return item;
  }

  private problemItem(session: IntercomSession, error: unknown): vscode.TreeItem {
    const explained = this.explain(error, session.kind);
    const kind = isIntercomError(error) ? error.kind : undefined;
    const label = kind === 'unauthorized'
      ? vscode.l10n.t('Token rejected — Reconnect')
      : kind === 'rateLimited'
        ? isIntercomError(error) && error.details.retryAt
          ? vscode.l10n.t('Rate limited — retry after {0}', error.details.retryAt.toLocaleTimeString())
          : vscode.l10n.t('Rate limited — retry in a minute')
        : kind === 'forbidden'
          ? vscode.l10n.t('Missing permission — Reconnect')
          : vscode.l10n.t('Refresh failed — Retry');
    const item = new vscode.TreeItem(label);
    item.id = `${session.id}/problem`;
    item.description = vscode.l10n.t('showing last good data');
    item.tooltip = explained.text;
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
    item.contextValue = 'intercom.problem';
    const reconnect = kind === 'unauthorized' || kind === 'forbidden';
    item.command = reconnect
      ? { command: session.kind === 'oauth' ? 'intercom.connect' : 'intercom.connectWithAccessToken', title: vscode.l10n.t('Reconnect') }
      : { command: 'intercom.refreshWorkspace', title: vscode.l10n.t('Retry'), arguments: [session.id] };
    return item;
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.changed.dispose();
  }
}
