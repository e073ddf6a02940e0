// The render model for each of the 12 components, the Markdown subset, and the generic error card. The
// validator is the schema's; here a stand-in that reports what each test tells it to.
import assert from 'node:assert/strict';
import type { SchemaProblem, ValidateResponse } from '../../../src/canvasKit/flows';
import { parseInlineText } from '../../../src/canvasKit/inlineText';
import { imageSource, renderReply, type CanvasView, type ComponentModel } from '../../../src/canvasKit/render';

const accepts: ValidateResponse = () => [];
const reporting = (...problems: SchemaProblem[]): ValidateResponse => () => problems;
const reply = (...components: unknown[]) => ({ canvas: { content: { components } } });

function drawn(view: CanvasView): ComponentModel[] {
  assert.equal(view.kind, 'canvas', JSON.stringify(view));
  return view.kind === 'canvas' ? view.components : [];
}
const one = (component: object, placement: 'home' | 'conversationDetails' = 'home') =>
  drawn(renderReply({ flow: 'initialize', placement, reply: reply(component), validate: accepts }))[0];

const OPTIONS = [{ type: 'option', id: 'mon', text: 'Monday' }, { type: 'option', id: 'tue', text: 'Tuesday', disabled: true }];

suite('canvas kit: the Markdown subset of text', () => {
  test('bold and links become segments; everything else is literal text', () => {
    assert.deepEqual(parseInlineText('Hi **Hermione**, see [the docs](https://x.example/d) <b>now</b>'), [
      { text: 'Hi ', bold: false, href: undefined },
      { text: 'Hermione', bold: true, href: undefined },
      { text: ', see ', bold: false, href: undefined },
      { text: 'the docs', bold: false, href: 'https://x.example/d' },
      { text: ' <b>now</b>', bold: false, href: undefined },
    ]);
  });

  test('bold around a link and inside a label; an unpaired ** stays', () => {
    assert.deepEqual(parseInlineText('**[a](https://a.example)** [**b**](mailto:b@x.example) 2**3'), [
      { text: 'a', bold: true, href: 'https://a.example' },
      { text: ' ', bold: false, href: undefined },
      { text: 'b', bold: true, href: 'mailto:b@x.example' },
      { text: ' 2**3', bold: false, href: undefined },
    ]);
  });

  test('a javascript: or relative link shows its label as text, without a link', () => {
    assert.deepEqual(parseInlineText('[x](javascript:alert(1))'), [{ text: '[x](javascript:alert(1))', bold: false, href: undefined }]);
    for (const segment of parseInlineText('[x](javascript:alert) [y](/relative) [z](data:text/html,hi)')) assert.equal(segment.href, undefined);
    assert.equal(parseInlineText('[x](javascript:alert)').map((s) => s.text).join(''), 'x');
  });
});

