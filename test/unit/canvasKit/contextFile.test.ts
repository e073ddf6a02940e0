import assert from 'node:assert/strict';
import { sampleContext } from '../../../src/canvasKit/context';
import { applyContextFile, parseContextFile } from '../../../src/canvasKit/contextFile';

suite('canvas kit: the context file', () => {
  test('overrides apply: strings replace, objects replace the sample\'s keys one by one', () => {
    const file = parseContextFile(JSON.stringify({ locale: 'fr', messenger_action_colour: '#AA0000', workspace_region: 'eu', user: { name: 'Luna' } }));
    assert.deepEqual(file.problems, []);
    const context = applyContextFile(sampleContext(), file);
    assert.equal(context.locale, 'fr');
    assert.equal(context.messengerActionColour, '#AA0000');
    assert.equal(context.workspaceRegion, 'eu');
    assert.equal(context.user.name, 'Luna');
    assert.equal(context.user.email, sampleContext().user.email, 'the other keys of the sample user stay');
  });

  test('a bad entry is reported with what was expected and skipped; the rest still applies', () => {
    const file = parseContextFile(JSON.stringify({ locale: 3, messenger_background_colour: 'blue', admin: [], referrer: 'https://shop.example/', locle: 'fr' }));
    assert.deepEqual(file.overrides, { referrer: 'https://shop.example/' });
    const byKey = Object.fromEntries(file.problems.map((p) => [p.key, p]));
    assert.match(byKey.locale.message, /"locale" must be a string; it is ignored/);
    assert.equal(byKey.locale.severity, 'error');
    assert.match(byKey.messenger_background_colour.message, /hex colour/);
    assert.match(byKey.admin.message, /an object/);
    assert.equal(byKey.locle.severity, 'warning');
    assert.match(byKey.locle.message, /"locle" is not a context key.*locale/);
  });

  test('the _color spelling of older examples is read as Intercom\'s _colour, with a note', () => {
    const file = parseContextFile('{"messenger_action_color": "#123456"}');
    assert.equal(file.overrides.messengerActionColour, '#123456');
    assert.match(file.problems[0].message, /read as "messenger_action_colour"/);
  });

  test('not JSON: says where it stopped and that the sample is used; not an object: says what to write', () => {
    const broken = parseContextFile('{\n  "locale": "fr",\n}');
    assert.deepEqual(broken.overrides, {});
    assert.match(broken.problems[0].message, /not valid JSON at line 3, column 1; the sample context is used/);
    assert.match(parseContextFile('[1]').problems[0].message, /must hold a JSON object/);
  });
});
