// The simulator's webview panel: it runs the flow engine with the settings, the client secret and the
// context, turns what the webview reports into engine calls, and does what the engine leaves to it
// (opening links after a confirmation naming the host, loading sheets, saving fixtures, copying curl).
import * as vscode from 'vscode';
import { readCanvasKitSettings } from '../../host/config';
import { CanvasKitSimulator, type Outcome } from '../../canvasKit/engine';
import { newNonce, panelHtml, sheetSrcdoc } from '../../canvasKit/panelHtml';
import { parsePanelMessage, type FromWebview, type PanelState, type ToWebview } from '../../canvasKit/panelMessages';
import { parseSheetMessage, withSheetLibrary } from '../../canvasKit/sheetLibrary';
import { validateResponse } from '../../canvasKit/schema/validate';
import { createHttpTransport } from '../../canvasKit/transport';
import { SECRET_ENV_VAR } from '../../webhooks/curl';
import type { Services } from '../../host/services';
import { AppConfig } from '../connect/appConfig';
import { contextFileUri, loadContext, starterContextFile } from './context';
import { saveFixture } from './fixture';

const VIEW_TYPE = 'intercom.canvasKitSimulator';

export class SimulatorPanel implements vscode.Disposable {
  readonly panel: vscode.WebviewPanel;
  /** The engine of the last (re)start; undefined while nothing can be sent (see state.notices). */
  simulator: CanvasKitSimulator | undefined;
  readonly state: PanelState = { placement: 'home', screen: { kind: 'blank' }, busy: false, completed: false, notices: [], accent: '#1f8ceb' };
  /** Resolves when the first start is done. */
  readonly ready: Promise<void>;
  private sheet: { html: string; title: string } | undefined;
  private readonly sheetNonce = newNonce();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after each state change (tests wait on it). */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  private disposed = false;