suite('canvas kit: the render model of each component', () => {
  test('text: segments, align, style, bottom_margin none', () => {
    const text = one({ type: 'text', text: '**Book** a slot', align: 'center', style: 'header', bottom_margin: 'none' });
    assert.deepEqual(text, {
      type: 'text', id: undefined, segments: [{ text: 'Book', bold: true, href: undefined }, { text: ' a slot', bold: false, href: undefined }],
      align: 'center', style: 'header', pointer: '/canvas/content/components/0', bottomMargin: false,
    });
    const plain = one({ type: 'text', text: 'x' });
    assert.ok(plain.type === 'text' && plain.align === 'left' && plain.style === 'paragraph' && plain.bottomMargin);
  });

  test('button: style, disabled, save_state (saved blocks and overrides disabled), each action kind', () => {
    const submit = one({ type: 'button', id: 'b', label: 'Book', action: { type: 'submit' } });
    assert.deepEqual(submit, { type: 'button', id: 'b', label: 'Book', style: 'primary', disabled: false, saveState: 'unsaved', blocked: false, action: { type: 'submit' }, pointer: '/canvas/content/components/0', bottomMargin: true });
    const url = one({ type: 'button', id: 'u', label: 'Docs', style: 'link', action: { type: 'url', url: 'https://docs.example/x?y=1' } });
    assert.ok(url.type === 'button' && url.style === 'link');
    assert.deepEqual(url.type === 'button' && url.action, { type: 'url', url: 'https://docs.example/x?y=1', host: 'docs.example' });
    const sheet = one({ type: 'button', id: 's', label: 'Note', style: 'secondary', disabled: true, action: { type: 'sheet', url: 'http://127.0.0.1:9/sheet' } });
    assert.ok(sheet.type === 'button' && sheet.blocked && sheet.disabled && sheet.style === 'secondary');
    assert.deepEqual(sheet.type === 'button' && sheet.action, { type: 'sheet', url: 'http://127.0.0.1:9/sheet' });
    const saved = one({ type: 'button', id: 'v', label: 'Saved', save_state: 'saved', action: { type: 'submit' } });
    assert.ok(saved.type === 'button' && saved.blocked && !saved.disabled && saved.saveState === 'saved');
    const failed = one({ type: 'button', id: 'f', label: 'Failed', save_state: 'failed', action: { type: 'submit' } });
    assert.ok(failed.type === 'button' && !failed.blocked && failed.saveState === 'failed');
    const script = one({ type: 'button', id: 'j', label: 'x', action: { type: 'url', url: 'javascript:alert(1)' } });
    assert.equal(script.type === 'button' && script.action, undefined, 'no action for a javascript: URL');
  });

  test('input: label, placeholder, value and an inline action; textarea: error flag', () => {
    const input = one({ type: 'input', id: 'email', label: 'Email', placeholder: 'you@…', value: 'h@x', action: { type: 'submit' } });
    assert.ok(input.type === 'input');
    assert.deepEqual({ label: input.label, placeholder: input.placeholder, value: input.value, action: input.action }, { label: 'Email', placeholder: 'you@…', value: 'h@x', action: { type: 'submit' } });
    assert.equal((one({ type: 'input', id: 'n' }) as { action?: unknown }).action, undefined, 'no inline button without an action');
    const textarea = one({ type: 'textarea', id: 'note', error: true, disabled: true });
    assert.ok(textarea.type === 'textarea' && textarea.error && textarea.blocked && textarea.value === '');
  });

  test('single-select and dropdown: options with disabled, the chosen value (ignored when no option has it)', () => {
    const select = one({ type: 'single-select', id: 'slot', label: 'Slot', options: OPTIONS, value: 'mon', action: { type: 'submit' } });
    assert.ok(select.type === 'single-select');
    assert.deepEqual(select.options, [{ id: 'mon', text: 'Monday', disabled: false }, { id: 'tue', text: 'Tuesday', disabled: true }]);
    assert.equal(select.value, 'mon');
    assert.deepEqual(select.action, { type: 'submit' });
    const dropdown = one({ type: 'dropdown', id: 'room', options: OPTIONS, value: 'wed', save_state: 'failed' });
    assert.ok(dropdown.type === 'dropdown' && dropdown.value === undefined && dropdown.saveState === 'failed');
  });

  test('checkbox: the singular `option` key (or `options`) and the ticked values', () => {
    const checkbox = one({ type: 'checkbox', id: 'topics', label: 'Topics', option: OPTIONS, value: ['tue', 'gone'] });
    assert.ok(checkbox.type === 'checkbox');
    assert.deepEqual(checkbox.options.map((o) => o.id), ['mon', 'tue']);
    assert.deepEqual(checkbox.values, ['tue']);
    const tutorial = one({ type: 'checkbox', id: 'departmentChoice', label: '', options: OPTIONS });
    assert.deepEqual(tutorial.type === 'checkbox' && tutorial.options.map((o) => o.id), ['mon', 'tue'], 'the plural `options` of Intercom\'s tutorial is drawn too');
  });

  test('list: items with subtitle, tertiary text, images (size, rounded), disabled and actions', () => {
    const list = one({ type: 'list', items: [
      { type: 'item', id: 'order_1', title: 'Order #1', subtitle: 'Shipped', tertiary_text: '2 items', image: 'https://img.example/1.png', image_width: 48, image_height: 48, rounded_image: true, action: { type: 'submit' } },
      { type: 'item', id: 'order_2', title: 'Order #2', disabled: true, image: 'http://img.example/2.png', image_width: 48, image_height: 48 },
    ] });
    assert.ok(list.type === 'list');
    assert.deepEqual(list.items[0], { id: 'order_1', title: 'Order #1', subtitle: 'Shipped', tertiaryText: '2 items', image: { url: 'https://img.example/1.png', width: 48, height: 48, rounded: true }, disabled: false, action: { type: 'submit' } });
    assert.ok(list.items[1].disabled);
    assert.ok(list.items[1].image && 'blocked' in list.items[1].image, 'a plain http image from another host is not loaded');
  });

  test('data-table: field-value pairs; wraps in the Messenger, truncates in the Inbox and while configuring', () => {
    const table = { type: 'data-table', items: [{ type: 'field-value', field: 'Plan', value: 'Pro' }] };
    const messenger = one(table);
    assert.ok(messenger.type === 'data-table');
    assert.deepEqual(messenger.items, [{ field: 'Plan', value: 'Pro' }]);
    assert.equal(messenger.overflow, 'wrap');
    const inbox = one(table, 'conversationDetails');
    assert.equal(inbox.type === 'data-table' && inbox.overflow, 'truncate');
    const [configuring] = drawn(renderReply({ flow: 'configure', placement: 'home', reply: reply(table), validate: accepts, configuring: true }));
    assert.equal(configuring.type === 'data-table' && configuring.overflow, 'truncate');
  });

  test('image: https or http on loopback only; align, rounded, size and a URL action', () => {
    const image = one({ type: 'image', url: 'https://img.example/a.png', width: 120, height: 60, align: 'full_width', rounded: true, action: { type: 'url', url: 'https://shop.example' }, bottom_margin: 'none' });
    assert.deepEqual(image, { type: 'image', id: undefined, image: { url: 'https://img.example/a.png' }, width: 120, height: 60, align: 'full_width', rounded: true, action: { type: 'url', url: 'https://shop.example/', host: 'shop.example' }, pointer: '/canvas/content/components/0', bottomMargin: false });
    assert.deepEqual(imageSource('http://127.0.0.1:8080/a.png'), { url: 'http://127.0.0.1:8080/a.png' });
    assert.deepEqual(imageSource('http://localhost/a.png'), { url: 'http://localhost/a.png' });
    assert.match((imageSource('http://cdn.example/a.png') as { blocked: string }).blocked, /http images are not loaded; Intercom needs https/);
    assert.ok('blocked' in imageSource('data:image/png;base64,AAAA'));
    assert.ok('blocked' in imageSource('not a url'));
  });

  test('spacer sizes (default s) and divider with bottom_margin', () => {
    assert.deepEqual(one({ type: 'spacer', size: 'xl' }), { type: 'spacer', id: undefined, size: 'xl', pointer: '/canvas/content/components/0', bottomMargin: true });
    assert.equal((one({ type: 'spacer' }) as { size: string }).size, 's');
    assert.deepEqual(one({ type: 'divider', bottom_margin: 'none' }), { type: 'divider', id: undefined, pointer: '/canvas/content/components/0', bottomMargin: false });
  });

  test('a live canvas reply is the bare content object', () => {
    const view = renderReply({ flow: 'liveCanvas', placement: 'home', reply: { content: { components: [{ type: 'divider' }] } }, validate: accepts });
    assert.equal(drawn(view)[0].pointer, '/content/components/0');
  });
});

