// The timeline beside the canvas: one row per request, newest first, with the flow, URL, status, time, size
// and signature; opened, the redacted bodies and the schema errors, and the actions on the entry.
import { FLOW_NAMES } from './labels';
import type { TimelineEntry } from '../timeline';
import type { EntryAction } from '../panelMessages';
import { cls, el } from './dom';

const kb = (bytes: number) => (bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`);

const SIGNATURES: Readonly<Record<TimelineEntry['signature']['kind'], string>> = {
  valid: 'signed',
  wrong: 'wrong signature (check)',
  missing: 'no signature (check)',
  unsigned: 'unsigned (open sheet)',
};

function pretty(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

function status(entry: TimelineEntry): string {
  if (entry.failure && !entry.response) return entry.failure.kind;
  return String(entry.response?.status ?? '');
}

export function renderEntry(entry: TimelineEntry, act: (action: EntryAction, entryId: number) => void): HTMLElement {
  const failed = entry.failure !== undefined || entry.problems.some((p) => p.severity === 'error') || entry.acceptedBadSignature === true;
  const flow = FLOW_NAMES[entry.flow];
  const summary = el('summary', { class: 'tl-summary' },
    el('span', { class: cls('tl-status', ['bad', failed]) }, status(entry)),
    el('span', { class: 'tl-flow' }, flow),
    el('span', { class: 'tl-meta' }, `${entry.ms} ms · ${kb(entry.request.size)} → ${entry.response ? kb(entry.response.size) : '—'} · ${SIGNATURES[entry.signature.kind]}`),
    el('span', { class: 'tl-url', title: entry.url }, entry.url));
  const button = (action: EntryAction, text: string, shown = true) => {
    if (!shown) return undefined;
    const b = el('button', { type: 'button', class: 'tl-action', 'data-action': action }, text);
    b.addEventListener('click', () => act(action, entry.id));
    return b;
  };
  const details = el('details', { class: 'tl-entry', 'data-entry': String(entry.id) }, summary,
    entry.acceptedBadSignature ? el('p', { class: 'tl-flag' }, `This app does not verify Canvas Kit signatures: it answered ${entry.response?.status} to a ${entry.signature.kind} X-Body-Signature.`) : undefined,
    entry.failure ? el('p', { class: 'tl-failure' }, entry.failure.message) : undefined,
    entry.problems.length > 0 ? el('ul', { class: 'tl-problems' }, ...entry.problems.map((p) => el('li', { class: p.severity }, el('code', {}, p.pointer || '/'), ' ', p.message))) : undefined,
    el('div', { class: 'tl-actions' },
      button('copyCurl', 'Copy as curl'),
      button('saveFixture', 'Save response as fixture', entry.response !== undefined && entry.flow !== 'openSheet'),
      button('replay', 'Replay')),
    entry.signature.header ? el('p', { class: 'tl-sig' }, el('code', {}, `X-Body-Signature: ${entry.signature.header}`)) : undefined,
    el('h4', {}, 'Request'), el('pre', { class: 'tl-body' }, pretty(entry.request.body)),
    entry.response ? el('h4', {}, `Response (${entry.response.contentType ?? 'no content type'})`) : undefined,
    entry.response ? el('pre', { class: 'tl-body' }, pretty(entry.response.body)) : undefined);
  return details;
}
