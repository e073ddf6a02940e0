// The webhook feature, loaded on first use (its own bundle, dist/webhooks.js): the receiver, the event
// log kept in the folder's workspace storage, forwarding, replay, test events and Copy as curl.
import path from 'node:path';
import * as vscode from 'vscode';
import { developerHubUrl } from '../../api/hosts';
import { readSettings, readWebhookSettings } from '../../host/config';
import type { Services } from '../../host/services';
import { curlForDelivery, SECRET_ENV_VAR } from '../../webhooks/curl';
import { EventLog, type WebhookEvent } from '../../webhooks/eventLog';
import { checkForwardTarget } from '../../webhooks/forwarder';
import { Inbox, mayResign, type AppSecrets, type ForwardSettings } from '../../webhooks/inbox';
import { findFreePort, WebhookReceiver } from '../../webhooks/receiver';
import { FileEventStore, MemoryEventStore, type EventStore } from '../../webhooks/eventStore';
import { AppConfig } from '../connect/appConfig';
import { EVENT_SCHEME, EventDocuments, eventUri } from './document';
import { FORWARD_TARGET_PROBLEMS, forwardText, notKeptText } from './messages';
import { createReceiverStatus, showReceiver } from './statusBar';
import { sendTestWebhook } from './testEvents';
import { EventsTree, type EventNode } from './tree';

const RUNNING_CONTEXT = 'intercom.webhooks.running';
const PORT_FORWARDING_DOCS = 'https://code.visualstudio.com/docs/debugtest/port-forwarding';

interface Running {
  receiver: WebhookReceiver;
  port: number;
  publicUrl: string;
}

export class WebhooksFeature {
  /** The webhook events received (the output log is services.log). */
  readonly events: EventLog;
  readonly tree: EventsTree;
  readonly inbox: Inbox;
  private running: Running | undefined;
  private readonly app: AppConfig;
  private readonly status = createReceiverStatus();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly store: EventStore;
  /** Resolves once the events are read back from storage; commands wait for it. */
  readonly ready: Promise<void>;
  /** Read once per secret or app change, not once per delivery. */
  private secrets: Promise<AppSecrets> | undefined;

  private readonly rowsChanged = new vscode.EventEmitter<void>();
  /** The Webhook Events view's rows. */
  readonly rows: vscode.TreeDataProvider<EventNode>;

