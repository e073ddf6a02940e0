// True negatives: what the Canvas Kit reference documents validates clean. The reference's own examples live in
// its embedded Canvas Kit Builder, so each of the 12 components here carries every attribute the reference
// tables list, with each allowed value; the canvas examples are those of the reference's Canvas page.
import assert from 'node:assert/strict';
import type { Placement, SchemaProblem } from '../../../src/canvasKit/flows';
import { validateFixture, validateRequest, validateResponse } from '../../../src/canvasKit/schema/validate';

const submit = { type: 'submit' };
const url = { type: 'url', url: 'https://example.com/orders/123' };
const sheet = { type: 'sheet', url: 'https://app.example.com/sheet' };
const option = (id: string, extra = {}) => ({ type: 'option', id, text: `Option ${id}`, ...extra });

/** Every documented attribute of each component; `action` as given (a sheet only where the Messenger shows it). */
function components(action: object): Record<string, object[]> {
  return {
    text: ['header', 'paragraph', 'muted', 'error'].map((style, i) => ({
      type: 'text', id: `text-${style}`, text: '**Bold** and [a link](https://example.com)', align: ['left', 'center', 'right', 'left'][i], style, bottom_margin: 'none',
    })),
    button: ['primary', 'secondary', 'link'].map((style) => ({ type: 'button', id: `button-${style}`, label: 'Book a meeting', style, disabled: false, action })),
    input: [{ type: 'input', id: 'email', label: 'Email', placeholder: 'you@example.com', value: 'jane@example.com', save_state: 'unsaved', disabled: false, action }],
    textarea: [{ type: 'textarea', id: 'notes', label: 'Notes', placeholder: 'Anything else?', value: '', error: true, disabled: false }],
    'single-select': [{ type: 'single-select', id: 'size', label: 'Size', options: [option('s'), option('m', { disabled: true })], value: 's', save_state: 'saved', disabled: false, action }],
    dropdown: [{ type: 'dropdown', id: 'slot', label: 'Time', options: [option('9'), option('10'), option('11', { disabled: true })], value: '10', save_state: 'failed', disabled: false }],
    checkbox: [{ type: 'checkbox', id: 'days', label: 'Days', option: [option('mon'), option('tue', { disabled: false })], value: ['mon'], save_state: 'unsaved', disabled: false }],
    list: [{
      type: 'list', disabled: false, items: [
        { type: 'item', id: 'order-1', title: 'Slippers', subtitle: 'Quantity: 2', tertiary_text: '$22', image: 'https://cdn.example.com/slippers.png', image_width: 48, image_height: 48, rounded_image: true, disabled: false, action },
        { type: 'item', id: 'order-2', title: 'Coffee cup', action: url },
      ],
    }],
    'data-table': [{ type: 'data-table', items: [{ type: 'field-value', field: 'Plan', value: 'Pro' }, { type: 'field-value', field: 'Seats', value: '12' }] }],
    image: ['left', 'center', 'right', 'full_width'].map((align) => ({
      type: 'image', id: `image-${align}`, url: 'https://cdn.example.com/map.png', width: 320, height: 180, align, rounded: true, bottom_margin: 'none', action: url,
    })),
    spacer: ['xs', 's', 'm', 'l', 'xl'].map((size) => ({ type: 'spacer', id: `spacer-${size}`, size })),
    divider: [{ type: 'divider', id: 'divider', bottom_margin: 'none' }],
  };
}

const PLACEMENTS: [Placement, object][] = [['home', sheet], ['conversation', submit], ['message', url], ['operator', submit], ['conversationDetails', url]];

