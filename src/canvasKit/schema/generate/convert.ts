// OpenAPI 3.0 schema objects → JSON Schema draft 2020-12, keyword by keyword. Only the keywords the Canvas
// Kit schemas use are known: any other one stops the conversion, so a change in Intercom's description is
// looked at rather than silently dropped or passed on.
import type { OpenApiSchema } from './pick';

export type JsonSchema = { [keyword: string]: unknown };

/** Kept as they are (their values hold no schemas). */
const PLAIN = new Set(['type', 'title', 'description', 'enum', 'default', 'required', 'format', 'pattern', 'minItems', 'maxItems', 'minimum', 'maximum']);
/** Dropped: OpenAPI's single `example` is documentation only. */
const DROPPED = new Set(['example']);

export function toJsonSchema(schema: OpenApiSchema, at = '#'): JsonSchema {
  const out: JsonSchema = {};
  for (const [keyword, value] of Object.entries(schema)) {
    const here = `${at}/${keyword}`;
    if (PLAIN.has(keyword)) out[keyword] = value;
    else if (DROPPED.has(keyword)) continue;
    else if (keyword === '$ref') out.$ref = String(value).replace('#/components/schemas/', '#/$defs/');
    else if (keyword === 'nullable') continue; // below, once `type` is known
    else if (keyword === 'properties') {
      out.properties = Object.fromEntries(Object.entries(value as Record<string, OpenApiSchema>)
        .map(([name, s]) => [name, toJsonSchema(s, `${here}/${name}`)]));
    } else if (keyword === 'items') out.items = toJsonSchema(value as OpenApiSchema, here);
    else if (keyword === 'additionalProperties') {
      out.additionalProperties = typeof value === 'boolean' ? value : toJsonSchema(value as OpenApiSchema, here);
    } else if (keyword === 'oneOf' || keyword === 'anyOf' || keyword === 'allOf') {
      out[keyword] = (value as OpenApiSchema[]).map((s, i) => toJsonSchema(s, `${here}/${i}`));
    } else throw new Error(`${here}: the OpenAPI keyword "${keyword}" is not converted; teach convert.ts what it means`);
  }
  if (schema.nullable === true) out.type = [schema.type, 'null'];
  return out;
}
