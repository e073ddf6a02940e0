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

function segments(parts: TextSegment[], actions: CanvasActions): Node[] {
  return parts.map((s) => {
    const text = s.bold ? el('strong', {}, s.text) : document.createTextNode(s.text);
    if (!s.href) return text;
    const href = s.href;
    const link = el('a', { href: '#', title: href }, text);
    link.addEventListener('click', (e) => {
      e.preventDefault();
      actions.openLink(href);
    });
    return link;
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

function options(c: { id: string; options: OptionModel[]; blocked: boolean }, type: 'radio' | 'checkbox', checked: (o: OptionModel) => boolean, onChange?: () => void): HTMLElement {
  const group = el('div', { class: `ck-options ck-${type}`, role: type === 'radio' ? 'radiogroup' : 'group' });
  for (const o of c.options) {
    const input = el('input', { type, name: `ck-${c.id}`, value: o.id, 'data-option-for': c.id, disabled: c.blocked || o.disabled, checked: checked(o) });
    if (onChange) input.addEventListener('change', onChange);
    group.append(el('label', { class: cls('ck-option', ['disabled', c.blocked || o.disabled]) }, input, el('span', {}, o.text)));
  }
  return group;
}

function listItem(item: ListItemModel, listDisabled: boolean, actions: CanvasActions): HTMLElement {
  const blocked = listDisabled || item.disabled;
  const body = el('span', { class: 'ck-item-text' },
    el('span', { class: 'ck-item-title' }, item.title),
    item.subtitle !== undefined || item.tertiaryText !== undefined
      ? el('span', { class: 'ck-item-sub' }, [item.subtitle, item.tertiaryText].filter((t) => t !== undefined).join(' • '))
      : undefined);
  const children = [item.image ? image(item.image, item.image.width, item.image.height, item.image.rounded) : undefined, body];
  if (!item.action) return el('div', { class: cls('ck-item', ['disabled', blocked]) }, ...children);
  const button = el('button', { type: 'button', class: cls('ck-item', 'actionable', ['disabled', blocked]), disabled: blocked, 'data-component': item.id }, ...children);
  button.addEventListener('click', () => actions.click(item.id));
  return button;
}

function component(c: ComponentModel, actions: CanvasActions): HTMLElement {
  const domId = (id: string) => `ck-c-${id}`;
  switch (c.type) {
    case 'text':
      return el('p', { class: `ck-text ${c.style} align-${c.align}` }, ...segments(c.segments, actions));
    case 'button': {
      const b = el('button', { type: 'button', class: cls('ck-button', c.style), disabled: c.blocked, 'data-component': c.id }, c.label);
      b.addEventListener('click', () => actions.click(c.id));
      return el('div', { class: 'ck-field' }, b, saveState(c));
    }
    case 'input': {
      const input = el('input', { id: domId(c.id), type: 'text', class: 'ck-input', placeholder: c.placeholder, value: c.value, disabled: c.blocked, 'data-field': c.id });
      let inline: HTMLElement | undefined;
      if (c.action) {
        inline = el('button', { type: 'button', class: 'ck-inline-action', disabled: c.blocked, 'aria-label': `Submit ${c.label ?? c.id}`, 'data-component': c.id }, '→');
        inline.addEventListener('click', () => actions.click(c.id));
        input.addEventListener('keydown', (e) => {
          if (e.key === 'Enter') actions.click(c.id);
        });
      }
      return el('div', { class: 'ck-field' }, label(c.label, domId(c.id)), el('div', { class: 'ck-input-row' }, input, inline), saveState(c));
    }
    case 'textarea': {
      const area = el('textarea', { id: domId(c.id), class: cls('ck-input', ['error', c.error]), placeholder: c.placeholder, disabled: c.blocked, 'data-field': c.id });
      area.value = c.value;
      return el('div', { class: 'ck-field' }, label(c.label, domId(c.id)), area);
    }
    case 'single-select':
      return el('div', { class: 'ck-field' }, label(c.label), options(c, 'radio', (o) => o.id === c.value, c.action ? () => actions.click(c.id) : undefined), saveState(c));
    case 'dropdown': {
      const select = el('select', { id: domId(c.id), class: 'ck-input', disabled: c.blocked, 'data-field': c.id },
        el('option', { value: '', selected: c.value === undefined, disabled: true }, 'Select…'),
        ...c.options.map((o) => el('option', { value: o.id, disabled: o.disabled, selected: o.id === c.value }, o.text)));
      if (c.action) select.addEventListener('change', () => actions.click(c.id));
      return el('div', { class: 'ck-field' }, label(c.label, domId(c.id)), select, saveState(c));
    }
    case 'checkbox':
      return el('div', { class: 'ck-field' }, label(c.label), options(c, 'checkbox', (o) => c.values.includes(o.id)), saveState(c));
    case 'list':
      return el('div', { class: 'ck-list' }, ...c.items.map((i) => listItem(i, c.disabled, actions)));
    case 'data-table':
      return el('dl', { class: `ck-table ${c.overflow}` }, ...c.items.flatMap((i) => [el('dt', {}, i.field), el('dd', { title: c.overflow === 'truncate' ? i.value : undefined }, i.value)]));
    case 'image': {
      const img = image(c.image, c.width, c.height, c.rounded);
      let inner: HTMLElement = img;
      if (c.action) {
        inner = el('button', { type: 'button', class: 'ck-image-action', 'data-component': c.id ?? '' }, img);
        inner.addEventListener('click', () => actions.click(c.id ?? ''));
      }
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

/** The frame with the canvas or Intercom's generic error card, and our reasons beside it. */
export function renderView(view: CanvasView, actions: CanvasActions): HTMLElement {
  const frame = el('div', { class: `ck-frame ${view.frame}`, 'data-frame': view.frame });
  if (view.kind === 'errorCard') {
    frame.append(el('div', { class: 'ck-error-card', role: 'alert' }, el('p', {}, 'Something went wrong'), el('p', { class: 'muted' }, 'This app could not be loaded.')));
    return el('div', { class: 'ck-view' }, frame, problems(view.reasons, 'Why Intercom would show this card'));
  }
  for (const c of view.components) {
    const node = component(c, actions);
    node.classList.add('ck-component');
    if (!c.bottomMargin) node.classList.add('no-margin');
    node.dataset.pointer = c.pointer;
    frame.append(node);
  }
  return el('div', { class: 'ck-view' }, frame, view.warnings.length > 0 ? problems(view.warnings, 'Warnings') : undefined);
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
