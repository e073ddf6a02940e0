// An app's reply → what the webview draws. Every string of the app stays data (text, never HTML); links,
// images and actions are checked here so the webview has no decisions to make. A reply Intercom would
// refuse becomes the generic error card, with the validator's reasons beside it.
import { isLoopbackHost } from '../connect/authorize';
import { componentsOf, isObject } from './canvas';
import type { JsonObject } from './context';
import { capabilityOf, type Flow, type Placement, type SchemaProblem, type ValidateResponse } from './flows';
import { parseInlineText, type TextSegment } from './inlineText';

export type ActionModel = { type: 'submit' } | { type: 'url'; url: string; host: string } | { type: 'sheet'; url: string };

export type SaveState = 'unsaved' | 'saved' | 'failed';

/** State every interactive component shares. `blocked`: disabled, or saved (which overrides disabled). */
interface Interactive {
  id: string;
  disabled: boolean;
  saveState: SaveState;
  blocked: boolean;
}

export interface OptionModel {
  id: string;
  text: string;
  disabled: boolean;
}

/** An image, or why it is not loaded (only https, and http on this machine, are). */
export type ImageSource = { url: string } | { blocked: string };

export interface ListItemModel {
  id: string;
  title: string;
  subtitle?: string;
  tertiaryText?: string;
  image?: ImageSource & { width: number; height: number; rounded: boolean };
  disabled: boolean;
  action?: ActionModel;
}

/** What each type draws; ComponentModel adds where it sits in the reply and its bottom margin. */
type Drawn =
  | { type: 'text'; id?: string; segments: TextSegment[]; align: 'left' | 'center' | 'right'; style: 'header' | 'paragraph' | 'muted' | 'error' }
  | (Interactive & { type: 'button'; label: string; style: 'primary' | 'secondary' | 'link'; action?: ActionModel })
  | (Interactive & { type: 'input'; label?: string; placeholder?: string; value: string; action?: ActionModel })
  | (Interactive & { type: 'textarea'; label?: string; placeholder?: string; value: string; error: boolean })
  | (Interactive & { type: 'single-select' | 'dropdown'; label?: string; options: OptionModel[]; value?: string; action?: ActionModel })
  | (Interactive & { type: 'checkbox'; label?: string; options: OptionModel[]; values: string[] })
  | { type: 'list'; items: ListItemModel[]; disabled: boolean }
  | { type: 'data-table'; items: { field: string; value: string }[]; overflow: 'wrap' | 'truncate' }
  | { type: 'image'; id?: string; image: ImageSource; width: number; height: number; align: 'left' | 'center' | 'right' | 'full_width'; rounded: boolean; action?: ActionModel }
  | { type: 'spacer'; id?: string; size: 'xs' | 's' | 'm' | 'l' | 'xl' }
  | { type: 'divider'; id?: string };

export type ComponentModel = Drawn & { pointer: string; bottomMargin: boolean };

/** The Messenger wraps long data-table values; the Inbox and the configure frame truncate them. */
export type Frame = 'messenger' | 'inbox' | 'configure';

export type CanvasView =
  | { kind: 'canvas'; frame: Frame; components: ComponentModel[]; warnings: SchemaProblem[] }
  | { kind: 'errorCard'; frame: Frame; reasons: SchemaProblem[] };

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0);
const oneOf = <T extends string>(v: unknown, allowed: readonly T[], fallback: T): T => (allowed.includes(v as T) ? (v as T) : fallback);

/** An https URL, or http on a loopback host (a local app's own images). */
export function imageSource(raw: unknown): ImageSource {
  if (typeof raw !== 'string' || !URL.canParse(raw)) return { blocked: 'not a URL' };
  const url = new URL(raw);
  if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname))) return { url: url.toString() };
  return { blocked: `${url.protocol.replace(':', '')} images are not loaded; Intercom needs https` };
}

