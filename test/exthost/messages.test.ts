// The one step between the features and the window: whatever a feature shows (a message, a modal
// confirmation, a progress title or progress line) is redacted and then plain text, links included.
import assert from 'node:assert/strict';
import { notificationLinks } from '../support/notificationLinks';
import { ScriptedUi, activateExtension, type TestApi } from './support';

suite('Messages (real extension host)', () => {
  let api: TestApi;
  let ui: ScriptedUi;
  setup(async () => {
    api = await activateExtension();
    ui = new ScriptedUi();
    api.ui.current = ui;
  });

  test('no channel to the window shows a link that data chose, nor a bearer token', async () => {
    const planted = (where: string) => `${where} [Open](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22x%22%7D) Bearer dG9rOmFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6MDEyMzQ1`;
    await api.ui.current.message('error', planted('message'));
    ui.onConfirm = () => true;
    await api.ui.current.confirm(planted('confirm'), planted('detail'), 'OK');
    await api.ui.current.progress(planted('title'), async (progress) => progress.report({ message: planted('line') }));
    const seen = [...ui.shown.map((s) => s.text), ...ui.confirmations.flatMap((c) => [c.text, c.detail]), ...ui.progressTitles, ...ui.progressLines];
    assert.equal(seen.length, 5, seen.join('\n'));
    for (const text of seen) {
      assert.deepEqual(notificationLinks(text), [], text);
      assert.doesNotMatch(text, /dG9rOm/, text);
    }
  });
});
