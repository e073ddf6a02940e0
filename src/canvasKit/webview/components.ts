// Draws a render model (render.ts) as Intercom draws the 12 components, in the Messenger's, the Inbox's or
// the configure frame. Only DOM calls and text nodes: the app's strings are never parsed as HTML. Links
// and actions are reported to the extension, which decides what to open.
import type { CanvasView, ComponentModel, ImageSource, ListItemModel, OptionModel } from '../render';
import type { TextSegment } from '../inlineText';
import type { InputValues } from '../canvas';
import type { SchemaProblem } from '../flows';
import { cls, el } from './dom';

export interface CanvasActions {
  /** A component (or list item) with an action was used; the values of every interactive component go along. */
  click(componentId: string): void;
  openLink(url: string): void;
}

// What a use does is written on the element (data-component, data-href, data-submit), and one listener per
// kind on the frame reads it: a 64 KB canvas has hundreds of buttons, and no listener each to set up.

function segments(parts: TextSegment[]): Node[] {
  return parts.map((s) => {
    const text = s.bold ? el('strong', {}, s.text) : document.createTextNode(s.text);
    return s.href ? el('a', { href: '#', title: s.href, 'data-href': s.href }, text) : text;
  });
}

function image(source: ImageSource, width: number, height: number, rounded: boolean, alt = ''): HTMLElement {
  if ('blocked' in source) return el('span', { class: 'ck-image-blocked', role: 'img', title: source.blocked }, `🚫 ${source.blocked}`);
  const img = el('img', { src: source.url, alt, class: cls('ck-img', ['rounded', rounded]) });
  if (width > 0) img.width = width;
  if (height > 0) img.height = height;
  return img;
}

function label(text: string | undefined, forId?: string): HTMLElement | undefined {
  return text === undefined ? undefined : el('label', { class: 'ck-label', for: forId }, text);
}

const saveState = (c: { saveState: string }) => (c.saveState === 'unsaved' ? undefined : el('span', { class: `ck-save ${c.saveState}` }, c.saveState === 'saved' ? '✓ Saved' : '✗ Failed'));

function options(c: { id: string; options: OptionModel[]; blocked: boolean }, type: 'radio' | 'checkbox', checked: (o: OptionModel) => boolean, submits = false): HTMLElement {
  const group = el('div', { class: `ck-options ck-${type}`, role: type === 'radio' ? 'radiogroup' : 'group' });
  for (const o of c.options) {
    const input = el('input', { type, name: `ck-${c.id}`, value: o.id, 'data-option-for': c.id, disabled: c.blocked || o.disabled, checked: checked(o), 'data-submit': submits && c.id });
    group.append(el('label', { class: cls('ck-option', ['disabled', c.blocked || o.disabled]) }, input, el('span', {}, o.text)));
  }
  return group;
}

function listItem(item: ListItemModel, listDisabled: boolean): HTMLElement {
  const blocked = listDisabled || item.disabled;
  const body = el('span', { class: 'ck-item-text' },
    el('span', { class: 'ck-item-title' }, item.title),
    item.subtitle !== undefined || item.tertiaryText !== undefined
      ? el('span', { class: 'ck-item-sub' }, [item.subtitle, item.tertiaryText].filter((t) => t !== undefined).join(' • '))
      : undefined);
  const children = [item.image ? image(item.image, item.image.width, item.image.height, item.image.rounded) : undefined, body];
  if (!item.action) return el('div', { class: cls('ck-item', ['disabled', blocked]) }, ...children);
  return el('button', { type: 'button', class: cls('ck-item', 'actionable', ['disabled', blocked]), disabled: blocked, 'data-component': item.id }, ...children);
}

function component(c: ComponentModel): HTMLElement {
  const domId = (id: string) => `ck-c-${id}`;
  switch (c.type) {
    case 'text':
      return el('p', { class: `ck-text ${c.style} align-${c.align}` }, ...segments(c.segments));
    case 'button':
      return el('div', { class: 'ck-field' }, el('button', { type: 'button', class: cls('ck-button', c.style), disabled: c.blocked, 'data-component': c.id }, c.label), saveState(c));
    case 'input': {
      // With an action, Enter in the field submits it too.
      const input = el('input', { id: domId(c.id), type: 'text', class: 'ck-input', placeholder: c.placeholder, value: c.value, disabled: c.blocked, 'data-field': c.id, 'data-submit': Boolean(c.action) && c.id });
      const inline = c.action && el('button', { type: 'button', class: 'ck-inline-action', disabled: c.blocked, 'aria-label': `Submit ${c.label ?? c.id}`, 'data-component': c.id }, '→');
      return el('div', { class: 'ck-field' }, label(c.label, domId(c.id)), el('div', { class: 'ck-input-row' }, input, inline), saveState(c));
    }
    case 'textarea': {
      const area = el('textarea', { id: domId(c.id), class: cls('ck-input', ['error', c.error]), placeholder: c.placeholder, disabled: c.blocked, 'data-field': c.id });
      area.value = c.value;
      return el('div', { class: 'ck-field' }, label(c.label, domId(c.id)), area);
    }
    case 'single-select':
      return el('div', { class: 'ck-field' }, label(c.label), options(c, 'radio', (o) => o.id === c.value, Boolean(c.action)), saveState(c));
    case 'dropdown': {
      const select = el('select', { id: domId(c.id), class: 'ck-input', disabled: c.blocked, 'data-field': c.id, 'data-submit': Boolean(c.action) && c.id },
        el('option', { value: '', selected: c.value === undefined, disabled: true }, 'Select…'),
        ...c.options.map((o) => el('option', { value: o.id, disabled: o.disabled, selected: o.id === c.value }, o.text)));
      return el('div', { class: 'ck-field' }, label(c.label, domId(c.id)), select, saveState(c));
    }
    case 'checkbox':
      return el('div', { class: 'ck-field' }, label(c.label), options(c, 'checkbox', (o) => c.values.includes(o.id)), saveState(c));
    case 'list':
      return el('div', { class: 'ck-list' }, ...c.items.map((i) => listItem(i, c.disabled)));
    case 'data-table':
      return el('dl', { class: `ck-table ${c.overflow}` }, ...c.items.flatMap((i) => [el('dt', {}, i.field), el('dd', { title: c.overflow === 'truncate' ? i.value : undefined }, i.value)]));
    case 'image': {
      const img = image(c.image, c.width, c.height, c.rounded);
      const inner = c.action ? el('button', { type: 'button', class: 'ck-image-action', 'data-component': c.id ?? '' }, img) : img;
      return el('div', { class: `ck-image align-${c.align}` }, inner);
    }
    case 'spacer':
      return el('div', { class: `ck-spacer size-${c.size}`, 'aria-hidden': 'true' });
    case 'divider':
      return el('hr', { class: 'ck-divider' });
  }
}