  constructor(private readonly services: Services, private readonly onDispose: () => void) {
    const media = vscode.Uri.joinPath(services.context.extensionUri, 'media', 'canvasKit');
    const dist = vscode.Uri.joinPath(services.context.extensionUri, 'dist');
    this.panel = vscode.window.createWebviewPanel(VIEW_TYPE, vscode.l10n.t('Canvas Kit Simulator'), vscode.ViewColumn.Active, {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [media, dist],
    });
    const { webview } = this.panel;
    webview.html = panelHtml({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'canvasKitWebview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'simulator.css')).toString(),
      nonce: newNonce(),
      sheetNonce: this.sheetNonce,
      title: vscode.l10n.t('Canvas Kit Simulator'),
    });
    this.disposables.push(
      this.changed,
      webview.onDidReceiveMessage((data: unknown) => void this.receive(data)),
      this.panel.onDidDispose(() => this.dispose()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('intercom.canvasKit') || e.affectsConfiguration('intercom.oauth.clientId')) void this.restart();
      }),
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (doc.uri.toString() === contextFileUri()?.toString()) void this.restart();
      }),
    );
    this.ready = this.restart();
  }

  /** The sheet on screen, as the webview got it. */
  get sheetShown(): { html: string; title: string } | undefined {
    return this.sheet;
  }

  reveal(): void {
    this.panel.reveal();
  }

  /** A message from the webview; tests call it as the webview would. */
  async receive(data: unknown): Promise<void> {
    const message = parsePanelMessage(data);
    if (message) await this.handle(message);
  }

  private async handle(message: FromWebview): Promise<void> {
    const sim = this.simulator;
    switch (message.kind) {
      case 'ready':
        this.post({ kind: 'timeline', entries: sim?.timeline ?? [] });
        this.post({ kind: 'sheet', sheet: this.sheet });
        return this.publish();
      case 'placement':
        this.state.placement = message.placement;
        return this.restart();
      case 'restart':
        return this.restart();
      case 'click':
        return this.step(sim?.click(message.componentId, message.values));
      case 'refresh':
        return this.step(sim?.refresh());
      case 'openLink':
        return this.openLink(message.url);
      case 'checkSignatures':
        return this.checkSignatures();
      case 'copyCurl':
        return this.copyCurl(message.entryId);
      case 'saveFixture': {
        const entry = sim?.timeline.find((e) => e.id === message.entryId);
        if (entry) await saveFixture(this.services, entry);
        return undefined;
      }
      case 'replay':
        await sim?.replay(message.entryId);
        return undefined;
      case 'sheetMessage':
        return this.sheetMessage(message.data);
      case 'closeSheet':
        sim?.closeSheet();
        return this.showSheet(undefined);
      case 'openSettings':
        await vscode.commands.executeCommand('workbench.action.openSettings', 'intercom.canvasKit');
        return undefined;
      case 'editContext':
        return this.editContext();
    }
  }

  /** Reads the settings, the secret and the context again, and starts over: configure (if set), then initialize. */
  async restart(): Promise<void> {
    this.simulator?.cancel();
    this.simulator = undefined;
    this.sheet = undefined;
    Object.assign(this.state, { screen: { kind: 'blank' }, completed: false, notices: [], signatureCheck: undefined });
    this.post({ kind: 'timeline', entries: [] });
    this.post({ kind: 'sheet', sheet: undefined });
    const settings = readCanvasKitSettings();
    const { clientSecret } = await new AppConfig(this.services).read();
    const loaded = await loadContext(this.services);
    this.state.accent = loaded.context.messengerActionColour;
    this.state.notices.push(...loaded.problems.map((p) => ({ level: p.severity, text: p.message })));
    if (!settings.initializeUrl || !settings.submitUrl) {
      this.state.notices.push({ level: 'error', text: vscode.l10n.t('Set your app\'s URLs first: intercom.canvasKit.initializeUrl and intercom.canvasKit.submitUrl (and, if your app has them, configureUrl and submitSheetUrl). Use Settings above.') });
    } else if (!clientSecret) {
      this.state.notices.push({ level: 'error', text: vscode.l10n.t('Intercom signs Canvas Kit requests with your app\'s client secret, and none is stored. Run "Intercom: Configure OAuth App" first.') });
    } else {
      this.services.redactor.remember(clientSecret);
      this.state.notices.push({ level: 'info', text: vscode.l10n.t('Context: {0}.', loaded.source) });
      this.simulator = new CanvasKitSimulator({
        urls: { initialize: settings.initializeUrl, submit: settings.submitUrl, configure: settings.configureUrl || undefined, submitSheet: settings.submitSheetUrl || undefined },
        placement: this.state.placement,
        clientSecret,
        context: loaded.context,
        transport: createHttpTransport({ allowOtherHosts: settings.allowAnyHost }),
        validate: (flow, placement, json) => validateResponse(flow, placement, json),
        redact: (text) => this.services.redactor.redact(text),
        timeoutMs: settings.timeoutMs,
        onEntry: (entry) => this.post({ kind: 'entry', entry }),
      });
      return this.step(this.simulator.start());
    }
    this.publish();
  }

  /** Shows an engine step's outcome, then does what it asks (open a URL, a sheet). */
  private async step(running: Promise<Outcome> | undefined): Promise<void> {
    if (!running) return;
    this.state.busy = true;
    this.publish();
    let outcome: Outcome;
    try {
      outcome = await running;
    } finally {
      this.state.busy = false;
    }
    this.state.screen = outcome.screen;
    this.state.completed = outcome.completed === true;
    this.publish();
    const intent = outcome.intent;
    if (intent?.kind === 'openUrl') await this.openLink(intent.url);
    if (intent?.kind === 'openSheet') await this.openSheet(intent.url);
    if (intent?.kind === 'insertCard') {
      void this.services.ui.current.message('info', vscode.l10n.t('Intercom now inserts a Messenger card into the teammate\'s reply, initialized with card_creation_options {0}. Pick a Messenger placement to see it.', JSON.stringify(intent.cardCreationOptions)));
    }
  }

  /** Every link leaves through here, after a confirmation that names its host. */
  private async openLink(url: string): Promise<void> {
    if (!URL.canParse(url)) return;
    const parsed = new URL(url);
    if (!['https:', 'http:', 'mailto:'].includes(parsed.protocol)) return;
    const where = parsed.protocol === 'mailto:' ? parsed.pathname : parsed.host;
    const open = vscode.l10n.t('Open');
    if (await this.services.ui.current.confirm(vscode.l10n.t('Open {0}?', where), vscode.l10n.t('The app links to {0}', url), open)) {
      await vscode.env.openExternal(vscode.Uri.parse(url, true));
    }
  }

  private async openSheet(url: string): Promise<void> {
    const page = await this.simulator?.loadSheet();
    if (!page) return;
    if (!page.ok) {
      this.simulator?.closeSheet();
      this.state.notices.push({ level: 'error', text: vscode.l10n.t('The sheet did not open: {0}', page.message) });
      return this.publish();
    }
    this.showSheet({ html: sheetSrcdoc(withSheetLibrary(page.html, this.sheetNonce), this.sheetNonce), title: new URL(url).host });
  }

  private showSheet(sheet: { html: string; title: string } | undefined): void {
    this.sheet = sheet;
    this.post({ kind: 'sheet', sheet });
    this.changed.fire();
  }

  private async sheetMessage(data: unknown): Promise<void> {
    const message = parseSheetMessage(data);
    if (!message || !this.sheet) return;
    if (message.method === 'setTitle') {
      this.sheet.title = message.title;
      return this.post({ kind: 'sheetTitle', title: message.title });
    }
    if (message.method === 'closeSheet') this.simulator?.closeSheet();
    this.showSheet(undefined);
    if (message.method === 'submitSheet') await this.step(this.simulator?.submitSheet(message.values));
  }

  private async checkSignatures(): Promise<void> {
    const sim = this.simulator;
    if (!sim) return;
    this.state.busy = true;
    this.publish();
    try {
      const check = await sim.checkSignatures();
      this.state.signatureCheck = { verifies: check.verifies, message: check.message };
      if (!check.verifies) void this.services.ui.current.message('warning', check.message);
    } finally {
      this.state.busy = false;
      this.publish();
    }
  }

  private async copyCurl(entryId: number): Promise<void> {
    const curl = this.simulator?.curl(entryId);
    if (!curl) return;
    await vscode.env.clipboard.writeText(curl);
    void this.services.ui.current.message('info', vscode.l10n.t('Copied as curl. It signs the body with openssl: set {0} to your app\'s client secret before you run it.', SECRET_ENV_VAR));
  }

  private async editContext(): Promise<void> {
    const uri = contextFileUri();
    if (!uri) {
      void this.services.ui.current.message('info', vscode.l10n.t('Open a folder first: the context is read from .intercom/canvas/context.json in it.'));
      return;
    }
    try {
      await vscode.workspace.fs.stat(uri);
    } catch {
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(starterContextFile((await loadContext(this.services)).context)));
    }
    await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside });
  }

  private publish(): void {
    this.post({ kind: 'state', state: this.state });
    this.changed.fire();
  }

  private post(message: ToWebview): void {
    void this.panel.webview.postMessage(message);
  }

  /** Closing the panel (by the person or by this) forgets it: the command opens a new one. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.simulator?.cancel();
    this.onDispose();
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
