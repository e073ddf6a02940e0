import assert from 'node:assert/strict';
import { escapeMarkdown } from '../../../src/workspace/markdown';

suite('escapeMarkdown', () => {
  test('an image, a link, an autolink, HTML and an email stay text', () => {
    assert.equal(escapeMarkdown('![](https://tracker.example/p.png)'), '\\!\\[\\]\\(https\\:\\/\\/tracker\\.example\\/p\\.png\\)');
    assert.equal(escapeMarkdown('[click](http://x.example)'), '\\[click\\]\\(http\\:\\/\\/x\\.example\\)');
    assert.equal(escapeMarkdown('<img src=x onerror=y>'), '\\<img src\\=x onerror\\=y\\>');
    assert.equal(escapeMarkdown('www.example.com'), 'www\\.example\\.com');
    assert.equal(escapeMarkdown('a@b.co'), 'a\\@b\\.co');
  });

  test('every ASCII punctuation mark is escaped; letters, digits and other scripts are not', () => {
    const punctuation = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
    assert.equal(escapeMarkdown(punctuation), [...punctuation].map((c) => `\\${c}`).join(''));
    assert.equal(escapeMarkdown('Émile Zola 42 東京'), 'Émile Zola 42 東京');
  });

  test('line breaks and indentation cannot start a block (heading, list, code)', () => {
    assert.equal(escapeMarkdown('ok\n# Heading\n\n    code'), 'ok \\# Heading code');
    assert.equal(escapeMarkdown('  - item'), '\\- item');
  });
});
