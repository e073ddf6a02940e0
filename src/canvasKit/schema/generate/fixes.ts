// What the Canvas Kit schemas of Intercom's OpenAPI description 2.11 get wrong, and how each is mended: one
// named transformation per defect, applied in order by build.ts. Each throws when the part it mends is not
// shaped as expected any more, so a change upstream is looked at, never patched blindly.
//
// Besides the JSON Schema keywords, the fixes write three annotations the validator (interpreter.ts) reads
// and editors ignore:
//   x-only     {capability, feature, warning?}: the feature works in one capability only; used in the other,
//              it is an error, or a warning saying `warning` when Intercom is not known to refuse it.
//   x-lenient  [{because, patch}]: what Intercom is known or said to accept beyond the reference; what fails
//              this schema but passes it merged with a `patch` is a warning saying its `because`, not an
//              error (strict validation ignores it).
//   x-max-bytes  the most bytes the value's JSON may take.
// and VS Code's `patternErrorMessage`, which the validator uses too.
import type { JsonSchema } from './convert';
import type { Capability } from '../../flows';
import { FLOW_SCHEMAS } from '../flows';

export type Defs = Record<string, JsonSchema>;

export interface Fix {
  readonly id: string;
  /** The defect, in one line. */
  readonly defect: string;
  apply(defs: Defs): void;
}

const ref = (name: string) => ({ $ref: `#/$defs/${name}` });

/** Adds a lenient reading to `schema` (see x-lenient above). */
function tolerate(schema: JsonSchema, because: string, patch: JsonSchema): void {
  schema['x-lenient'] = [...((schema['x-lenient'] as JsonSchema[] | undefined) ?? []), { because, patch }];
}

function def(defs: Defs, name: string): JsonSchema {
  const schema = defs[name];
  if (!schema) throw new Error(`the description has no schema ${name} any more`);
  return schema;
}

function properties(schema: JsonSchema, ...names: string[]): Record<string, JsonSchema> {
  const props = schema.properties as Record<string, JsonSchema> | undefined;
  const missing = props ? names.filter((name) => !props[name]) : ['properties'];
  if (missing.length > 0) throw new Error(`${String(schema.title)} has no ${missing.join(', ')} any more`);
  return props!;
}

function expect(condition: boolean, what: string): asserts condition {
  if (!condition) throw new Error(`the description changed: ${what}`);
}

/** An https URL; http only to this machine, where a local app serves its own images and sheets. */
const HTTPS_URL = {
  pattern: '^(https://|http://(localhost|127\\.\\d+\\.\\d+\\.\\d+|\\[::1\\])(:\\d+)?(/|$))',
  patternErrorMessage: 'Expected an https URL (http only on localhost, for an app running on this machine).',
};

const CANVAS_KIT_LIMIT = 64 * 1024;

/**
 * The fields each capability's requests carry, from the request tables of the Canvas Kit guide
 * (developers.intercom.com/docs/canvas-kit, "Initialize" and "Submit"): the Messenger's requests carry the
 * context and, on submit, the user; the Inbox's carry the teammate, the conversation and its contact.
 */
const REQUEST_FIELDS: Record<string, Record<Capability, { required: string[]; optional: string[] }>> = {
  initialize_request: {
    messenger: { required: ['workspace_id', 'workspace_region', 'context'], optional: ['card_creation_options'] },
    inbox: { required: ['workspace_id', 'workspace_region', 'admin', 'conversation', 'contact'], optional: [] },
  },
  submit_request: {
    messenger: { required: ['workspace_id', 'workspace_region', 'component_id', 'context', 'current_canvas', 'input_values', 'user'], optional: [] },
    inbox: { required: ['workspace_id', 'workspace_region', 'admin', 'component_id', 'conversation', 'contact', 'current_canvas', 'input_values'], optional: [] },
  },
};

