// The shapes of an app's replies as the simulator reads them. Loose on purpose: the validator says what
// is wrong with a reply; these types only name what the simulator uses.
import type { JsonObject } from './context';

/** A static canvas holds `content`; a live one holds `content_url` instead. */
export interface CanvasObject {
  content?: { components: unknown[] };
  content_url?: string;
  stored_data?: JsonObject;
}

/** What a reply may carry, across the flows. */
export interface CanvasReply {
  canvas?: CanvasObject;
  /** Configure only: ends configuration; initialize then carries these as `card_creation_options`. */
  results?: JsonObject;
  /** Submit and submit sheet: `{type: "completed"}` marks the app's purpose as done. */
  event?: { type?: unknown };
  /** Inbox submit: Intercom then inserts a Messenger card initialized with these into the reply. */
  card_creation_options?: JsonObject;
  /** Live canvas only: the content object, not wrapped in a canvas. */
  content?: { components: unknown[] };
}

/** `input_values`: entered text, a chosen option id, or the ids of ticked options. */
export type InputValues = Record<string, string | string[]>;

export const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The components of a canvas or of a live canvas's content; [] when there are none to read. */
export function componentsOf(content: unknown): JsonObject[] {
  const components = isObject(content) && Array.isArray(content.components) ? content.components : [];
  return components.filter(isObject);
}

/**
 * The values a submit carries: every input, textarea and checkbox, and each select with a choice, from what
 * the canvas set (`value`) overlaid with what was entered.
 */
export function inputValuesOf(components: readonly JsonObject[], entered: InputValues = {}): InputValues {
  const values: InputValues = {};
  for (const c of components) {
    if (typeof c.id !== 'string') continue;
    const given = entered[c.id];
    switch (c.type) {
      case 'input':
      case 'textarea':
        values[c.id] = typeof given === 'string' ? given : typeof c.value === 'string' ? c.value : '';
        break;
      case 'single-select':
      case 'dropdown': {
        const chosen = typeof given === 'string' ? given : typeof c.value === 'string' ? c.value : undefined;
        if (chosen !== undefined) values[c.id] = chosen;
        break;
      }
      case 'checkbox':
        values[c.id] = Array.isArray(given) ? [...given] : Array.isArray(c.value) ? c.value.filter((v): v is string => typeof v === 'string') : [];
        break;
    }
  }
  return values;
}
