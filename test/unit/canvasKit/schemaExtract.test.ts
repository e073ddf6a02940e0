import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { buildCanvasSchema, canvasKitSource, serialize, type CanvasKitSource } from '../../../src/canvasKit/schema/generate/build';
import { toJsonSchema } from '../../../src/canvasKit/schema/generate/convert';
import { FIXES } from '../../../src/canvasKit/schema/generate/fixes';
import { pickCanvasKit, type OpenApiDocument } from '../../../src/canvasKit/schema/generate/pick';

const SCHEMA_DIR = path.resolve(__dirname, '../../../../src/canvasKit/schema');

// A small OpenAPI description shaped like 2.11's Canvas Kit part: every root, a component union, a REST model
// with many required keys, and a schema no Canvas Kit body refers to.
const SAMPLE = `
openapi: 3.0.1
info: { version: '2.11' }
components:
  schemas:
    article:
      type: object
      properties: { title: { type: string } }
    admin:
      title: Admin
      type: object
      properties:
        type: { type: string, enum: [admin], example: admin }
        id: { type: string, description: The id representing the admin. }
        name: { type: string }
        email: { type: string }
      required: [id, name, email]
    context:
      type: object
      properties:
        locale: { type: string, example: en }
        referrer: { type: string, nullable: true }
    canvas_object:
      title: Canvas Object
      type: object
      properties:
        content: { $ref: '#/components/schemas/content_object' }
        stored_data: { type: object, additionalProperties: true }
      required: [content]
    content_object:
      type: object
      properties:
        components: { type: array, items: { $ref: '#/components/schemas/component' } }
    component:
      oneOf:
        - $ref: '#/components/schemas/text_component'
    text_component:
      title: Text Component
      type: object
      description: A text component.
      properties:
        type: { type: string, enum: [text] }
        text: { type: string, example: Hello }
      required: [type, text]
    configure_request: { type: object, properties: { admin: { $ref: '#/components/schemas/admin' } } }
    configure_response: { type: object, properties: { canvas: { $ref: '#/components/schemas/canvas_object' } } }
    initialize_request: { type: object, properties: { context: { $ref: '#/components/schemas/context' } } }
    initialize_response: { type: object, properties: { canvas: { $ref: '#/components/schemas/canvas_object' } } }
    submit_request: { type: object, properties: { admin: { $ref: '#/components/schemas/admin' } } }
    submit_response: { type: object, properties: { canvas: { $ref: '#/components/schemas/canvas_object' } } }
    live_canvas_request: { type: object, properties: { workspace_id: { type: string } } }
    live_canvas_response: { type: object, properties: { content: { $ref: '#/components/schemas/content_object' } } }
`;

const sample = () => yaml.load(SAMPLE) as OpenApiDocument;

suite('canvas kit schema: extraction', () => {
  test('picks what the Canvas Kit bodies refer to, sorted, and nothing else', () => {
    assert.deepEqual(Object.keys(pickCanvasKit(sample())), [
      'admin', 'canvas_object', 'component', 'configure_request', 'configure_response', 'content_object', 'context',
      'initialize_request', 'initialize_response', 'live_canvas_request', 'live_canvas_response', 'submit_request',
      'submit_response', 'text_component',
    ]);
  });

  test('keeps only the type and id of a REST model a request embeds', () => {
    assert.deepEqual(pickCanvasKit(sample()).admin, {
      title: 'Admin',
      type: 'object',
      properties: {
        type: { type: 'string', enum: ['admin'], example: 'admin' },
        id: { type: 'string', description: 'The id representing the admin.' },
      },
      required: ['id'],
    });
  });

  test('names a reference the description lacks', () => {
    const doc = sample();
    delete (doc.components!.schemas as Record<string, unknown>).content_object;
    assert.throws(() => pickCanvasKit(doc), /canvas_object refers to #\/components\/schemas\/content_object, which the description lacks/);
  });

  test('converts to JSON Schema: $defs references, nullable as a type list, examples dropped, descriptions kept', () => {
    const picked = pickCanvasKit(sample());
    assert.deepEqual(toJsonSchema(picked.canvas_object).properties, {
      content: { $ref: '#/$defs/content_object' },
      stored_data: { type: 'object', additionalProperties: true },
    });
    assert.deepEqual(toJsonSchema(picked.context).properties, { locale: { type: 'string' }, referrer: { type: ['string', 'null'] } });
    assert.deepEqual(toJsonSchema(picked.text_component), {
      title: 'Text Component',
      type: 'object',
      description: 'A text component.',
      properties: { type: { type: 'string', enum: ['text'] }, text: { type: 'string' } },
      required: ['type', 'text'],
    });
  });

  test('stops on an OpenAPI keyword it does not convert, naming where', () => {
    assert.throws(() => toJsonSchema({ oneOf: [], discriminator: { propertyName: 'type' } }, '#/$defs/component'),
      /#\/\$defs\/component\/discriminator: the OpenAPI keyword "discriminator" is not converted/);
  });

  test('the same description gives the same bytes', () => {
    const once = serialize(canvasKitSource(sample(), 'abc'));
    assert.equal(serialize(canvasKitSource(sample(), 'abc')), once);
    assert.match(once, /^\{\n {2}"repository": "https:\/\/github.com\/intercom\/Intercom-OpenAPI",\n {2}"path": "descriptions\/2.11\/api.intercom.io.yaml",\n {2}"commit": "abc",\n {2}"openapi": "3.0.1",/);
  });

  test('a fix stops when the part it mends is not shaped as it expects', () => {
    const source: CanvasKitSource = canvasKitSource(sample(), 'abc');
    assert.throws(() => buildCanvasSchema(source), /the description has no schema list_item any more/);
  });
});

suite('canvas kit schema: the committed files', () => {
  const source = JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, 'openapi-canvas-kit.json'), 'utf8')) as CanvasKitSource;
  const committed = fs.readFileSync(path.join(SCHEMA_DIR, 'canvas.schema.json'), 'utf8');

  test('canvas.schema.json is exactly what the generator makes of the committed source, every time', () => {
    const built = serialize(buildCanvasSchema(source));
    assert.equal(built, committed, 'run `npm run catalog -- <Intercom-OpenAPI>` instead of editing canvas.schema.json');
    assert.equal(serialize(buildCanvasSchema(source)), built);
  });

  test('records its source, commit and the fixes applied', () => {
    const schema = JSON.parse(committed) as Record<string, unknown>;
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.deepEqual(schema['x-source'], { repository: source.repository, path: 'descriptions/2.11/api.intercom.io.yaml', commit: source.commit });
    assert.match(source.commit, /^[0-9a-f]{40}$/);
    assert.deepEqual(schema['x-fixes'], FIXES.map((f) => f.id));
  });
});