export const FIXES: readonly Fix[] = [
  {
    id: 'list-item-image',
    defect: 'a list item with an image is valid under both oneOf variants, so every such item is refused',
    // list_item_with_image and list_item_without_image are both list_item plus image, image_width and
    // image_height; they differ only in whether the sizes are required. One list_item says exactly that with
    // dependentRequired, and its messages name the missing size instead of "matches both".
    apply(defs) {
      const item = def(defs, 'list_item');
      const withImage = def(defs, 'list_item_with_image').allOf as JsonSchema[] | undefined;
      expect(withImage?.[0]?.$ref === ref('list_item').$ref && !!withImage[1]?.properties, 'list_item_with_image is no longer list_item plus the image keys');
      const imageKeys = properties(withImage[1], 'image', 'image_width', 'image_height');
      item.properties = { ...properties(item), ...imageKeys };
      item.dependentRequired = { image: ['image_width', 'image_height'] };
      const list = properties(def(defs, 'list_component'), 'items').items;
      list.items = ref('list_item');
      delete defs.list_item_with_image;
      delete defs.list_item_without_image;
    },
  },
  {
    id: 'live-canvas',
    defect: 'canvas_object requires content, so a live canvas (content_url instead of content) is refused',
    apply(defs) {
      const canvas = def(defs, 'canvas_object');
      properties(canvas, 'content', 'content_url');
      expect(JSON.stringify(canvas.required) === '["content"]', 'canvas_object no longer requires just content');
      delete canvas.required;
      canvas.oneOf = [
        { title: 'a static canvas', required: ['content'] },
        { title: 'a live canvas', required: ['content_url'] },
      ];
    },
  },
  {
    id: 'current-canvas',
    defect: 'submit_request.current_canvas refers to the wrapper {current_canvas: canvas}, not to the canvas itself',
    apply(defs) {
      const current = properties(def(defs, 'submit_request'), 'current_canvas').current_canvas;
      expect(current.$ref === ref('current_canvas').$ref, 'submit_request.current_canvas no longer refers to current_canvas');
      current.$ref = ref('canvas_object').$ref;
    },
  },
  {
    id: 'submit-sheet-bodies',
    defect: 'the description has no schema for the submit sheet request and response',
    // Made of the submit flow's own pieces, with the fields the Sheets guide lists: the request carries
    // sheet_values (what the page passed to submitSheet) instead of component_id and input_values, and
    // the response is a canvas with an optional event, without card_creation_options.
    apply(defs) {
      const submit = properties(def(defs, 'submit_request'), 'workspace_id', 'workspace_region', 'context', 'user', 'current_canvas');
      defs.submit_sheet_request = {
        title: 'Submit Sheet Request',
        type: 'object',
        properties: {
          workspace_id: submit.workspace_id,
          workspace_region: submit.workspace_region,
          context: submit.context,
          user: submit.user,
          current_canvas: submit.current_canvas,
          sheet_values: { type: 'object', description: 'The values the sheet passed to submitSheet().', additionalProperties: true },
        },
        required: ['workspace_id', 'workspace_region', 'context', 'user', 'current_canvas', 'sheet_values'],
      };
      const response = properties(def(defs, 'submit_response'), 'canvas', 'event');
      defs.submit_sheet_response = {
        title: 'Submit Sheet Response',
        type: 'object',
        properties: { canvas: response.canvas, event: response.event },
        required: ['canvas'],
      };
    },
  },
  {
    id: 'requests-per-capability',
    defect: "initialize and submit requests require the Messenger's and the Inbox's fields together, so no real request is valid",
    apply(defs) {
      for (const [name, byCapability] of Object.entries(REQUEST_FIELDS)) {
        const request = def(defs, name);
        for (const [capability, { required, optional }] of Object.entries(byCapability)) {
          const props = properties(request, ...required, ...optional);
          defs[`${name}_${capability}`] = {
            title: `${String(request.title)} (${capability === 'messenger' ? 'Messenger' : 'Inbox'})`,
            ...(request.description ? { description: request.description } : {}),
            type: 'object',
            properties: Object.fromEntries([...required, ...optional].map((k) => [k, props[k]])),
            required,
          };
        }
        delete defs[name];
      }
    },
  },
  {
    id: 'configure-request',
    defect: 'configure_request is oneOf the first and the follow-up request, and a follow-up also matches the first',
    // Requests are open objects (Intercom may send more than documented), so the two shapes overlap:
    // anyOf keeps "one of these" without refusing a follow-up.
    apply(defs) {
      const configure = def(defs, 'configure_request');
      expect(Array.isArray(configure.oneOf) && configure.oneOf.length === 2, 'configure_request is no longer oneOf two requests');
      const [first, followUp] = configure.oneOf as JsonSchema[];
      first.title = 'the first configure request';
      followUp.title = 'a follow-up configure request (after a submit action)';
      configure.anyOf = configure.oneOf;
      delete configure.oneOf;
    },
  },
  {
    id: 'closed-objects',
    defect: 'no object refuses keys it does not define, so a misspelt key such as "styel" passes',
    // Every object of a response that lists its properties gets additionalProperties: false. The free
    // key/value maps (stored_data, results, card_creation_options) say additionalProperties: true already
    // and stay open, as do requests: Intercom may send more than it documents.
    apply(defs) {
      const seen = new Set<JsonSchema>();
      const close = (node: unknown) => {
        if (Array.isArray(node)) return node.forEach(close);
        if (!node || typeof node !== 'object' || seen.has(node as JsonSchema)) return;
        const schema = node as JsonSchema;
        seen.add(schema);
        if (typeof schema.$ref === 'string') close(def(defs, schema.$ref.replace('#/$defs/', '')));
        if (schema.type === 'object' && schema.properties && !('additionalProperties' in schema)) schema.additionalProperties = false;
        for (const key of ['properties', 'items', 'oneOf', 'anyOf', 'allOf']) {
          const sub = schema[key];
          if (key === 'properties' && sub) Object.values(sub).forEach(close);
          else close(sub);
        }
      };
      // (build.ts checks that every flow's schemas exist; submit sheet's are absent while the tests leave out their fix.)
      for (const { response } of Object.values(FLOW_SCHEMAS)) close(defs[response]);
    },
  },
  {
    id: 'checkbox-option',
    defect: "checkbox requires a label (the reference says optional); the option list's minimum of one is unstated; the tutorial writes `options`",
    // The reference and the description both spell the list `option`; Intercom's own Inbox app tutorial
    // (developers.intercom.com, "Build an Inbox App") writes `options`. Both pass; `options` with a warning.
    apply(defs) {
      const checkbox = def(defs, 'checkbox_component');
      const { option } = properties(checkbox, 'option', 'label');
      checkbox.required = (checkbox.required as string[]).filter((k) => k !== 'label');
      option.minItems = 1;
      tolerate(checkbox, 'the reference spells the list `option`, Intercom\'s Inbox app tutorial `options`', {
        properties: { options: option },
        required: ['type', 'id'],
        oneOf: [{ title: 'options as `option`', required: ['option'] }, { title: 'options as `options`', required: ['options'] }],
      });
    },
  },
  {
    id: 'dropdown-rules',
    defect: 'dropdown states no bound on its options; the current and the unstable reference disagree (2–10 and no action, or 1–10 and an action)',
    apply(defs) {
      const dropdown = def(defs, 'dropdown_component');
      const { options } = properties(dropdown, 'options');
      expect(!properties(dropdown).action, 'dropdown_component now has an action');
      Object.assign(options, { minItems: 2, maxItems: 10 });
      tolerate(dropdown, 'the current reference allows 2 to 10 options and no action; the unstable (Preview) reference allows 1 to 10 and an action', {
        properties: { options: { minItems: 1 }, action: ref('action_component') },
      });
    },
  },
  {
    id: 'builder-output',
    defect: "what Intercom's Canvas Kit Builder writes is refused: bottom_margin false, and null for keys it leaves unset",
    // Canvases made with the Builder (app.intercom.com/a/canvas-kit-builder) and running on Intercom, e.g.
    // christmmurphy/intercom-crm-case-creator, carry `"bottom_margin": false` on text and button components
    // and `"action": {"type": "submit", "url": null}`; PHP and Ruby apps send `"label": null`. Intercom reads
    // them as if the key were absent, so they pass with a warning; a misspelt key with a value still fails.
    apply(defs) {
      const members = (name: string) => ((def(defs, name).oneOf ?? []) as JsonSchema[]).map((r) => String(r.$ref).replace('#/$defs/', ''));
      const components = members('component');
      const objects = [...components, ...members('action_component'), 'checkbox_option', 'dropdown_option', 'single_select_option', 'list_item', 'data_table_item'];
      for (const name of objects) {
        const schema = def(defs, name);
        const required = (schema.required ?? []) as string[];
        const patch: Record<string, JsonSchema> = {};
        for (const [key, p] of Object.entries(properties(schema))) {
          if (required.includes(key) || p.type === undefined) continue;
          patch[key] = { type: [p.type, 'null'].flat(), ...(Array.isArray(p.enum) ? { enum: [...p.enum, null] } : {}) };
        }
        if (components.includes(name)) {
          const documented = (properties(schema).bottom_margin?.enum ?? []) as unknown[];
          patch.bottom_margin = { type: ['string', 'boolean', 'null'], enum: [...documented, false, null] };
        }
        tolerate(schema, "Intercom's Canvas Kit Builder writes `bottom_margin: false` and null for keys it leaves unset, and Intercom reads them as absent", {
          properties: patch,
          additionalProperties: { type: 'null' },
        });
      }
    },
  },
  {
    id: 'single-select-options',
    defect: 'single-select states its 2 to 10 options in prose only',
    apply(defs) {
      Object.assign(properties(def(defs, 'single_select_component'), 'options').options, { minItems: 2, maxItems: 10 });
    },
  },
  {
    id: 'https-urls',
    defect: 'image URLs and sheet URLs must be https, which the description says in prose only',
    apply(defs) {
      Object.assign(properties(def(defs, 'image_component'), 'url').url, HTTPS_URL);
      Object.assign(properties(def(defs, 'sheet_action_component'), 'url').url, HTTPS_URL);
      // One list_item after list-item-image; the two variants when that fix is left out (in the tests).
      const items = ['list_item', 'list_item_with_image', 'list_item_without_image'].flatMap((name) => {
        const schema = defs[name];
        return schema ? [schema, ...((schema.allOf ?? []) as JsonSchema[])] : [];
      });
      const images = items.flatMap((item): JsonSchema[] => {
        const image = (item.properties as Record<string, JsonSchema> | undefined)?.image;
        return image ? [image] : [];
      });
      expect(images.length > 0, 'no list item has an image any more');
      for (const image of images) Object.assign(image, HTTPS_URL);
    },
  },
  {
    id: 'sizes',
    defect: 'the 64 KB limits of content, content_url and stored_data are stated in prose only',
    apply(defs) {
      const canvas = properties(def(defs, 'canvas_object'), 'content', 'content_url', 'stored_data');
      for (const key of ['content', 'content_url', 'stored_data']) canvas[key]['x-max-bytes'] = CANVAS_KIT_LIMIT;
      properties(def(defs, 'live_canvas_response'), 'content').content['x-max-bytes'] = CANVAS_KIT_LIMIT;
    },
  },
  {
    id: 'capabilities',
    defect: "Messenger-only features (sheets, live canvases, configure, submit sheet) and the Inbox's card_creation_options are marked in prose only",
    apply(defs) {
      const liveCanvasInInbox = 'the canvas reference says live canvases are Messenger-only; the request-flows guide says one can render in the Inbox';
      def(defs, 'sheet_action_component')['x-only'] = { capability: 'messenger', feature: 'a sheet action' };
      properties(def(defs, 'canvas_object'), 'content_url').content_url['x-only'] = { capability: 'messenger', feature: 'a live canvas (content_url)', warning: liveCanvasInInbox };
      properties(def(defs, 'submit_response'), 'card_creation_options').card_creation_options['x-only'] = {
        capability: 'inbox', feature: '`card_creation_options` in a submit response', warning: 'Intercom reads them only from an app in the Inbox, to initialize its Messenger app with them',
      };
      const flows: [string, string, string?][] = [
        [FLOW_SCHEMAS.configure.response, 'the configure flow'], [FLOW_SCHEMAS.configure.request.inbox, 'the configure flow'],
        [FLOW_SCHEMAS.liveCanvas.response, 'the live canvas flow', liveCanvasInInbox], [FLOW_SCHEMAS.liveCanvas.request.inbox, 'the live canvas flow', liveCanvasInInbox],
      ];
      // Made by submit-sheet-bodies (absent when the tests leave that fix out).
      if (defs.submit_sheet_request) flows.push([FLOW_SCHEMAS.submitSheet.response, 'the submit sheet flow'], [FLOW_SCHEMAS.submitSheet.request.inbox, 'the submit sheet flow']);
      for (const [name, feature, warning] of flows) def(defs, name)['x-only'] = { capability: 'messenger', feature, ...(warning ? { warning } : {}) };
    },
  },
];
