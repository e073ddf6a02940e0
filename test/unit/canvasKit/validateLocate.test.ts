import assert from 'node:assert/strict';
import { locate } from '../../../src/canvasKit/schema/locate';
import { validateFixture } from '../../../src/canvasKit/schema/validate';

const TEXT = `{
  "canvas": {
    "content": {
      "components": [
        { "type": "text", "text": "a \\"quoted\\" \\u00e9 [x]{y}" },
        { "type": "text", "text": "Hi", "styel": "header" }
      ]
    },
    "stored_data": { "a/b": [1, -2.5e3, true, null] }
  }
}`;
const at = (span: { start: number; end: number } | undefined) => span && TEXT.slice(span.start, span.end);

suite('canvas kit validator: where a pointer is in the text', () => {
  test('finds the value and its key', () => {
    const styel = locate(TEXT, '/canvas/content/components/1/styel');
    assert.equal(at(styel?.value), '"header"');
    assert.equal(at(styel?.key), '"styel"');
    assert.equal(at(locate(TEXT, '/canvas/content/components/0/text')?.value), '"a \\"quoted\\" \\u00e9 [x]{y}"');
    assert.equal(at(locate(TEXT, '/canvas/content/components/1')?.value), '{ "type": "text", "text": "Hi", "styel": "header" }');
    assert.equal(locate(TEXT, '/canvas/content/components/1')?.key, undefined);
    assert.equal(at(locate(TEXT, '/canvas/stored_data/a~1b/1')?.value), '-2.5e3');
    assert.equal(at(locate(TEXT, '')?.value), TEXT);
  });

  test('locates what the validator flags', () => {
    const [problem] = validateFixture(JSON.parse(TEXT));
    assert.equal(at(locate(TEXT, problem.pointer)?.key), '"styel"');
  });

  test('undefined for a path the text lacks or text that is not JSON', () => {
    assert.equal(locate(TEXT, '/canvas/content/components/2'), undefined);
    assert.equal(locate(TEXT, '/canvas/nope'), undefined);
    assert.equal(locate(TEXT, '/canvas/content/components/x'), undefined);
    assert.equal(locate('{"canvas": {"content": ', '/canvas/content'), undefined);
    assert.equal(locate('{"a": tru}', '/a'), undefined);
  });
});
