// What the simulator's panel and its webview say to each other. The webview only draws and reports clicks;
// every decision (what to send, where a link may go) is the extension's. Messages from the webview are read
// as untrusted: parsePanelMessage keeps only the shapes below.
import { isObject, type InputValues } from './canvas';
import { PLACEMENTS, type Placement } from './flows';
import type { Screen } from './engine';
import type { TimelineEntry } from './timeline';

export interface PanelState {
  placement: Placement;
  screen: Screen;
  busy: boolean;
  /** The last reply carried `event: {type: "completed"}`. */
  completed: boolean;
  /** Why nothing can be sent (no URL, no client secret), or what the context file got wrong. */
  notices: { level: 'error' | 'warning' | 'info'; text: string }[];
  signatureCheck?: { verifies: boolean; message: string };
  /** The Messenger's action colour from the context, for primary buttons. */
  accent: string;
}

export type ToWebview =
  | { kind: 'state'; state: PanelState }
  /** The whole timeline (after a restart); then one entry at a time. */
  | { kind: 'timeline'; entries: TimelineEntry[] }
  | { kind: 'entry'; entry: TimelineEntry }
  /** The sheet page with the sheet library stand-in; `undefined` closes the sheet. */
  | { kind: 'sheet'; sheet?: { html: string; title: string } }
  | { kind: 'sheetTitle'; title: string };

export type EntryAction = 'copyCurl' | 'saveFixture' | 'replay';

export type FromWebview =
  | { kind: 'ready' }
  | { kind: 'placement'; placement: Placement }
  | { kind: 'restart' }
  | { kind: 'click'; componentId: string; values: InputValues }
  | { kind: 'refresh' }
  | { kind: 'openLink'; url: string }
  | { kind: 'checkSignatures' }
  | { kind: EntryAction; entryId: number }
  /** A message the sheet page posted, as received: the host reads it with parseSheetMessage. */
  | { kind: 'sheetMessage'; data: unknown }
  | { kind: 'closeSheet' }
  | { kind: 'openSettings' }
  | { kind: 'editContext' };

const SIMPLE = new Set(['ready', 'restart', 'refresh', 'checkSignatures', 'closeSheet', 'openSettings', 'editContext']);

function inputValues(raw: unknown): InputValues | undefined {
  if (!isObject(raw)) return undefined;
  const values: InputValues = {};
  for (const [id, value] of Object.entries(raw)) {
    if (typeof value === 'string') values[id] = value;
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) values[id] = value as string[];
    else return undefined;
  }
  return values;
}

/** The message if it is one of FromWebview's shapes; undefined otherwise. */
export function parsePanelMessage(data: unknown): FromWebview | undefined {
  if (!isObject(data) || typeof data.kind !== 'string') return undefined;
  const { kind } = data;
  if (SIMPLE.has(kind)) return { kind } as FromWebview;
  switch (kind) {
    case 'placement':
      return typeof data.placement === 'string' && Object.hasOwn(PLACEMENTS, data.placement) ? { kind, placement: data.placement as Placement } : undefined;
    case 'click': {
      const values = inputValues(data.values);
      return typeof data.componentId === 'string' && values ? { kind, componentId: data.componentId, values } : undefined;
    }
    case 'openLink':
      return typeof data.url === 'string' ? { kind, url: data.url } : undefined;
    case 'copyCurl':
    case 'saveFixture':
    case 'replay':
      return Number.isSafeInteger(data.entryId) ? { kind, entryId: data.entryId as number } : undefined;
    case 'sheetMessage':
      return { kind, data: data.data };
    default:
      return undefined;
  }
}
