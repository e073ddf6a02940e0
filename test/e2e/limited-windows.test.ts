// Windows where package.json's capabilities limit the extension: an untrusted folder (Restricted Mode)
// and a virtual workspace (an in-memory `tmp:` folder, no file search). In both, Connect and the
// Workspace view work; Generate Scope Checklist, which scans and writes the folder, is not offered.
import assert from 'node:assert/strict';
import { usWorkspace } from '../fake-intercom';
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
    const bench = useWorkbenchSuite({
      run: `e2e-${limited.restrictedMode ? 'restricted' : 'virtual'}`,
      restrictedMode: limited.restrictedMode,
      keybindings: [CHECKLIST_KEY],
      folder: limited.folder,
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

    test('Generate Scope Checklist run anyway (a keybinding) says why it is off', async () => {
      const { wb } = bench;
      await wb.page.keyboard.press('Control+Shift+Alt+F9');
      await wb.runCommand('Notifications: Show Notifications');
      await wb.page.locator('.notifications-center', { hasText: limited.refusal }).waitFor();
      await wb.page.keyboard.press('Escape');
    });
  });
}
