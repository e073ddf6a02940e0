// The simulator panel's script (dist/canvasKitWebview.js): draws the state the extension sends and reports
// what the person does. It decides nothing: clicks, links and the sheet's calls all go to the extension.
import type { FromWebview, PanelState, ToWebview } from '../panelMessages';
import type { Placement } from '../flows';
import { enteredValues, renderView } from './components';
import { cls, el } from './dom';
import { PLACEMENT_LABELS } from './labels';
import { renderEntry } from './timeline';

declare function acquireVsCodeApi(): { postMessage(message: FromWebview): void };

const vscode = acquireVsCodeApi();
const post = (message: FromWebview) => vscode.postMessage(message);
const root = document.getElementById('app')!;

const placement = el('select', { id: 'placement', 'aria-label': 'Placement' },
  ...Object.entries(PLACEMENT_LABELS).map(([id, text]) => el('option', { value: id }, text)));
placement.addEventListener('change', () => post({ kind: 'placement', placement: placement.value as Placement }));

function toolButton(text: string, message: FromWebview, title: string): HTMLButtonElement {
  const b = el('button', { type: 'button', class: 'tool', title }, text);
  b.addEventListener('click', () => post(message));
  return b;
}
const refresh = toolButton('↻ Refresh live canvas', { kind: 'refresh' }, 'POST to the content_url again, as each view of a live canvas does');
const toolbar = el('div', { class: 'toolbar', role: 'toolbar' },
  el('label', { for: 'placement' }, 'Placement '), placement,
  toolButton('▶ Restart', { kind: 'restart' }, 'Run configure (if set) and initialize again'),
  refresh,
  toolButton('Send with a bad signature', { kind: 'checkSignatures' }, 'Send initialize with a wrong and then no X-Body-Signature: an app that answers 2xx does not verify signatures'),
  toolButton('Edit context', { kind: 'editContext' }, 'Open .intercom/canvas/context.json'),
  toolButton('Settings', { kind: 'openSettings' }, 'The app\'s URLs and the timeout'));
const notices = el('div', { class: 'notices', 'aria-live': 'polite' });
const canvas = el('div', { class: 'canvas', id: 'canvas' });
const sheetArea = el('div', { class: 'sheet', hidden: true });
const timeline = el('div', { class: 'timeline', id: 'timeline', 'aria-label': 'Requests' });
root.append(toolbar, notices, el('div', { class: 'columns' },
  el('section', { class: 'stage', 'aria-label': 'Canvas' }, canvas, sheetArea),
  el('section', { class: 'side' }, el('h3', {}, 'Requests'), timeline)));

let shownScreen = '';
let sheetFrame: HTMLIFrameElement | undefined;
let sheetTitle: HTMLElement | undefined;

function showState(state: PanelState): void {
  placement.value = state.placement;
  refresh.hidden = !(state.screen.kind === 'view' && state.screen.live);
  document.body.style.setProperty('--ck-accent', state.accent);
  notices.replaceChildren(...state.notices.map((n) => el('p', { class: `notice ${n.level}` }, n.text)));
  if (state.signatureCheck) notices.append(el('p', { class: cls('notice', state.signatureCheck.verifies ? 'info' : 'error'), 'data-check': 'signature' }, state.signatureCheck.message));
  canvas.setAttribute('aria-busy', String(state.busy));
  canvas.toggleAttribute('inert', state.busy);
  const screen = JSON.stringify(state.screen);
  if (screen !== shownScreen) {
    shownScreen = screen;
    const s = state.screen;
    canvas.replaceChildren(s.kind === 'blank'
      ? el('p', { class: 'muted' }, 'Nothing sent yet.')
      : renderView(s.view, { click: (componentId) => post({ kind: 'click', componentId, values: enteredValues(canvas) }), openLink: (url) => post({ kind: 'openLink', url }) }));
  }
  canvas.querySelector('.completed')?.remove();
  if (state.completed) canvas.prepend(el('p', { class: 'completed', role: 'status' }, '✓ event: completed — the app marked its purpose as done'));
}

function showSheet(sheet: { html: string; title: string } | undefined): void {
  sheetFrame = undefined;
  sheetArea.hidden = !sheet;
  canvas.hidden = Boolean(sheet);
  if (!sheet) {
    sheetArea.replaceChildren();
    return;
  }
  sheetTitle = el('span', { class: 'sheet-title' }, sheet.title);
  const close = el('button', { type: 'button', class: 'sheet-close', 'aria-label': 'Close the sheet' }, '×');
  close.addEventListener('click', () => post({ kind: 'closeSheet' }));
  // Its own opaque origin: the page reaches this script only by postMessage, and never the extension.
  sheetFrame = el('iframe', { class: 'sheet-frame', sandbox: 'allow-scripts allow-forms', title: sheet.title });
  sheetFrame.srcdoc = sheet.html;
  sheetArea.replaceChildren(el('div', { class: 'sheet-header' }, sheetTitle, close), sheetFrame);
}

const entries = new Map<number, HTMLElement>();
function addEntry(entry: Parameters<typeof renderEntry>[0]): void {
  const row = renderEntry(entry, (action, entryId) => post({ kind: action, entryId }));
  entries.get(entry.id)?.replaceWith(row);
  if (!entries.has(entry.id)) timeline.prepend(row);
  entries.set(entry.id, row);
}

window.addEventListener('message', (event: MessageEvent) => {
  if (sheetFrame && event.source === sheetFrame.contentWindow) {
    post({ kind: 'sheetMessage', data: event.data });
    return;
  }
  const message = event.data as ToWebview;
  switch (message?.kind) {
    case 'state':
      return showState(message.state);
    case 'timeline':
      entries.clear();
      timeline.replaceChildren();
      return message.entries.forEach(addEntry);
    case 'entry':
      return addEntry(message.entry);
    case 'sheet':
      return showSheet(message.sheet);
    case 'sheetTitle':
      if (sheetTitle) sheetTitle.textContent = message.title;
      return undefined;
  }
});

post({ kind: 'ready' });