  constructor(private readonly services: Services) {
    const settings = readWebhookSettings();
    this.store = eventStore(services);
    this.events = new EventLog(settings.maxEvents, this.store);
    this.ready = this.events.restore().then(
      () => this.changed(),
      (error: unknown) => services.log.warn(`Webhook events could not be read back: ${String(error)}`),
    );
    this.app = new AppConfig(services);
    const target = () => readWebhookSettings().forwardTo || undefined;
    this.tree = new EventsTree(this.events, target);
    this.rows = {
      onDidChangeTreeData: this.rowsChanged.event,
      getChildren: (node) => this.tree.getChildren(node),
      getTreeItem: (node) => this.tree.getTreeItem(node),
      getParent: (node) => this.tree.getParent(node),
    };
    this.inbox = new Inbox({
      events: this.events,
      secrets: () => this.appSecrets(),
      forwarding: () => this.forwarding(false),
      onChange: () => this.changed(),
    });
    this.disposables.push(
      this.status, this.rowsChanged,
      vscode.workspace.registerTextDocumentContentProvider(EVENT_SCHEME, new EventDocuments(this.events, target)),
      services.context.secrets.onDidChange(() => (this.secrets = undefined)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('intercom.oauth.clientId')) this.secrets = undefined;
        if (e.affectsConfiguration('intercom.webhooks.maxEvents')) {
          this.events.setLimit(readWebhookSettings().maxEvents);
          this.changed();
        }
      }),
    );
  }

  private appSecrets(): Promise<AppSecrets> {
    this.secrets ??= Promise.all([this.app.read(), this.app.otherSecrets()]).then(
      ([app, others]) => ({ secret: app.clientSecret, others }),
      (error: unknown) => {
        this.secrets = undefined;
        throw error;
      },
    );
    return this.secrets;
  }

  clear(): void {
    this.events.clear();
    this.changed();
  }

  sendTestEvent(): Promise<unknown> {
    return sendTestWebhook(this.services, (body) => this.sendTest(body));
  }

  get receiverUrl(): string | undefined {
    return this.running?.receiver.url;
  }

  /** Starts the receiver on the configured port (or `port`); returns the public URL to register. */
  async start(port = readWebhookSettings().port): Promise<string | undefined> {
    const ui = this.services.ui.current;
    if (this.running) return this.alreadyRunning(this.running);
    let receiver: WebhookReceiver;
    try {
      receiver = await WebhookReceiver.start({
        port,
        // Besides localhost: the forwarded URL's host (remote windows) and the user's tunnels.
        hosts: () => [...(this.running ? [new URL(this.running.publicUrl).hostname] : []), ...readWebhookSettings().tunnelHosts],
        jsonWorker: vscode.Uri.joinPath(this.services.context.extensionUri, 'dist', 'jsonWorker.js').fsPath,
        onRequest: (request) => void this.inbox.receive(request).catch((e) => this.services.log.error(`Webhook: ${String(e)}`)),
        onError: (e) => this.services.log.warn(`Webhook receiver: ${String(e)}`),
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EADDRINUSE') {
        void ui.message('error', vscode.l10n.t('The webhook receiver cannot listen on port {0} ({1}). Choose another port in intercom.webhooks.port.', port, code ?? String(error)));
        return undefined;
      }
      const free = await findFreePort();
      const useFree = vscode.l10n.t('Use Port {0}', free);
      const settings = vscode.l10n.t('Change the Port Setting');
      const answer = await ui.message('error', vscode.l10n.t('Port {0} is already in use by another program, so the webhook receiver cannot listen there. Use port {1} instead, or change intercom.webhooks.port.', port, free), useFree, settings);
      if (answer === useFree) return this.start(free);
      if (answer === settings) await vscode.commands.executeCommand('workbench.action.openSettings', 'intercom.webhooks.port');
      return undefined;
    }
    const external = await vscode.env.asExternalUri(vscode.Uri.parse(receiver.url));
    this.running = { receiver, port: receiver.port, publicUrl: external.toString(true) };
    this.services.log.info(`Webhook receiver listening on ${receiver.url} (public: ${this.running.publicUrl})`);
    await vscode.commands.executeCommand('setContext', RUNNING_CONTEXT, true);
    await this.services.walkthrough.mark('webhookReceiverStarted');
    this.changed();
    const forwardTo = readWebhookSettings().forwardTo;
    if (forwardTo) this.forwarding(true);
    return this.announce(this.running);
  }

  private announce(running: Running): string {
    const ui = this.services.ui.current;
    const copy = vscode.l10n.t('Copy URL');
    const hub = vscode.l10n.t('Open Developer Hub');
    const howTo = vscode.l10n.t('How to Make It Public');
    const text = receiverMessage(running);
    const isLocal = !registrable(running.publicUrl);
    void ui.message('info', text, copy, hub, ...(isLocal ? [howTo] : [])).then(async (answer) => {
      if (answer === copy) await this.copyUrl();
      if (answer === hub) await vscode.env.openExternal(vscode.Uri.parse(developerHubUrl(undefined, undefined, readSettings().overrides)));
      if (answer === howTo) await vscode.env.openExternal(vscode.Uri.parse(PORT_FORWARDING_DOCS));
    });
    return running.publicUrl;
  }

  /** Start again while running changes nothing, and says so: the palette keeps Start visible. */
  private alreadyRunning(running: Running): string {
    const copy = vscode.l10n.t('Copy URL');
    void this.services.ui.current.message('info', vscode.l10n.t('The webhook receiver is already running on :{0} ({1}).', running.port, running.publicUrl), copy).then(async (answer) => {
      if (answer === copy) await this.copyUrl();
    });
    return running.publicUrl;
  }

  /** Stops the receiver and says so: nothing stops it silently. */
  async stop(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    await vscode.commands.executeCommand('setContext', RUNNING_CONTEXT, false);
    if (running) {
      await running.receiver.close();
      this.services.log.info('Webhook receiver stopped');
      void this.services.ui.current.message('info', vscode.l10n.t('Webhook receiver stopped: nothing listens on :{0} any more.', running.port));
    }
    this.changed();
  }

  async copyUrl(): Promise<void> {
    if (!this.running) {
      void this.services.ui.current.message('info', vscode.l10n.t('The webhook receiver is not running. Run "Intercom: Start Webhook Receiver" first.'));
      return;
    }
    await vscode.env.clipboard.writeText(this.running.publicUrl);
  }

  /** The forward target from the settings; `explain` says why an unusable one is ignored. */
  forwarding(explain: boolean): ForwardSettings | undefined {
    const settings = readWebhookSettings();
    if (!settings.forwardTo) return undefined;
    const checked = checkForwardTarget(settings.forwardTo, settings.forwardToAnyHost, [settings.port, ...(this.running ? [this.running.port] : [])]);
    if ('problem' in checked) {
      if (explain) void this.services.ui.current.message('error', FORWARD_TARGET_PROBLEMS[checked.problem]);
      return undefined;
    }
    return { target: checked.url, timeoutMs: settings.forwardTimeoutMs };
  }

  /** What Replay and test events need: a forward target and, to sign, the app's secret; says what is missing. */
  private async sendingPrerequisites(signing: true): Promise<{ forwarding: ForwardSettings; secret: string } | undefined>;
  private async sendingPrerequisites(signing: boolean): Promise<{ forwarding: ForwardSettings; secret?: string } | undefined>;
  private async sendingPrerequisites(signing: boolean): Promise<{ forwarding: ForwardSettings; secret?: string } | undefined> {
    const ui = this.services.ui.current;
    if (!readWebhookSettings().forwardTo) {
      const open = vscode.l10n.t('Open Settings');
      if (await ui.message('error', vscode.l10n.t('Set intercom.webhooks.forwardTo to your app\'s webhook address (e.g. http://localhost:3000/webhooks) first.'), open) === open) {
        await vscode.commands.executeCommand('workbench.action.openSettings', 'intercom.webhooks.forwardTo');
      }
      return undefined;
    }
    const forwarding = this.forwarding(true);
    if (!forwarding) return undefined;
    if (!signing) return { forwarding };
    const { secret } = await this.appSecrets();
    if (!secret) {
      const configure = vscode.l10n.t('Configure OAuth App');
      if (await ui.message('error', vscode.l10n.t('No client secret is configured to sign notifications with. Configure the app whose webhooks you are testing.'), configure) === configure) {
        await vscode.commands.executeCommand('intercom.configureApp');
      }
      return undefined;
    }
    return { forwarding, secret };
  }

  /** A test notification, signed and sent to the forward target; the outcome is shown and logged. */
  async sendTest(body: Buffer): Promise<WebhookEvent | undefined> {
    const ready = await this.sendingPrerequisites(true);
    if (!ready) return undefined;
    const event = await this.inbox.sendTest(body, ready.forwarding, ready.secret);
    if (event.forward) this.reportForward(event.forward, ready.forwarding);
    return event;
  }

  async replay(node?: EventNode): Promise<void> {
    const event = eventOf(node);
    if (!event || event.rejected) return;
    const ready = await this.sendingPrerequisites(mayResign(event));
    if (!ready) return;
    const replayed = await this.inbox.replay(event.key, ready.forwarding, ready.secret);
    if (!replayed) return;
    if (replayed === 'notKept') {
      void this.services.ui.current.message('error', `${vscode.l10n.t('This event cannot be replayed.')} ${notKeptText(event)}`);
      return;
    }
    const asReceived = vscode.l10n.t('Sent as received, not re-signed: its signature did not verify when it arrived, and signing it with your client secret would vouch for bytes someone else chose. Send Test Webhook sends a signed notification.');
    this.reportForward(replayed.result, ready.forwarding, replayed.resigned ? undefined : asReceived);
  }

  private reportForward(result: NonNullable<WebhookEvent['forward']>, forwarding: ForwardSettings, note?: string): void {
    const text = forwardText(result, forwarding.target.toString());
    void this.services.ui.current.message(result.ok ? 'info' : 'error', note ? `${text} ${note}` : text);
  }

  async copyCurl(node?: EventNode): Promise<void> {
    const event = eventOf(node);
    if (!event || event.rejected) return;
    const settings = readWebhookSettings();
    // Where forwarding may go, checked the same way; without a forward target, the receiver.
    const forwarding = settings.forwardTo ? this.forwarding(true) : undefined;
    if (settings.forwardTo && !forwarding) return;
    const url = forwarding?.target.toString() ?? this.receiverUrl ?? `http://127.0.0.1:${settings.port}/`;
    const record = event.dropped ? undefined : await this.events.record(event.key);
    if (!record) {
      void this.services.ui.current.message('error', `${vscode.l10n.t('There is no curl command for this event.')} ${notKeptText(event)}`);
      return;
    }
    await vscode.env.clipboard.writeText(curlForDelivery({ url, body: record.body.toString('utf8'), headers: record.headers }));
    void this.services.ui.current.message('info', vscode.l10n.t('Copied a curl command that sends this notification to {0}. It signs with the secret in ${1}: set it in your shell first.', url, SECRET_ENV_VAR));
  }

  async open(node?: EventNode): Promise<vscode.TextDocument | undefined> {
    const event = eventOf(node);
    if (!event) return undefined;
    const document = await vscode.workspace.openTextDocument(eventUri(event));
    await vscode.window.showTextDocument(document, { preview: true });
    return document;
  }

  /** The tree and the status bar follow every change (the log saves each change itself). */
  private changed(): void {
    this.rowsChanged.fire();
    showReceiver(this.status, this.running, this.events.size);
  }

  /** Stops the receiver and lets the last writes end (deactivation, reload). */
  async dispose(): Promise<void> {
    await this.running?.receiver.close();
    this.running = undefined;
    await this.store.flush();
    this.disposables.forEach((d) => d.dispose());
  }
}

