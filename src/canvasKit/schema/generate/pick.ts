// Stage 1 of the Canvas Kit schema: the Canvas Kit part of an OpenAPI description, as written there.
// Intercom's description 2.11 (the only one holding Canvas Kit) declares its request and response bodies under
// components.schemas; no path refers to them. What they refer to comes along, except the REST models a
// request embeds (admin, contact, conversation): those carry dozens of required keys and nested models that
// say nothing about a canvas, so only their `type` and `id` are kept.

export type OpenApiSchema = { readonly [keyword: string]: unknown };

export interface OpenApiDocument {
  readonly info?: { readonly version?: string };
  readonly components?: { readonly schemas?: { readonly [name: string]: OpenApiSchema } };
}

/** The bodies Intercom sends to a Canvas Kit app and the bodies it expects back. */
export const CANVAS_KIT_ROOTS = [
  'configure_request', 'configure_response', 'initialize_request', 'initialize_response', 'submit_request',
  'submit_response', 'live_canvas_request', 'live_canvas_response',
] as const;

/** REST models a request embeds whole; reduced to the keys that identify the object. */
export const REST_MODELS = ['admin', 'contact', 'conversation'] as const;
const IDENTIFYING_KEYS = ['type', 'id'];

const REF_PREFIX = '#/components/schemas/';

/** The schemas the Canvas Kit bodies need, by name, sorted; throws when a root or a reference is missing. */
export function pickCanvasKit(doc: OpenApiDocument): Record<string, OpenApiSchema> {
  const all = doc.components?.schemas ?? {};
  const picked = new Map<string, OpenApiSchema>();
  const visit = (name: string, from: string) => {
    if (picked.has(name)) return;
    const schema = all[name];
    if (!schema) throw new Error(`${from} refers to ${REF_PREFIX}${name}, which the description lacks`);
    if ((REST_MODELS as readonly string[]).includes(name)) {
      picked.set(name, identifyingPart(schema));
      return;
    }
    picked.set(name, schema);
    for (const ref of refsIn(schema)) visit(ref, name);
  };
  for (const root of CANVAS_KIT_ROOTS) visit(root, 'the Canvas Kit roots');
  return Object.fromEntries([...picked].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function identifyingPart(schema: OpenApiSchema): OpenApiSchema {
  const properties = (schema.properties ?? {}) as Record<string, OpenApiSchema>;
  const required = ((schema.required ?? []) as string[]).filter((k) => IDENTIFYING_KEYS.includes(k));
  return {
    ...(schema.title ? { title: schema.title } : {}),
    type: 'object',
    properties: Object.fromEntries(IDENTIFYING_KEYS.filter((k) => properties[k]).map((k) => [k, properties[k]])),
    ...(required.length > 0 ? { required } : {}),
  };
}

function refsIn(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(refsIn);
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([k, v]) => {
    if (k !== '$ref') return refsIn(v);
    if (typeof v !== 'string' || !v.startsWith(REF_PREFIX)) throw new Error(`unsupported reference ${String(v)}`);
    return [v.slice(REF_PREFIX.length)];
  });
}