/** Undefined when the component could not act on it: the validator says why. */
function actionOf(raw: unknown): ActionModel | undefined {
  if (!isObject(raw)) return undefined;
  if (raw.type === 'submit') return { type: 'submit' };
  const url = str(raw.url);
  if (!url || !URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  if (raw.type === 'url') return { type: 'url', url: parsed.toString(), host: parsed.host };
  if (raw.type === 'sheet') return { type: 'sheet', url: parsed.toString() };
  return undefined;
}

function interactive(c: JsonObject): Interactive {
  const disabled = c.disabled === true;
  const saveState = oneOf(c.save_state, ['unsaved', 'saved', 'failed'] as const, 'unsaved');
  return { id: str(c.id) ?? '', disabled, saveState, blocked: disabled || saveState === 'saved' };
}

function optionsOf(raw: unknown): OptionModel[] {
  return (Array.isArray(raw) ? raw : []).filter(isObject).map((o) => ({ id: str(o.id) ?? '', text: str(o.text) ?? '', disabled: o.disabled === true }));
}

function listItem(item: JsonObject): ListItemModel {
  const image = str(item.image);
  return {
    id: str(item.id) ?? '',
    title: str(item.title) ?? '',
    subtitle: str(item.subtitle),
    tertiaryText: str(item.tertiary_text),
    image: image === undefined ? undefined : { ...imageSource(image), width: num(item.image_width), height: num(item.image_height), rounded: item.rounded_image === true },
    disabled: item.disabled === true,
    action: actionOf(item.action),
  };
}

/** One component's model, or undefined for a type Canvas Kit does not have. */
function componentModel(c: JsonObject, frame: Frame): Drawn | undefined {
  const label = str(c.label);
  const placeholder = str(c.placeholder);
  switch (c.type) {
    case 'text':
      return { type: 'text', id: str(c.id), segments: parseInlineText(str(c.text) ?? ''), align: oneOf(c.align, ['left', 'center', 'right'] as const, 'left'), style: oneOf(c.style, ['header', 'paragraph', 'muted', 'error'] as const, 'paragraph') };
    case 'button':
      return { type: 'button', ...interactive(c), label: label ?? '', style: oneOf(c.style, ['primary', 'secondary', 'link'] as const, 'primary'), action: actionOf(c.action) };
    case 'input':
      return { type: 'input', ...interactive(c), label, placeholder, value: str(c.value) ?? '', action: actionOf(c.action) };
    case 'textarea':
      return { type: 'textarea', ...interactive(c), label, placeholder, value: str(c.value) ?? '', error: c.error === true };
    case 'single-select':
    case 'dropdown': {
      const options = optionsOf(c.options);
      const value = str(c.value);
      return { type: c.type, ...interactive(c), label, options, value: options.some((o) => o.id === value) ? value : undefined, action: actionOf(c.action) };
    }
    case 'checkbox': {
      // The reference spells it `option`; Intercom's own Inbox tutorial writes `options`. Whether Intercom
      // takes both is unconfirmed: both are drawn, and the validator says which it accepts.
      const options = optionsOf(c.option ?? c.options);
      const values = Array.isArray(c.value) ? c.value.filter((v): v is string => options.some((o) => o.id === v)) : [];
      return { type: 'checkbox', ...interactive(c), label, options, values };
    }
    case 'list':
      return { type: 'list', items: (Array.isArray(c.items) ? c.items : []).filter(isObject).map(listItem), disabled: c.disabled === true };
    case 'data-table':
      return {
        type: 'data-table',
        items: (Array.isArray(c.items) ? c.items : []).filter(isObject).map((i) => ({ field: str(i.field) ?? '', value: str(i.value) ?? '' })),
        overflow: frame === 'messenger' ? 'wrap' : 'truncate',
      };
    case 'image':
      return { type: 'image', id: str(c.id), image: imageSource(c.url), width: num(c.width), height: num(c.height), align: oneOf(c.align, ['left', 'center', 'right', 'full_width'] as const, 'left'), rounded: c.rounded === true, action: actionOf(c.action) };
    case 'spacer':
      return { type: 'spacer', id: str(c.id), size: oneOf(c.size, ['xs', 's', 'm', 'l', 'xl'] as const, 's') };
    case 'divider':
      return { type: 'divider', id: str(c.id) };
    default:
      return undefined;
  }
}

export interface RenderInput {
  flow: Flow;
  placement: Placement;
  /** The whole reply as parsed JSON. */
  reply: unknown;
  validate: ValidateResponse;
  /** A canvas shown to the teammate while configuring. */
  configuring?: boolean;
}

/** Where the components sit in the reply: a live canvas answers with the bare content object. */
const contentPointer = (flow: Flow) => (flow === 'liveCanvas' ? '/content' : '/canvas/content');

function contentOf(flow: Flow, reply: unknown): unknown {
  if (!isObject(reply)) return undefined;
  return flow === 'liveCanvas' ? reply.content : isObject(reply.canvas) ? reply.canvas.content : undefined;
}

export function renderReply({ flow, placement, reply, validate, configuring = false }: RenderInput): CanvasView {
  const frame: Frame = configuring ? 'configure' : capabilityOf(placement) === 'inbox' ? 'inbox' : 'messenger';
  const problems = validate(flow, placement, reply);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) return { kind: 'errorCard', frame, reasons: errors };
  const at = contentPointer(flow);
  const content = contentOf(flow, reply);
  if (!isObject(content) || !Array.isArray(content.components)) {
    return { kind: 'errorCard', frame, reasons: [{ pointer: at, message: `No ${at.slice(1).replaceAll('/', '.')}.components to draw.`, severity: 'error' }] };
  }
  const components: ComponentModel[] = [];
  const undrawable: SchemaProblem[] = [];
  componentsOf(content).forEach((c, index) => {
    const pointer = `${at}/components/${index}`;
    const model = componentModel(c, frame);
    if (model) components.push({ ...model, pointer, bottomMargin: c.bottom_margin !== 'none' });
    else undrawable.push({ pointer: `${pointer}/type`, message: `Canvas Kit has no component of type ${JSON.stringify(c.type)}.`, severity: 'error' });
  });
  if (components.length < content.components.length - undrawable.length) {
    undrawable.push({ pointer: `${at}/components`, message: 'Every component must be an object.', severity: 'error' });
  }
  if (undrawable.length > 0) return { kind: 'errorCard', frame, reasons: undrawable };
  return { kind: 'canvas', frame, components, warnings: problems };
}
