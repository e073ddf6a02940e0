// The simulator's state machine: it plays Intercom's side of every flow against the app, one request at a
// time. Configure runs first when there is a configure URL (Messenger only) and its `results` start
// initialize; submit and submit-sheet replies replace the canvas; a live canvas is fetched on each view.
// The engine never opens anything itself: URL and sheet actions come back as intents for the adapter.
import { componentsOf, inputValuesOf, isObject, type CanvasObject, type InputValues } from './canvas';
import type { CanvasContext, JsonObject } from './context';
import { curlForCanvasRequest } from './curl';
import { exchange, type Exchanged, type ExchangeOptions } from './exchange';
import { capabilityOf, type Flow, type Placement, type SchemaProblem, type ValidateResponse } from './flows';
import { renderReply, type ActionModel, type CanvasView, type Frame } from './render';
import {
  configureBody, initializeBody, jsonRequest, liveCanvasBody, openSheetForm, sheetRequest, submitBody, submitSheetBody,
  type CanvasKitRequest, type Interaction,
} from './requests';
import type { SignatureKind, TimelineEntry } from './timeline';
import type { CanvasTransport } from './transport';

/** Intercom does not document its timeout; a third-party comment says 10 s. */
export const DEFAULT_TIMEOUT_MS = 10_000;

export interface CanvasKitUrls {
  initialize: string;
  submit: string;
  configure?: string;
  submitSheet?: string;
}

export interface SimulatorOptions {
  urls: CanvasKitUrls;
  placement: Placement;
  clientSecret: string;
  context: CanvasContext;
  transport: CanvasTransport;
  validate: ValidateResponse;
  /** The window's redaction, applied to every body kept in the timeline. */
  redact: (text: string) => string;
  timeoutMs?: number;
  /** Oldest entries (and their requests) go past this many; default 500. */
  maxEntries?: number;
  /** Each timeline entry as soon as its reply is judged. */
  onEntry?: (entry: TimelineEntry) => void;
}

export type Screen =
  | { kind: 'blank' }
  | { kind: 'view'; flow: Flow; view: CanvasView; configuring: boolean; live: boolean };

export type Intent =
  /** Open in the browser after a confirmation that names the host. */
  | { kind: 'openUrl'; url: string; host: string }
  /** Load the sheet page (loadSheet) and show it over the canvas. */
  | { kind: 'openSheet'; url: string }
  /** Inbox submit: Intercom inserts a Messenger card initialized with these options into the reply. */
  | { kind: 'insertCard'; cardCreationOptions: JsonObject };

export interface Outcome {
  screen: Screen;
  intent?: Intent;
  /** This step's reply carried `event: {type: "completed"}`. */
  completed?: boolean;
}

export type SheetPage = { ok: true; status: number; contentType?: string; html: string; entry: TimelineEntry } | { ok: false; message: string; entry?: TimelineEntry };

export interface SignatureCheck {
  /** False when the app answered 2xx to a wrong or a missing signature. */
  verifies: boolean;
  message: string;
  entries: TimelineEntry[];
}

export const NOT_VERIFYING = 'This app does not verify Canvas Kit signatures';

const hasErrors = (problems: readonly SchemaProblem[]) => problems.some((p) => p.severity === 'error');

export class CanvasKitSimulator {
  readonly timeline: TimelineEntry[] = [];
  readonly completedEvents: { flow: Flow; entryId: number }[] = [];
  private screen: Screen = { kind: 'blank' };
  /** The canvas object of the last reply shown: what `current_canvas` carries back. */
  private canvas: CanvasObject | undefined;
  /** The components on screen (a live canvas's come from its content_url). */
  private components: JsonObject[] = [];
  private configuring = false;
  private sheet: Interaction & { url: string } | undefined;
  private busy: AbortController | undefined;
  private readonly sent = new Map<number, CanvasKitRequest>();
  private lastId = 0;
  private readonly exchangeOptions: ExchangeOptions;

  constructor(private readonly options: SimulatorOptions) {
    this.exchangeOptions = { transport: options.transport, clientSecret: options.clientSecret, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, redact: options.redact };
  }

  get current(): Screen {
    return this.screen;
  }

  get sheetOpen(): boolean {
    return this.sheet !== undefined;
  }

  private get placement(): Placement {
    return this.options.placement;
  }

  /** Configure first when a configure URL is set (Messenger placements), else initialize. */
  start(): Promise<Outcome> {
    return this.run(() => {
      this.canvas = undefined;
      this.sheet = undefined;
      const { configure } = this.options.urls;
      return configure && capabilityOf(this.placement) === 'messenger' ? this.configure() : this.initialize({});
    });
  }