suite('canvas kit: what Intercom would refuse renders as the generic error card', () => {
  test('the validator\'s errors become the reasons; warnings render beside the canvas', () => {
    const error = { pointer: '/canvas/content/components/0/styel', message: 'unknown key "styel" (did you mean "style"?)', severity: 'error' as const };
    const warning = { pointer: '/canvas/stored_data', message: 'stored_data is 60 KB of 64 KB', severity: 'warning' as const };
    const refused = renderReply({ flow: 'submit', placement: 'home', reply: reply({ type: 'text', text: 'x', styel: 'header' }), validate: reporting(error, warning) });
    assert.deepEqual(refused, { kind: 'errorCard', frame: 'messenger', reasons: [error] });
    const shown = renderReply({ flow: 'submit', placement: 'home', reply: reply({ type: 'text', text: 'x' }), validate: reporting(warning) });
    assert.ok(shown.kind === 'canvas');
    assert.deepEqual(shown.warnings, [warning]);
  });

  test('what cannot be drawn fails even when the validator let it through: an unknown type, a component that is not an object, no components', () => {
    const unknown = renderReply({ flow: 'initialize', placement: 'home', reply: reply({ type: 'text', text: 'ok' }, { type: 'iframe', url: 'https://x' }, 'text'), validate: accepts });
    assert.equal(unknown.kind, 'errorCard');
    assert.deepEqual(unknown.kind === 'errorCard' && unknown.reasons.map((r) => [r.pointer, r.message]), [
      ['/canvas/content/components/1/type', 'Canvas Kit has no component of type "iframe".'],
      ['/canvas/content/components', 'Every component must be an object.'],
    ]);
    const empty = renderReply({ flow: 'initialize', placement: 'home', reply: { canvas: {} }, validate: accepts });
    assert.ok(empty.kind === 'errorCard' && /No canvas\.content\.components/.test(empty.reasons[0].message));
    const bare = renderReply({ flow: 'liveCanvas', placement: 'home', reply: { components: [] }, validate: accepts });
    assert.ok(bare.kind === 'errorCard' && bare.reasons[0].pointer === '/content');
  });

  test('the app\'s strings are never interpreted: markup stays text in every field', () => {
    const html = '<img src=x onerror=alert(1)>';
    const [text, button] = drawn(renderReply({ flow: 'initialize', placement: 'home', validate: accepts, reply: reply({ type: 'text', text: html }, { type: 'button', id: html, label: html, action: { type: 'submit' } }) }));
    assert.deepEqual(text.type === 'text' && text.segments, [{ text: html, bold: false, href: undefined }]);
    assert.ok(button.type === 'button' && button.label === html && button.id === html);
  });
});