/** Intercom delivers only to public HTTPS addresses: not to this machine's, nor to plain http. */
function registrable(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === 'https:' && !['127.0.0.1', 'localhost', '[::1]'].includes(hostname);
}

/** One address to register, named as such: the browser's proxy address (code-server) is said to be only that. */
function receiverMessage(running: Running): string {
  if (registrable(running.publicUrl)) return vscode.l10n.t('Webhook receiver on {0}. Register this URL in the Developer Hub (your app > Webhooks).', running.publicUrl);
  const register = vscode.l10n.t('Intercom delivers only to a public HTTPS URL: forward port {0} with public visibility (Ports view) or run your own tunnel to it, and register that HTTPS URL in the Developer Hub (your app > Webhooks).', running.port);
  return running.publicUrl === running.receiver.url
    ? vscode.l10n.t('Webhook receiver on port {0} of this machine. {1}', running.port, register)
    : vscode.l10n.t('Webhook receiver on port {0}. This browser reaches it at {1}, which Intercom cannot reach: do not register it. {2}', running.port, running.publicUrl, register);
}

/** The log lives in this folder's workspace storage; a window without a folder keeps it in memory. */
function eventStore({ context, log }: Services): EventStore {
  const storage = context.storageUri;
  if (storage?.scheme !== 'file') return new MemoryEventStore();
  return new FileEventStore(path.join(storage.fsPath, 'webhook-events'), (error) => log.warn(`Webhook events: ${String(error)}`));
}

function eventOf(node: EventNode | undefined): WebhookEvent | undefined {
  if (!node) return undefined;
  return node.kind === 'event' ? node.event : node.events[0];
}
