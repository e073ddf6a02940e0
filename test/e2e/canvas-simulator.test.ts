// A person trying the sandbox's sample Canvas Kit app in the browser: configures the app's secret, opens the
// simulator, sets the meeting length, fills the booking form, clicks Book meeting and sees the booked card,
// with every request in the timeline. The panel's screenshot is the README's.
import { startSampleCanvasApp, type SampleCanvasApp } from '../sample-canvas-app';
import { projectBridgePage } from '../support/bridgePage';
import { useWorkbenchSuite } from './workbenchSuite';

const CLIENT = { clientId: 'e2e-canvas-client', clientSecret: 'e2e-canvas-secret-Qx7+/=' };

suite('E2E: the Canvas Kit simulator in the browser (code-server + headless Chromium)', function () {
  this.timeout(180_000);
  let app: SampleCanvasApp;
  const bench = useWorkbenchSuite({
    run: 'e2e-canvas',
    fake: { consent: 'page' },
    settings: async (fake) => {
      // As `npm start` runs it: the sample app, checking signatures with the app's client secret, and its four URLs set.
      app = await startSampleCanvasApp({ clientSecret: CLIENT.clientSecret });
      return {
        'intercom.oauth.clientId': CLIENT.clientId,
        'intercom.oauth.redirectUrl': fake.serveStatic('/bridge/', projectBridgePage()),
        'intercom.canvasKit.initializeUrl': app.urls.initialize,
        'intercom.canvasKit.submitUrl': app.urls.submit,
        'intercom.canvasKit.configureUrl': app.urls.configure,
        'intercom.canvasKit.submitSheetUrl': app.urls.submitSheet,
      };
    },
  });
  suiteTeardown(() => app?.close());

  test('open the simulator on the sample app, fill the form, click Book meeting: the booked card shows', async () => {
    const { fake, wb } = bench;
    await wb.runCommand('Intercom: Configure OAuth App');
    await wb.answerInput(CLIENT.clientId, /Configure OAuth App \(1\/4\)/);
    await wb.answerInput(CLIENT.clientSecret, /Configure OAuth App \(2\/4\)/);
    await wb.answerInput(fake.url.replace(/\/?$/, '/bridge/'), /Configure OAuth App \(3\/4\)/);
    await wb.answerInput('US', /Configure OAuth App \(4\/4\)/);

    await wb.runCommand('Intercom: Open Canvas Kit Simulator');
    // A webview is a frame in a frame: VS Code's host frame, then the page it loads.
    const view = wb.page.frameLocator('iframe.webview').frameLocator('#active-frame');
    await view.getByRole('button', { name: 'Use this length' }).click({ timeout: 60_000 });
    await view.getByLabel('Your name').fill('Hermione Granger');
    await view.getByLabel('Email').fill('hermione@hogwarts.example');
    await view.getByRole('radio', { name: 'Tuesday 14:00' }).check();
    await view.getByRole('button', { name: 'Book meeting' }).click();
    await view.locator('.ck-frame').getByText('Booked.').waitFor();
    await view.locator('.completed', { hasText: 'event: completed' }).waitFor();
    await view.locator('.tl-entry', { hasText: 'Live canvas' }).first().waitFor();
    await wb.screenshot('canvas-kit-simulator', wb.page.locator('.part.editor'));
  });
});
