// `.intercom/canvas/context.json`: the developer's edits to the simulated context, keyed as Intercom's
// requests spell them. Read tolerantly: a bad entry is reported and skipped, the others still apply.
import { isObject } from './canvas';
import type { CanvasContext } from './context';

export const CONTEXT_FILE = '.intercom/canvas/context.json';

export interface ContextFileProblem {
  /** The key at fault; absent when the whole file is. */
  key?: string;
  message: string;
  severity: 'error' | 'warning';
}

export interface ContextFile {
  overrides: Partial<CanvasContext>;
  problems: ContextFileProblem[];
}

type Kind = 'string' | 'colour' | 'object';

const KEYS: Readonly<Record<string, { field: keyof CanvasContext; kind: Kind }>> = {
  workspace_id: { field: 'workspaceId', kind: 'string' },
  workspace_region: { field: 'workspaceRegion', kind: 'string' },
  locale: { field: 'locale', kind: 'string' },
  referrer: { field: 'referrer', kind: 'string' },
  messenger_action_colour: { field: 'messengerActionColour', kind: 'colour' },
  messenger_background_colour: { field: 'messengerBackgroundColour', kind: 'colour' },
  admin: { field: 'admin', kind: 'object' },
  user: { field: 'user', kind: 'object' },
  contact: { field: 'contact', kind: 'object' },
  conversation: { field: 'conversation', kind: 'object' },
};

/** Older examples spell the colours the American way; Intercom's reference says `_colour`. */
const ALIASES: Readonly<Record<string, string>> = {
  messenger_action_color: 'messenger_action_colour',
  messenger_background_color: 'messenger_background_colour',
};

const EXPECTED: Readonly<Record<Kind, string>> = {
  string: 'a string',
  colour: 'a hex colour such as "#1f8ceb"',
  object: 'an object (its keys replace the sample\'s)',
};

function fits(kind: Kind, value: unknown): boolean {
  if (kind === 'object') return isObject(value);
  if (typeof value !== 'string') return false;
  return kind === 'string' ? value.trim() !== '' : /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(value);
}

/** Where JSON.parse stopped, as "line L, column C" (V8 says either a position or a line and column). */
function where(text: string, message: string): string {
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return ` at line ${lineColumn[1]}, column ${lineColumn[2]}`;
  const position = /position (\d+)/.exec(message);
  if (!position) return '';
  const before = text.slice(0, Number(position[1])).split('\n');
  return ` at line ${before.length}, column ${before[before.length - 1].length + 1}`;
}

export function parseContextFile(text: string): ContextFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const message = `${CONTEXT_FILE} is not valid JSON${where(text, String((e as Error).message))}; the sample context is used until it is fixed.`;
    return { overrides: {}, problems: [{ message, severity: 'error' }] };
  }
  if (!isObject(json)) {
    return { overrides: {}, problems: [{ message: `${CONTEXT_FILE} must hold a JSON object, such as {"locale": "fr"}; the sample context is used.`, severity: 'error' }] };
  }
  const overrides: Partial<CanvasContext> = {};
  const problems: ContextFileProblem[] = [];
  for (const [written, value] of Object.entries(json)) {
    const key = ALIASES[written] ?? written;
    const spec = KEYS[key];
    if (!spec) {
      problems.push({ key: written, severity: 'warning', message: `"${written}" is not a context key and is ignored. The keys are: ${Object.keys(KEYS).join(', ')}.` });
      continue;
    }
    if (key !== written) problems.push({ key: written, severity: 'warning', message: `"${written}" is read as "${key}", Intercom's spelling.` });
    if (!fits(spec.kind, value)) {
      problems.push({ key: written, severity: 'error', message: `"${written}" must be ${EXPECTED[spec.kind]}; it is ignored.` });
      continue;
    }
    (overrides as Record<string, unknown>)[spec.field] = value;
  }
  return { overrides, problems };
}

/** The context with the file's values: strings replace, objects replace the sample's keys one by one. */
export function applyContextFile(base: CanvasContext, { overrides }: ContextFile): CanvasContext {
  const merged: CanvasContext = { ...base, ...overrides };
  for (const field of ['admin', 'user', 'contact', 'conversation'] as const) {
    if (overrides[field]) merged[field] = { ...base[field], ...overrides[field] };
  }
  return merged;
}