function problems(list: SchemaProblem[], title: string): HTMLElement {
  return el('div', { class: 'ck-reasons', role: 'note' },
    el('strong', {}, title),
    el('ul', {}, ...list.map((p) => el('li', { class: p.severity }, p.pointer ? el('code', {}, p.pointer) : undefined, p.pointer ? ' ' : undefined, p.message))));
}

/**
 * Components drawn at once: more than a frame shows. A long canvas (64 KB holds hundreds of components) draws
 * the rest in the next tasks, CHUNK at a time, so its top shows first; a use of the canvas draws the rest at
 * once, since a submit carries the values of every component.
 */
const FIRST = 40;
const CHUNK = 150;

/** The frame with the canvas or Intercom's generic error card, and our reasons beside it. */
export function renderView(view: CanvasView, actions: CanvasActions): HTMLElement {
  const frame = el('div', { class: `ck-frame ${view.frame}`, 'data-frame': view.frame });
  if (view.kind === 'errorCard') {
    frame.append(el('div', { class: 'ck-error-card', role: 'alert' }, el('p', {}, 'Something went wrong'), el('p', { class: 'muted' }, 'This app could not be loaded.')));
    return el('div', { class: 'ck-view' }, frame, problems(view.reasons, 'Why Intercom would show this card'));
  }
  const { components } = view;
  let drawn = 0;
  const drawUntil = (end: number) => {
    for (; drawn < Math.min(end, components.length); drawn++) {
      const c = components[drawn];
      const node = component(c);
      node.classList.add('ck-component');
      if (!c.bottomMargin) node.classList.add('no-margin');
      node.setAttribute('data-pointer', c.pointer);
      frame.append(node);
    }
    // The bench and the tests wait for this; a canvas replaced meanwhile (no longer in the page) is left.
    if (drawn === components.length) frame.setAttribute('data-drawn', 'all');
    else setTimeout(() => frame.isConnected && drawUntil(drawn + CHUNK), 0);
  };
  drawUntil(FIRST);
  listen(frame, actions, () => drawUntil(components.length));
  return el('div', { class: 'ck-view' }, frame, view.warnings.length > 0 ? problems(view.warnings, 'Warnings') : undefined);
}

function listen(frame: HTMLElement, actions: CanvasActions, drawAll: () => void): void {
  const use = (componentId: string) => {
    drawAll();
    actions.click(componentId);
  };
  frame.addEventListener('click', (e) => {
    const target = e.target as Element;
    const link = target.closest<HTMLElement>('[data-href]');
    if (link) {
      e.preventDefault();
      actions.openLink(link.dataset.href!);
      return;
    }
    // A disabled button gets no click: what reaches here can be used.
    const used = target.closest<HTMLButtonElement>('button[data-component]');
    if (used && frame.contains(used)) use(used.dataset.component!);
  });
  // A choice made submits (single-select and dropdown with an action); Enter submits a text input with one.
  const submits = (target: EventTarget | null, enter: boolean): string | undefined => {
    const field = target as HTMLInputElement | HTMLSelectElement;
    const typed = field.tagName === 'INPUT' && field.type === 'text';
    return typed === enter ? field.dataset.submit : undefined;
  };
  frame.addEventListener('change', (e) => {
    const id = submits(e.target, false);
    if (id) use(id);
  });
  frame.addEventListener('keydown', (e) => {
    const id = e.key === 'Enter' ? submits(e.target, true) : undefined;
    if (id) use(id);
  });
}

/** What a submit carries from the drawn canvas: text typed, the option chosen, the boxes ticked. */
export function enteredValues(root: ParentNode): InputValues {
  const values: InputValues = {};
  root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('[data-field]').forEach((field) => {
    // A select left on its prompt has no choice; a text field's empty text is still its value.
    if (field.tagName !== 'SELECT' || field.value !== '') values[field.dataset.field!] = field.value;
  });
  root.querySelectorAll<HTMLInputElement>('input[data-option-for]').forEach((box) => {
    const id = box.dataset.optionFor!;
    if (box.type === 'checkbox') {
      const ticked = Array.isArray(values[id]) ? (values[id] as string[]) : [];
      values[id] = box.checked ? [...ticked, box.value] : ticked;
    } else if (box.checked) values[id] = box.value;
  });
  return values;
}
