// Windows where package.json's capabilities limit the extension: an untrusted folder (Restricted Mode)
// and a virtual workspace (an in-memory `tmp:` folder, no file search). In both, Connect and the
// Workspace view work; Generate Scope Checklist, which scans and writes the folder, is not offered. In
// Restricted Mode the folder's webhook settings are ignored, and Send Test Webhook neither scans the folder
// nor signs its fixtures.
import assert from 'node:assert/strict';
import { usWorkspace } from '../fake-intercom';
import { freePort } from '../support/codeServer';
import { until } from '../support/until';
import type { Workbench } from './workbench';
import { useWorkbenchSuite } from './workbenchSuite';

interface LimitedWindow {
  name: string;
  restrictedMode: boolean;
  /** The folder to open, a URI of a virtual file system; default a copy of the fixture folder. */
  folder?: string;
  /** Waits until the window shows that it is limited this way. */
  isLimited: (wb: Workbench) => Promise<void>;
  /** What Generate Scope Checklist says when it is run anyway (a keybinding bypasses the menus). */
  refusal: RegExp;
}

// A user keybinding runs the command even where no menu offers it, as another extension could.
const CHECKLIST_KEY = { key: 'ctrl+shift+alt+f9', command: 'intercom.generateScopeChecklist' };

const WINDOWS: LimitedWindow[] = [
  {
    name: 'Restricted Mode (untrusted folder)',
    restrictedMode: true,
    isLimited: (wb) => wb.page.locator('.part.statusbar', { hasText: 'Restricted Mode' }).waitFor(),
    refusal: /off in Restricted Mode\. Trust the folder to use it/,
  },
  {
    name: 'virtual workspace (tmp: folder)',
    restrictedMode: false,
    folder: 'tmp:/virtual-folder',
    isLimited: async (wb) => {
      // The in-memory folder starts empty, so the workbench first says it does not exist.
      await wb.clickDialogButton(/^Cancel$/, 30_000);
      await wb.page.locator('.part.sidebar', { hasText: /virtual-folder/i }).first().waitFor();
    },
    refusal: /this window has a virtual folder/,
  },
];

for (const limited of WINDOWS) {
  suite(`E2E: ${limited.name}`, function () {
    this.timeout(180_000);
    // The receiver's port: the user's setting, and the one a cloned folder's settings.json asks for.
    const ports = { user: 0, folder: 0 };
    const bench = useWorkbenchSuite({
      run: `e2e-${limited.restrictedMode ? 'restricted' : 'virtual'}`,
      restrictedMode: limited.restrictedMode,
      keybindings: [CHECKLIST_KEY],
      folder: limited.folder,
      settings: async () => {
        [ports.user, ports.folder] = [await freePort(), await freePort()];
        return { 'intercom.webhooks.port': ports.user };
      },
      folderFiles: () => ({
        '.vscode/settings.json': JSON.stringify({ 'intercom.webhooks.port': ports.folder }),
        '.intercom/webhooks/ping.json': '{"type":"notification_event","topic":"ping","planted":true}\n',
      }),
    });

    test('the window is limited', () => limited.isLimited(bench.wb));

    test('Connect with Access Token works and the Workspace view shows the workspace', async () => {
      const { fake, wb } = bench;
      const token = fake.addToken(undefined, usWorkspace({ me: { app: { name: 'Limited Window WS', id_code: 'limited1' } } }));
      await wb.activityBarItem('Intercom').click();
      await wb.runCommand('Intercom: Connect with Access Token');
      await wb.answerInput(token, /Connect with Access Token/);
      await wb.treeRow('Limited Window WS (limited1)').waitFor({ timeout: 60_000 });
      assert.equal(fake.count('GET /me'), 1);
    });

    test('Generate Scope Checklist is not offered', async () => {
      const { wb } = bench;
      // The extension's commands are in the palette (the list is long: ask for the ones that matter)…
      assert.ok((await wb.paletteCommands('Intercom: Connect', 'Intercom: Connect')).includes('Intercom: Connect'));
      // …and the checklist is not: the palette lists no match, or other commands only.
      const commands = await wb.paletteCommands('Intercom: Generate Scope', '');
      assert.ok(commands.length > 0, 'the palette answered');
      assert.ok(!commands.includes('Intercom: Generate Scope Checklist'), commands.join(', '));
    });

    if (limited.restrictedMode) {
      test('the webhook receiver listens on the user\'s port, not the one the folder\'s settings ask for', async () => {
        const { wb } = bench;
        const answers = (port: number) => fetch(`http://127.0.0.1:${port}/`, { method: 'HEAD' }).then((r) => r.status === 200, () => false);
        await wb.runCommand('Intercom: Start Webhook Receiver');
        await until(() => answers(ports.user), `the receiver on the user's port ${ports.user}`, 60_000);
        assert.equal(await answers(ports.folder), false, `nothing listens on the folder's port ${ports.folder}`);
        await wb.runCommand('Intercom: Stop Webhook Receiver');
      });

      test('Send Test Webhook neither scans the folder for topics nor offers its fixtures', async () => {
        const { wb } = bench;
        await wb.runCommand('Intercom: Send Test Webhook');
        const widget = wb.page.locator('.quick-input-widget');
        await widget.locator('.quick-input-title', { hasText: /which topic/ }).waitFor();
        const rows = widget.locator('.quick-input-list .monaco-list-row');
        await rows.first().waitFor();
        // In a trusted folder the topics its code uses (conversation.user.*) come first, under "Used in this folder".
        assert.doesNotMatch((await rows.allInnerTexts()).join('\n'), /used in this folder/i);
        await wb.answerInput('ping');
        await widget.locator('.quick-input-title', { hasText: /Send Test Webhook: ping/ }).waitFor();
        const actions = (await rows.allInnerTexts()).join('\n');
        assert.match(actions, /a sample notification/);
        assert.doesNotMatch(actions, /fixture/i, 'the folder\'s .intercom/webhooks/ping.json is not offered');
        await wb.page.keyboard.press('Escape');
      });
    }

    test('Generate Scope Checklist run anyway (a keybinding) says why it is off', async () => {
      const { wb } = bench;
      await wb.page.keyboard.press('Control+Shift+Alt+F9');
      await wb.runCommand('Notifications: Show Notifications');
      await wb.page.locator('.notifications-center', { hasText: limited.refusal }).waitFor();
      await wb.page.keyboard.press('Escape');
    });
  });
}
