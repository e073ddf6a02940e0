// Opening an event shows the exact body received, pretty-printed (read-only), with the request line,
// the verdicts and the headers as comments above it.
import * as vscode from 'vscode';
import type { EventLog, WebhookEvent } from '../../webhooks/eventLog';
import type { DeliveryRecord } from '../../webhooks/eventStore';
import { notKeptText } from './messages';
import { describe } from './tree';

export const EVENT_SCHEME = 'intercom-webhook';

export function eventUri(event: WebhookEvent): vscode.Uri {
  const name = (event.topic ?? event.method.toLowerCase()).replace(/[^\w.-]/g, '_');
  return vscode.Uri.from({ scheme: EVENT_SCHEME, path: `/${event.key}/${name}.jsonc` });
}

function pretty(body: Buffer): string {
  const text = body.toString('utf8');
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function renderEvent(event: WebhookEvent, record: DeliveryRecord | undefined, forwardTarget: string | undefined): string {
  const { description, tooltip } = describe(event, forwardTarget);
  const lines = [
    `// ${event.method} · ${new Date(event.receivedAt).toISOString()} · ${event.source === 'test' ? vscode.l10n.t('test event') : vscode.l10n.t('answered {0}', event.status)} · ${vscode.l10n.t('{0} bytes', event.size)}`,
    `// ${description}`,
    ...tooltip.split('\n').filter(Boolean).map((l) => `// ${l}`),
    '//',
    ...Object.entries(record?.headers ?? {}).map(([name, value]) => `// ${name}: ${value}`),
    '',
    event.dropped || !record ? `// ${notKeptText(event)}` : pretty(record.body),
    '',
  ];
  return lines.join('\n');
}

export class EventDocuments implements vscode.TextDocumentContentProvider {
  constructor(private readonly log: EventLog, private readonly forwardTarget: () => string | undefined) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const key = uri.path.split('/')[1];
    const event = this.log.get(key);
    return event ? renderEvent(event, await this.log.record(key), this.forwardTarget()) : vscode.l10n.t('// This event is no longer in the log.\n');
  }
}
