import assert from 'node:assert/strict';
import { importsOf } from '../../../src/scopes/imports';

suite('scopes imports: Python', () => {
  test('consecutive from-imports are two imports, each with its own names', () => {
    const text = 'from .billing.ledger import Ledger\nfrom .wrappers.contacts import Contacts, archive as drop\nimport httpx\n';
    assert.deepEqual(importsOf(text, 'python'), [
      { specifier: '.billing.ledger', relative: true, names: ['Ledger'] },
      { specifier: '.wrappers.contacts', relative: true, names: ['Contacts', 'drop'] },
      { specifier: 'httpx', relative: false, names: ['httpx'] },
    ]);
  });

  test('a parenthesized import list may span lines', () => {
    assert.deepEqual(importsOf('from .desk import (\n    client,\n    tags,\n)\nfrom .cache import remember\n', 'python'), [
      { specifier: '.desk', relative: true, names: ['client', 'tags'] },
      { specifier: '.cache', relative: true, names: ['remember'] },
    ]);
  });
});
