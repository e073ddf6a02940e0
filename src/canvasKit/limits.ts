// Intercom's size limits on a reply: 64 KB each for `content`, `content_url` and `stored_data`. Measured
// as the field's JSON in UTF-8, the bytes Intercom receives for it.
import { isObject } from './canvas';
import type { Flow, SchemaProblem } from './flows';

export const FIELD_LIMIT_BYTES = 64 * 1024;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** One error per field over the limit. */
export function oversizeFields(flow: Flow, reply: unknown): SchemaProblem[] {
  if (!isObject(reply)) return [];
  const fields: [string, unknown][] = flow === 'liveCanvas'
    ? [['/content', reply.content]]
    : isObject(reply.canvas)
      ? [['/canvas/content', reply.canvas.content], ['/canvas/content_url', reply.canvas.content_url], ['/canvas/stored_data', reply.canvas.stored_data]]
      : [];
  return fields.flatMap(([pointer, value]) => {
    if (value === undefined) return [];
    const bytes = Buffer.byteLength(JSON.stringify(value), 'utf8');
    return bytes > FIELD_LIMIT_BYTES
      ? [{ pointer, severity: 'error' as const, message: `${pointer.split('/').pop()} is ${kb(bytes)}, over Intercom's limit of 64 KB per field.` }]
      : [];
  });
}
