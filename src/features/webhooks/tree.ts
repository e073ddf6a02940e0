// The Webhook Events view: newest first, deliveries of one notification id grouped under it.
import * as vscode from 'vscode';
import type { EventLog, WebhookEvent } from '../../webhooks/eventLog';
import { forwardLabel, forwardText, notKeptText, rejectionLabel, rejectionText, signatureLabel, signatureText } from './messages';

export interface GroupNode {
  kind: 'group';
  key: string;
  events: WebhookEvent[];
}
export type EventNode = GroupNode | { kind: 'event'; event: WebhookEvent; parent?: GroupNode };

const OPEN_EVENT_COMMAND = 'intercom.openWebhookEvent';

const titleOf = (event: WebhookEvent) => event.topic ?? (event.rejected ? `${event.method} ${event.rejected === 'notJson' ? vscode.l10n.t('(not JSON)') : ''}`.trim() : event.method);

export function describe(event: WebhookEvent, forwardTarget: string | undefined): { description: string; tooltip: string } {
  // Verdicts first: the time is the first thing a narrow side bar may cut.
  const parts: string[] = [];
  const tooltip: string[] = [];
  if (event.source === 'test') parts.push(vscode.l10n.t('test'));
  if (event.rejected) {
    parts.push(rejectionLabel(event.rejected));
    const text = rejectionText(event.rejected);
    if (text) tooltip.push(text);
  }
  const signature = signatureLabel(event);
  if (signature) {
    parts.push(signature);
    tooltip.push(signatureText(event)!);
  }
  if (event.attempt !== undefined) parts.push(vscode.l10n.t('attempt {0}', event.attempt));
  if (event.replays) parts.push(vscode.l10n.t('replayed ×{0}', event.replays));
  if (event.forward) {
    parts.push(forwardLabel(event.forward));
    tooltip.push(forwardText(event.forward, forwardTarget ?? vscode.l10n.t('the forward target')));
  }
  if (event.dropped) tooltip.push(notKeptText(event));
  parts.push(new Date(event.receivedAt).toLocaleTimeString());
  return { description: parts.join(' · '), tooltip: tooltip.join('\n\n') };
}

export class EventsTree {
  constructor(private readonly log: EventLog, private readonly forwardTarget: () => string | undefined) {}

  getChildren(node?: EventNode): EventNode[] {
    if (!node) return this.log.groups().map((g): EventNode => (g.events.length > 1 ? { kind: 'group', key: g.key, events: g.events } : { kind: 'event', event: g.events[0] }));
    return node.kind === 'group' ? node.events.map((event): EventNode => ({ kind: 'event', event, parent: node })) : [];
  }

  getParent(node: EventNode): EventNode | undefined {
    return node.kind === 'event' ? node.parent : undefined;
  }

  getTreeItem(node: EventNode): vscode.TreeItem {
    if (node.kind === 'group') {
      const [latest] = node.events;
      const item = new vscode.TreeItem(titleOf(latest), vscode.TreeItemCollapsibleState.Collapsed);
      item.id = node.key;
      item.description = `${vscode.l10n.t('×{0} deliveries', node.events.length)} · ${describe(latest, this.forwardTarget()).description}`;
      item.tooltip = vscode.l10n.t('Intercom delivered notification {0} {1} times: delivery is at least once, so de-duplicate by id.', latest.notificationId ?? '', node.events.length);
      item.iconPath = iconOf(latest);
      return item;
    }
    const { event } = node;
    const item = new vscode.TreeItem(titleOf(event));
    const { description, tooltip } = describe(event, this.forwardTarget());
    item.id = node.parent ? `${node.parent.key}/${event.key}` : event.key;
    item.description = description;
    item.tooltip = tooltip || undefined;
    item.iconPath = iconOf(event);
    item.contextValue = event.rejected ? 'intercom.webhookRejected' : 'intercom.webhookEvent';
    item.command = { command: OPEN_EVENT_COMMAND, title: vscode.l10n.t('Open Webhook Event'), arguments: [node] };
    return item;
  }
}

function iconOf(event: WebhookEvent): vscode.ThemeIcon {
  const failed = event.rejected || (event.signature && !event.signature.ok) || (event.forward && !event.forward.ok);
  return failed ? new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground')) : new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
}
