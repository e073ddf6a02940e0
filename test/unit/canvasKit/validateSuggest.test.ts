import assert from 'node:assert/strict';
import { didYouMean, editDistance } from '../../../src/canvasKit/schema/suggest';

suite('canvas kit validator: did you mean', () => {
  test('counts a swap of two neighbours as one edit', () => {
    assert.equal(editDistance('styel', 'style'), 1);
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('', 'abc'), 3);
  });

  test('suggests the nearest candidate within a third of the word', () => {
    const keys = ['type', 'id', 'text', 'align', 'style', 'bottom_margin'];
    assert.equal(didYouMean('styel', keys), 'style');
    assert.equal(didYouMean('allign', keys), 'align');
    assert.equal(didYouMean('bottom_marign', keys), 'bottom_margin');
    assert.equal(didYouMean('colour', keys), undefined);
    assert.equal(didYouMean('tipe', ['type', 'tip']), 'type', 'the first of two at the same distance, in schema order');
  });

  test('words in another order or case, and a shared start of four letters', () => {
    assert.equal(didYouMean('margin_bottom', ['type', 'bottom_margin']), 'bottom_margin');
    assert.equal(didYouMean('single_select', ['single-select', 'dropdown']), 'single-select');
    assert.equal(didYouMean('Label', ['label', 'value']), 'label');
    assert.equal(didYouMean('heading', ['header', 'paragraph', 'muted', 'error']), 'header');
    assert.equal(didYouMean('headings', ['header', 'headline']), undefined, 'two candidates share the start: no guess');
  });
});
