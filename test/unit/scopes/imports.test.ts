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

suite('scopes imports: JS', () => {
  test('a destructured require may span lines, as an import clause does', () => {
    const text = "const {\n  BASE_ENDPOINT,\n  TAGS_ENDPOINT: tags,\n} = require('./config');\nimport {\n  client,\n} from './desk';\nconst other = { a: 1 };\n";
    assert.deepEqual(importsOf(text, 'js'), [
      { specifier: './config', relative: true, names: ['BASE_ENDPOINT', 'tags'] },
      { specifier: './desk', relative: true, names: ['client'] },
    ]);
  });
});
