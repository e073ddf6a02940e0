import assert from 'node:assert/strict';
import { escapeIcons } from '../../../src/workspace/icons';

suite('escapeIcons: names shown where $(icon) renders', () => {
  test('icon syntax in a name is escaped; other text is kept', () => {
    assert.equal(escapeIcons('$(bug) Support $(sync~spin)'), '\\$(bug) Support \\$(sync~spin)');
    assert.equal(escapeIcons('Acme $5 (EU)'), 'Acme $5 (EU)');
  });
});