  /** A click on a component (or list item) with an action; `entered` holds what the user typed or chose. */
  click(componentId: string, entered: InputValues = {}): Promise<Outcome> {
    const action = this.actionOf(componentId);
    if (!action) return Promise.resolve({ screen: this.screen });
    if (action.type === 'url') return Promise.resolve({ screen: this.screen, intent: { kind: 'openUrl', url: action.url, host: action.host } });
    const interaction: Interaction = { currentCanvas: this.canvas ?? {}, componentId, inputValues: inputValuesOf(this.components, entered) };
    if (action.type === 'sheet') {
      this.sheet = { ...interaction, url: action.url };
      return Promise.resolve({ screen: this.screen, intent: { kind: 'openSheet', url: action.url } });
    }
    return this.run(() => (this.configuring ? this.configure(interaction) : this.submit(interaction)));
  }

  /** A live canvas is fetched again on each view. */
  refresh(): Promise<Outcome> {
    return this.run(() => (this.screen.kind === 'view' && this.screen.live ? this.fetchLive() : Promise.resolve({ screen: this.screen })));
  }

  /** The open-sheet form POST (unsigned, user encrypted); the page comes back for the adapter to show. */
  async loadSheet(): Promise<SheetPage> {
    const sheet = this.sheet;
    if (!sheet) return { ok: false, message: 'No sheet is open.' };
    const form = openSheetForm(this.options.context, this.placement, sheet, this.options.clientSecret);
    const { entry, body } = await this.send(sheetRequest(this.placement, sheet.url, form), 'unsigned');
    this.record(entry);
    if (entry.failure || !body || !entry.response) return { ok: false, message: entry.failure?.message ?? 'No page.', entry };
    return { ok: true, status: entry.response.status, contentType: entry.response.contentType, html: body.toString('utf8'), entry };
  }

  /** `submitSheet(values)` from the sheet page: the submit-sheet request; its reply replaces the canvas. */
  submitSheet(values: JsonObject): Promise<Outcome> {
    const sheet = this.sheet;
    this.sheet = undefined;
    const url = this.options.urls.submitSheet;
    if (!sheet) return Promise.resolve({ screen: this.screen });
    if (!url) return Promise.resolve({ screen: this.failed('submitSheet', 'The sheet called submitSheet, but no submit sheet URL is set.') });
    return this.run(async () => {
      const request = jsonRequest('submitSheet', this.placement, url, submitSheetBody(this.options.context, this.placement, sheet.currentCanvas, values));
      return this.show('submitSheet', await this.send(request));
    });
  }

  /** Closing sends nothing, whether by the Messenger's button or `closeSheet()`. */
  closeSheet(): void {
    this.sheet = undefined;
  }

  /** Stops the request on its way, if any. */
  cancel(): void {
    this.busy?.abort();
  }

  /**
   * Sends an initialize request with a wrong signature, then one without: an app that answers 2xx to either
   * does not check signatures, and anyone could drive it.
   */
  async checkSignatures(): Promise<SignatureCheck> {
    const request = jsonRequest('initialize', this.placement, this.options.urls.initialize, initializeBody(this.options.context, this.placement, {}));
    const entries: TimelineEntry[] = [];
    for (const kind of ['wrong', 'missing'] as const) {
      const { entry } = await this.send(request, kind);
      entries.push(this.record(entry));
    }
    const accepted = entries.filter((e) => e.acceptedBadSignature);
    const unclear = entries.filter((e) => !e.response || e.response.status >= 500);
    const message = accepted.length > 0
      ? `${NOT_VERIFYING}: it answered ${accepted.map((e) => `${e.response!.status} to a ${e.signature.kind} X-Body-Signature`).join(' and ')}. Verify the HMAC-SHA256 of the raw body before anything else.`
      : unclear.length > 0
        ? `Not conclusive: ${unclear.map((e) => e.failure?.message ?? `answered ${e.response?.status}`).join(' ')}`
        : `The app refused both (${entries.map((e) => e.response!.status).join(', ')}): it verifies signatures.`;
    return { verifies: accepted.length === 0, message, entries };
  }

  /** Sends an entry's request again, signed afresh; the reply goes to the timeline only. */
  async replay(entryId: number): Promise<TimelineEntry | undefined> {
    const request = this.sent.get(entryId);
    if (!request) return undefined;
    const { entry, json } = await this.send(request, request.signed ? 'valid' : 'unsigned');
    if (json !== undefined) entry.problems = this.check(request.flow, json);
    return this.record(entry);
  }

  /** "Copy as curl" for an entry: its exact body, signed by openssl in the shell. */
  curl(entryId: number): string | undefined {
    const request = this.sent.get(entryId);
    return request && curlForCanvasRequest(request);
  }

  /** One step at a time, as the Messenger greys the app out while it waits. */
  private async run(step: () => Promise<Outcome>): Promise<Outcome> {
    if (this.busy) return { screen: this.screen };
    this.busy = new AbortController();
    try {
      return await step();
    } finally {
      this.busy = undefined;
    }
  }

  private actionOf(componentId: string): ActionModel | undefined {
    if (this.screen.kind !== 'view' || this.screen.view.kind !== 'canvas') return undefined;
    for (const c of this.screen.view.components) {
      if (c.type === 'list' && !c.disabled) {
        const item = c.items.find((i) => i.id === componentId && !i.disabled);
        if (item) return item.action;
      }
      if ('id' in c && c.id === componentId && 'action' in c && !('blocked' in c && c.blocked)) return c.action;
    }
    return undefined;
  }