suite('canvas kit validator: what the reference documents is valid', () => {
  test('covers the 12 components', () => {
    assert.equal(Object.keys(components(submit)).length, 12);
  });

  for (const [type, examples] of Object.entries(components(submit))) {
    test(`${type}: every attribute, in every placement and flow that returns a canvas`, () => {
      for (const [placement, action] of PLACEMENTS) {
        const body = { canvas: { content: { components: components(action)[type] }, stored_data: { step: 2 } } };
        const flows = placement === 'conversationDetails' ? (['initialize', 'submit'] as const) : (['configure', 'initialize', 'submit', 'submitSheet'] as const);
        for (const flow of flows) assert.deepEqual(validateResponse(flow, placement, body), [], `${flow} at ${placement}`);
      }
      assert.deepEqual(validateFixture({ canvas: { content: { components: examples } } }), []);
    });
  }

  test("the reference's canvas examples, the other response shapes, and an event", () => {
    const noProblems: SchemaProblem[] = [];
    assert.deepEqual(validateResponse('initialize', 'home', { canvas: { content: { components: [{ type: 'text', text: 'Hello World!' }] }, stored_data: {} } }), noProblems);
    assert.deepEqual(validateResponse('initialize', 'home', { canvas: { content_url: 'https://messengerapp.com/get-content-here', stored_data: {} } }), noProblems);
    assert.deepEqual(validateResponse('liveCanvas', 'home', { content: { components: [{ type: 'text', text: 'Hello World!' }] } }), noProblems);
    assert.deepEqual(validateResponse('configure', 'message', { results: { calendar: 'sales', duration: 30 } }), noProblems);
    assert.deepEqual(validateResponse('submit', 'home', { canvas: { content: { components: [] } }, event: { type: 'completed' } }), noProblems);
    assert.deepEqual(validateResponse('submitSheet', 'home', { canvas: { content: { components: [] } }, event: { type: 'completed' } }), noProblems);
    assert.deepEqual(validateResponse('submit', 'conversationDetails', { canvas: { content: { components: [] } }, card_creation_options: { order: '123' } }), noProblems);
    assert.deepEqual(validateResponse('initialize', 'home', { canvas: { content: { components: [{ type: 'image', url: 'http://localhost:3000/map.png', width: 1, height: 1 }] } } }), noProblems,
      'an app on this machine may serve its images over http');
  });

  test('the requests the reference describes, per flow and capability', () => {
    const context = { conversation_id: 1295, location: 'conversation', locale: 'en', messenger_action_colour: '#0057ff', messenger_background_colour: '#ffffff', referrer: 'https://example.com/page' };
    const workspace = { workspace_id: 'ecahpwf5', workspace_region: 'us' };
    const admin = { type: 'admin', id: '814860', name: 'Jane', email: 'jane@example.com' };
    const contact = { type: 'contact', id: '5f7c9e', role: 'user' };
    const current = { content: { components: [{ type: 'input', id: 'email' }] }, stored_data: { step: 1 } };
    const cases: [Parameters<typeof validateRequest>[0], Placement, object][] = [
      ['configure', 'message', { ...workspace, admin, context }],
      ['configure', 'message', { ...workspace, admin, context, component_id: 'save', current_canvas: current, input_values: { email: 'a@example.com' } }],
      ['initialize', 'home', { ...workspace, context, card_creation_options: { calendar: 'sales' } }],
      ['initialize', 'conversationDetails', { ...workspace, admin, conversation: { type: 'conversation', id: '1295' }, contact }],
      ['submit', 'conversation', { ...workspace, context, component_id: 'book', current_canvas: current, input_values: { email: 'a@example.com' }, user: contact }],
      ['submit', 'conversationDetails', { ...workspace, admin, component_id: 'book', conversation: { type: 'conversation', id: '1295' }, contact, current_canvas: current, input_values: {} }],
      ['liveCanvas', 'home', { ...workspace, canvas: { content_url: 'https://app.example.com/live' }, context, contact }],
      ['submitSheet', 'home', { ...workspace, context, user: contact, current_canvas: current, sheet_values: { slot: '10:30' } }],
    ];
    for (const [flow, placement, body] of cases) assert.deepEqual(validateRequest(flow, placement, body), [], `${flow} at ${placement}`);
  });
});
