// "Intercom: Send Test Webhook": pick a topic (the ones this folder's code handles first), then send a
// signed sample to the forward target, or save it as a fixture to edit. A saved fixture is what is sent.
// In Restricted Mode the folder is neither scanned (like the scope checklist) nor are its fixtures read or
// written: a cloned folder's fixture is bytes someone else chose, and sending it signs them.
import * as vscode from 'vscode';
import { TOPIC_RULES } from '../../scopes/topics';
import { currentSession } from '../../host/session/current';
import type { Services } from '../../host/services';
import { buildNotification, notificationBody, PING_TOPIC } from '../../webhooks/envelope';
import type { WebhookEvent } from '../../webhooks/eventLog';
import { scanFolder } from '../scopes/scanFolder';

const FIXTURE_FOLDER = '.intercom/webhooks';

function fixtureUri(topic: string): vscode.Uri | undefined {
  const folder = vscode.workspace.isTrusted ? vscode.workspace.workspaceFolders?.[0] : undefined;
  return folder && vscode.Uri.joinPath(folder.uri, FIXTURE_FOLDER, `${topic}.json`);
}

async function readFixture(uri: vscode.Uri | undefined): Promise<Uint8Array | undefined> {
  if (!uri) return undefined;
  try {
    return await vscode.workspace.fs.readFile(uri);
  } catch {
    return undefined;
  }
}

/** Where the scope checklist scans: trusted folders on disk. */
const mayScan = (folders: readonly vscode.WorkspaceFolder[]) => vscode.workspace.isTrusted && folders.length > 0 && folders.every((f) => f.uri.scheme === 'file');

/** Topics the scope scan finds in this folder's code; empty when the scan may not run or is cancelled. */
async function topicsInCode(services: Services): Promise<Set<string>> {
  if (!mayScan(vscode.workspace.workspaceFolders ?? [])) return new Set();
  const scan = await services.ui.current.progress(vscode.l10n.t('Looking for webhook topics in this folder…'), (progress, token) => scanFolder(services.log, services.context.extensionUri, progress, token));
  return new Set(scan.result.findings.flatMap((f) => (f.kind === 'webhook' ? [f.topic] : [])));
}

type TopicItem = vscode.QuickPickItem & { topic?: string };

function topicItems(found: ReadonlySet<string>): TopicItem[] {
  const all = [PING_TOPIC, ...TOPIC_RULES.map((r) => r.topic)];
  const first = all.filter((t) => found.has(t));
  const rest = all.filter((t) => !found.has(t));
  const item = (topic: string): TopicItem => ({ label: topic, topic, description: found.has(topic) ? vscode.l10n.t('used in this folder') : undefined });
  return [
    ...(first.length ? [{ label: vscode.l10n.t('Used in this folder'), kind: vscode.QuickPickItemKind.Separator }, ...first.map(item)] : []),
    { label: vscode.l10n.t('All topics'), kind: vscode.QuickPickItemKind.Separator },
    ...rest.map(item),
  ];
}

type ActionItem = vscode.QuickPickItem & { action: 'send' | 'save' };

export async function sendTestWebhook(services: Services, send: (body: Buffer) => Promise<WebhookEvent | undefined>): Promise<WebhookEvent | vscode.Uri | undefined> {
  const ui = services.ui.current;
  const picked = await ui.pick(topicItems(await topicsInCode(services)), { title: vscode.l10n.t('Send Test Webhook: which topic?'), matchOnDescription: true });
  const topic = picked?.topic;
  if (!topic) return undefined;

  const uri = fixtureUri(topic);
  const fixture = await readFixture(uri);
  const relative = `${FIXTURE_FOLDER}/${topic}.json`;
  const actions: ActionItem[] = [
    { action: 'send', label: vscode.l10n.t('Send'), description: fixture ? vscode.l10n.t('the fixture {0}', relative) : vscode.l10n.t('a sample notification') },
    ...(uri ? [{ action: 'save' as const, label: fixture ? vscode.l10n.t('Open Fixture') : vscode.l10n.t('Save as Fixture'), description: relative }] : []),
  ];
  const action = await ui.pick(actions, { title: vscode.l10n.t('Send Test Webhook: {0}', topic) });
  if (!action) return undefined;

  const session = await currentSession(services.context.globalState, services.sessions);
  const sample = () => Buffer.from(notificationBody(buildNotification(topic, { appId: session?.me.app?.id_code ?? 'your_app_id', now: Math.floor(Date.now() / 1000) })));

  if (action.action === 'save') {
    if (!fixture) await vscode.workspace.fs.writeFile(uri!, sample());
    await vscode.window.showTextDocument(uri!);
    return uri;
  }
  if (fixture) {
    const problem = notJson(fixture);
    if (problem !== undefined) {
      const open = vscode.l10n.t('Open Fixture');
      const text = vscode.l10n.t('The fixture {0} is not JSON ({1}), so it was not sent: Intercom sends JSON. Fix it, or delete it to send a sample.', relative, problem);
      if (await ui.message('error', text, open) === open) await vscode.window.showTextDocument(uri!);
      return undefined;
    }
  }
  return send(fixture ? Buffer.from(fixture) : sample());
}

/** Why these bytes are not JSON, or undefined when they are. */
function notJson(bytes: Uint8Array): string | undefined {
  try {
    JSON.parse(new TextDecoder().decode(bytes));
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}