  private async configure(followUp?: Interaction): Promise<Outcome> {
    const url = this.options.urls.configure!;
    const exchanged = await this.send(jsonRequest('configure', this.placement, url, configureBody(this.options.context, this.placement, followUp)));
    const { json } = exchanged;
    if (isObject(json) && isObject(json.results)) {
      exchanged.entry.problems = this.check('configure', json);
      this.record(exchanged.entry);
      if (!hasErrors(exchanged.entry.problems)) return this.initialize(json.results);
      return { screen: this.errorScreen('configure', exchanged.entry.problems, true) };
    }
    return this.show('configure', exchanged, true);
  }

  private async initialize(cardCreationOptions: JsonObject): Promise<Outcome> {
    this.configuring = false;
    const body = initializeBody(this.options.context, this.placement, cardCreationOptions);
    return this.show('initialize', await this.send(jsonRequest('initialize', this.placement, this.options.urls.initialize, body)));
  }

  private async submit(interaction: Interaction): Promise<Outcome> {
    const body = submitBody(this.options.context, this.placement, interaction);
    const exchanged = await this.send(jsonRequest('submit', this.placement, this.options.urls.submit, body));
    const outcome = await this.show('submit', exchanged);
    const options = isObject(exchanged.json) ? exchanged.json.card_creation_options : undefined;
    if (capabilityOf(this.placement) === 'inbox' && isObject(options) && !hasErrors(exchanged.entry.problems)) {
      return { ...outcome, intent: { kind: 'insertCard', cardCreationOptions: options } };
    }
    return outcome;
  }

  private async fetchLive(): Promise<Outcome> {
    const canvas = this.canvas ?? {};
    if (capabilityOf(this.placement) === 'inbox') return { screen: this.failed('liveCanvas', 'content_url: live canvases are Messenger-only per the canvas reference.') };
    const request = jsonRequest('liveCanvas', this.placement, String(canvas.content_url), liveCanvasBody(this.options.context, this.placement, canvas));
    return this.show('liveCanvas', await this.send(request));
  }

  /** Judges a reply and puts it on screen; a live canvas is fetched right away. */
  private async show(flow: Flow, { entry, json }: Exchanged, configuring = false): Promise<Outcome> {
    if (entry.failure) {
      this.record(entry);
      return { screen: this.failed(flow, entry.failure.message, configuring) };
    }
    const problems = this.check(flow, json);
    entry.problems = problems;
    this.record(entry);
    const completed = flow !== 'liveCanvas' && isObject(json) && isObject(json.event) && json.event.type === 'completed';
    if (completed) this.completedEvents.push({ flow, entryId: entry.id });
    const canvas = isObject(json) && isObject(json.canvas) ? (json.canvas as CanvasObject) : undefined;
    if (!hasErrors(problems) && canvas && typeof canvas.content_url === 'string' && canvas.content === undefined) {
      this.canvas = canvas;
      this.configuring = configuring;
      return { ...(await this.fetchLive()), completed };
    }
    const view = renderReply({ flow, placement: this.placement, reply: json, validate: () => problems, configuring });
    if (view.kind === 'canvas') {
      if (flow !== 'liveCanvas') this.canvas = canvas;
      this.components = componentsOf(flow === 'liveCanvas' ? (json as JsonObject).content : canvas?.content);
      this.configuring = configuring;
    }
    this.screen = { kind: 'view', flow, view, configuring, live: flow === 'liveCanvas' };
    return { screen: this.screen, completed };
  }

  /** The validator's problems, the size limits Intercom enforces among them (the schema's x-max-bytes). */
  private check(flow: Flow, json: unknown): SchemaProblem[] {
    return this.options.validate(flow, this.placement, json);
  }

  private frame(configuring: boolean): Frame {
    return configuring ? 'configure' : capabilityOf(this.placement) === 'inbox' ? 'inbox' : 'messenger';
  }

  private errorScreen(flow: Flow, reasons: SchemaProblem[], configuring = false): Screen {
    this.screen = { kind: 'view', flow, view: { kind: 'errorCard', frame: this.frame(configuring), reasons }, configuring, live: false };
    return this.screen;
  }

  private failed(flow: Flow, message: string, configuring = false): Screen {
    return this.errorScreen(flow, [{ pointer: '', message, severity: 'error' }], configuring);
  }

  private async send(request: CanvasKitRequest, kind: SignatureKind = request.signed ? 'valid' : 'unsigned'): Promise<Exchanged> {
    const id = ++this.lastId;
    this.sent.set(id, request);
    return exchange(id, request, this.exchangeOptions, kind, this.busy?.signal);
  }

  private record(entry: TimelineEntry): TimelineEntry {
    this.timeline.push(entry);
    for (const dropped of this.timeline.splice(0, Math.max(0, this.timeline.length - (this.options.maxEntries ?? 500)))) this.sent.delete(dropped.id);
    this.options.onEntry?.(entry);
    return entry;
  }
}
