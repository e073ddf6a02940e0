// Connect, end to end in the real extension host: the consent page opens in the real browser
// (openExternal), the fake Intercom redirects to the bridge page on 127.0.0.1, the bridge forwards to
// code-server's /callback page, which delivers the URI to the extension's real URI handler.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { clientSecretKey } from '../../src/host/config';
import { encodePayload } from '../../src/connect/uriPayload';
import type { IntercomSession } from '../../src/session/model';
import { FakeIntercom, Faults, europeWorkspace, usWorkspace } from '../fake-intercom';
import { CLIENT_ID, CLIENT_SECRET, pointAt, setUserSettings, useConnectSandbox, type Sandbox } from './sandbox';
import { EXTENSION_ID, ScriptedUi, until, type TestApi } from './support';

suite('Connect (real extension host, fake Intercom)', function () {
  this.timeout(60_000);
  let api: TestApi;
  let ui: ScriptedUi;
  let box: Sandbox;

  const connect = () => vscode.commands.executeCommand<IntercomSession | undefined>('intercom.connect');
  const shownText = () => ui.shown.map((s) => s.text).join('\n');
  /** The callback URI a browser delivered for the last consent: rebuilt from what reached the bridge page. */
  const lastBridgeHit = () => new URL(box.fake.lastRequest('GET /bridge/')!.url, box.fake.url);

  useConnectSandbox((s) => ({ api, ui, box } = s));

  test('Configure OAuth App stores the client id and redirect URL in settings and the secret only in SecretStorage', async () => {
    ui.answerInputs(CLIENT_ID, CLIENT_SECRET, box.bridgeUrl).answerPicks((items) => items.find((i) => i.label === 'Automatic'));
    assert.equal(await vscode.commands.executeCommand('intercom.configureApp'), true);
    const config = vscode.workspace.getConfiguration('intercom');
    assert.equal(config.get('oauth.clientId'), CLIENT_ID);
    assert.equal(config.get('oauth.redirectUrl'), box.bridgeUrl);
    assert.equal(config.get('region'), 'auto');
    assert.ok(!JSON.stringify(config).includes(CLIENT_SECRET), 'the secret is not in settings');
    assert.equal(ui.prompts[1].password, true, 'the secret is asked with a password input');
    assert.match(String(ui.prompts[0].prompt), /Basic information/, 'says where the client id is found');
  });

  test('the redirect URL must be https (http only for loopback)', async () => {
    ui.answerInputs(CLIENT_ID, '', (o) => {
      assert.ok(o.validateInput!('http://example.com/bridge'), 'plain http on a public host is refused');
      assert.equal(o.validateInput!('https://example.com/bridge'), undefined);
      return undefined; // the person presses Escape
    });
    assert.equal(await vscode.commands.executeCommand('intercom.configureApp'), false);
    assert.equal(vscode.workspace.getConfiguration('intercom').get('oauth.redirectUrl'), box.bridgeUrl, 'unchanged');
  });

  test('full Connect through the browser, the bridge page and the real URI handler', async () => {
    const session = await connect();
    assert.ok(session, `connected; shown: ${shownText()}`);
    assert.equal(box.fake.count('GET /oauth'), 1, 'the browser opened the consent page');
    assert.equal(box.fake.count('GET /bridge/'), 1, 'Intercom redirected to the bridge page');
    const exchange = box.fake.lastRequest('POST /auth/eagle/token')!;
    const code = new URLSearchParams(exchange.rawBody).get('code')!;
    assert.match(code, /\+.*|\/.*/, 'the code had + or /');
    assert.match(code, /=$/, 'the trailing = survived the browser, the bridge and the editor');
    assert.equal(new URLSearchParams(exchange.rawBody).get('client_secret'), CLIENT_SECRET);
    const me = box.fake.lastRequest('GET /me')!;
    assert.equal(me.headers['intercom-version'], '2.16');
    assert.equal(me.headers.accept, 'application/json');
    assert.equal(session.kind, 'oauth');
    assert.equal(session.account.id, `${session.me.app!.id_code}:${session.me.id}`);
    assert.ok(box.fake.tokenInfo(session.accessToken), 'the token is the one Intercom issued');
    assert.ok(ui.shown.some((s) => s.level === 'info' && s.text.startsWith('Connected to')), shownText());
    assert.deepEqual(ui.progressTitles, ['Connecting to Intercom']);
  });

  test('progress reads "title: step", never "…: step"', async () => {
    assert.ok(await connect(), shownText());
    assert.ok(ui.progressLines.length >= 3, `each step is reported: ${ui.progressLines}`);
    for (const line of ui.progressLines) assert.doesNotMatch(line, /…:/, line);
    assert.ok(ui.progressLines.includes('Connecting to Intercom: Exchanging the authorization code…'), ui.progressLines.join('\n'));
  });

  test('the "Waiting for Intercom" notice, with its paste offer, closes when the Connect ends: success, failure, cancel', async () => {
    const offered = () => [...ui.progressLines, ...ui.shown.map((s) => s.text)].some((t) => /Waiting for Intercom/.test(t) && /Paste/.test(t));
    const stillOpen = () => ui.openNotifications().filter((t) => /Waiting for Intercom/.test(t));

    assert.ok(await connect(), shownText());
    assert.ok(offered(), 'offered while waiting');
    assert.deepEqual(stillOpen(), [], 'closed after success');

    box.fake.consent = 'deny';
    assert.equal(await connect(), undefined);
    await ui.waitForMessage((s) => /access_denied/.test(s.text));
    assert.deepEqual(stillOpen(), [], 'closed after failure');

    box.fake.consent = 'page';
    const result = connect();
    await until(() => stillOpen().length > 0 || undefined, 'the notice while the browser is open');
    ui.cancelProgress();
    assert.equal(await result, undefined);
    assert.deepEqual(stillOpen(), [], 'closed after cancel');
  });

  test('Configure OAuth App is all or nothing: a cancel at any step saves nothing; the end says so and offers Connect now', async () => {
    const config = () => vscode.workspace.getConfiguration('intercom');
    const saved = () => ({ clientId: config().get('oauth.clientId'), redirectUrl: config().get('oauth.redirectUrl'), region: config().get('region') });
    const before = saved();
    const other = { clientId: 'another-app-client', clientSecret: 'another-app-secret', redirectUrl: 'https://example.com/other-bridge.html' };
    for (let step = 1; step <= 4; step++) {
      ui = new ScriptedUi();
      api.ui.current = ui;
      const answers = [other.clientId, other.clientSecret, other.redirectUrl].slice(0, step - 1);
      ui.answerInputs(...answers, ...(step < 4 ? [undefined] : [])).answerPicks(() => undefined);
      assert.equal(await vscode.commands.executeCommand('intercom.configureApp'), false);
      assert.deepEqual(saved(), before, `cancelled at step ${step}`);
      assert.equal(await api.secrets.get(clientSecretKey(other.clientId)), undefined, `no secret stored when cancelled at step ${step}`);
      await ui.waitForMessage((m) => /nothing was saved/.test(m.text));
    }

    ui = new ScriptedUi();
    api.ui.current = ui;
    ui.answerInputs(CLIENT_ID, '', box.bridgeUrl).answerPicks((items) => items[0]);
    assert.equal(await vscode.commands.executeCommand('intercom.configureApp'), true);
    assert.match(String(ui.prompts[1].prompt), new RegExp(`client ID ${CLIENT_ID}`), 'the secret prompt names the client ID');
    const done = await ui.waitForMessage((m) => m.actions.includes('Connect now'));
    assert.match(done.text, new RegExp(`${CLIENT_ID}.*saved`), done.text);
  });

  test('a Connect cancelled while the client secret is asked names what is missing in words', async () => {
    try {
      await setUserSettings({ 'oauth.clientId': 'app-without-secret' });
      ui.answerInputs(undefined);
      assert.equal(await connect(), undefined);
      const shown = await ui.waitForMessage((m) => /Connect needs/.test(m.text));
      assert.match(shown.text, /client secret/, shown.text);
      assert.doesNotMatch(shown.text, /clientSecret|clientId|redirectUrl/, shown.text);
    } finally {
      await setUserSettings({ 'oauth.clientId': CLIENT_ID });
    }
  });

  test('Configure OAuth App numbers only the steps it asks', async () => {
    const titles = () => [...ui.prompts.map((p) => p.title), ...ui.pickOptions.map((o) => o.title)];
    try {
      ui.answerInputs(CLIENT_ID, '', box.bridgeUrl).answerPicks((items) => items[0]);
      assert.equal(await vscode.commands.executeCommand('intercom.configureApp'), true);
      assert.deepEqual(titles(), ['Configure OAuth App (1/4)', 'Configure OAuth App (2/4)', 'Configure OAuth App (3/4)', 'Configure OAuth App (4/4)']);

      // Another client id has no stored secret, and the redirect URL is gone: Connect asks for those two.
      await setUserSettings({ 'oauth.clientId': 'another-client', 'oauth.redirectUrl': undefined });
      ui = new ScriptedUi().answerInputs(undefined);
      api.ui.current = ui;
      assert.equal(await connect(), undefined);
      assert.deepEqual(titles(), ['Configure OAuth App (1/2)']);

      // Only the secret is missing: one step, no count.
      await setUserSettings({ 'oauth.redirectUrl': box.bridgeUrl });
      ui = new ScriptedUi().answerInputs(undefined);
      api.ui.current = ui;
      assert.equal(await connect(), undefined);
      assert.deepEqual(titles(), ['Configure OAuth App']);
      assert.match(String(ui.prompts[0].prompt), /Client secret/);
    } finally {
      await setUserSettings({ 'oauth.clientId': CLIENT_ID, 'oauth.redirectUrl': box.bridgeUrl });
    }
  });

  test('the session is stored as JSON in SecretStorage and visible through vscode.authentication', async () => {
    const session = (await connect())!;
    const stored = await api.sessions.list();
    assert.deepEqual(stored.map((s) => s.id), [session.id]);
    for (const key of ['id', 'accessToken', 'kind', 'account', 'region', 'apiBase', 'createdAt', 'me'] as const) assert.ok(key in stored[0], key);
    const auth = await vscode.authentication.getSession('intercom', [], { silent: true });
    assert.equal(auth?.id, session.id);
    assert.equal(auth?.account.id, session.account.id);
    assert.equal(auth?.accessToken, session.accessToken);
  });

  test('connecting the same admin and workspace again replaces that session; another workspace coexists', async () => {
    const first = (await connect())!;
    const again = (await connect())!;
    box.fake.nextGrant = europeWorkspace();
    const other = (await connect())!;
    const ids = (await api.sessions.list()).map((s) => s.id).sort();
    assert.deepEqual(ids, [again.id, other.id].sort());
    assert.notEqual(first.id, again.id);
    assert.equal(other.region, 'eu');
    const accounts = (await vscode.authentication.getAccounts('intercom')).map((a) => a.id).sort();
    assert.deepEqual(accounts, [again.account.id, other.account.id].sort());
  });

  test('authentication provider: onDidChangeSessions fires on connect and disconnect', async () => {
    const events: vscode.AuthenticationSessionsChangeEvent[] = [];
    const sub = vscode.authentication.onDidChangeSessions((e) => e.provider.id === 'intercom' && events.push(e));
    try {
      const session = (await connect())!;
      await until(() => events.length >= 1 || undefined, 'a change event after connect');
      ui.onMessage = (s) => s.actions.find((a) => a === 'Disconnect');
      await vscode.commands.executeCommand('intercom.disconnect', session.id);
      await until(() => events.length >= 2 || undefined, 'a change event after disconnect');
      assert.equal(await vscode.authentication.getSession('intercom', [], { silent: true }), undefined);
    } finally {
      sub.dispose();
    }
  });

  test('Disconnect with "Also Revoke Access" revokes the OAuth token and removes the session', async () => {
    const session = (await connect())!;
    ui.onMessage = (s) => s.actions.find((a) => a === 'Also Revoke Access');
    await vscode.commands.executeCommand('intercom.disconnect');
    assert.equal(box.fake.count('POST /auth/uninstall'), 1);
    assert.ok(box.fake.isRevoked(session.accessToken));
    assert.deepEqual(await api.sessions.list(), []);
    assert.match(shownText(), /access revoked/);
  });

  test('Disconnect reports a failed revoke and still removes the session', async () => {
    await connect();
    box.fake.failNext('POST /auth/uninstall', Faults.serverError(503));
    ui.onMessage = (s) => s.actions.find((a) => a === 'Also Revoke Access');
    await vscode.commands.executeCommand('intercom.disconnect');
    assert.deepEqual(await api.sessions.list(), []);
    assert.ok(ui.shown.some((s) => s.level === 'warning' && /could not revoke/.test(s.text)), shownText());
  });

  test('Connect with Access Token: checked with /me, stored the same way', async () => {
    const token = box.fake.addToken(undefined, europeWorkspace());
    ui.answerInputs(token);
    const session = await vscode.commands.executeCommand<IntercomSession>('intercom.connectWithAccessToken');
    assert.equal(session?.kind, 'accessToken');
    assert.equal(session?.region, 'eu');
    assert.equal(ui.prompts[0].password, true);
    assert.equal((await api.sessions.list())[0].accessToken, token);
  });

  test('Connect with Access Token says that it replaced the OAuth session of the same admin', async () => {
    const oauth = (await connect())!;
    ui.shown.length = 0;
    ui.answerInputs(box.fake.addToken(undefined, usWorkspace()));
    const session = await vscode.commands.executeCommand<IntercomSession>('intercom.connectWithAccessToken');
    assert.equal(session?.account.id, oauth.account.id, 'the same admin and workspace');
    assert.deepEqual((await api.sessions.list()).map((s) => s.kind), ['accessToken'], 'one session per admin and workspace');
    const said = await ui.waitForMessage((s) => s.text.startsWith('Connected to'));
    assert.match(said.text, /replaced the OAuth session/, said.text);

    ui.shown.length = 0;
    ui.answerInputs(box.fake.addToken(undefined, usWorkspace()));
    assert.ok(await vscode.commands.executeCommand('intercom.connectWithAccessToken'));
    const plain = await ui.waitForMessage((s) => s.text.startsWith('Connected to'));
    assert.doesNotMatch(plain.text, /replaced/, 'a token replacing a token is just a reconnect');
  });

  test('a rejected access token (401) says where to get a new one', async () => {
    ui.answerInputs('not-a-token-intercom-issued');
    assert.equal(await vscode.commands.executeCommand('intercom.connectWithAccessToken'), undefined);
    const shown = await ui.waitForMessage((s) => /rejected the access token/.test(s.text));
    assert.match(shown.text, /Developer Hub > your app > Configure > Authentication/, shown.text);
    assert.doesNotMatch(shown.text, /Connect again to get a new token/);
    assert.deepEqual(shown.actions, ['Connect with Access Token']);
  });

  test('Connect asks for what is missing instead of failing', async () => {
    await setUserSettings({ 'oauth.redirectUrl': undefined });
    ui.answerInputs(box.bridgeUrl);
    const session = await connect();
    assert.ok(session, shownText());
    assert.equal(ui.prompts.length, 1, 'only the redirect URL was asked');
    assert.equal(vscode.workspace.getConfiguration('intercom').get('oauth.redirectUrl'), box.bridgeUrl);
  });

  suite('errors', () => {
    const expectMessage = async (pattern: RegExp, level?: string) => {
      const shown = await ui.waitForMessage((s) => pattern.test(s.text));
      if (level) assert.equal(shown.level, level, shown.text);
      return shown;
    };

    test('consent denied (error=access_denied)', async () => {
      box.fake.consent = 'deny';
      assert.equal(await connect(), undefined);
      const shown = await expectMessage(/access_denied/, 'warning');
      assert.ok(shown.actions.includes('Connect Again'));
      assert.equal(box.fake.count('POST /auth/eagle/token'), 0);
    });

    test('401 "Unauthorized Code" names the two known causes and offers to connect again, never retried', async () => {
      box.fake.failNext('POST /auth/eagle/token', Faults.error(401, 'unauthorized', 'Unauthorized Code'));
      assert.equal(await connect(), undefined);
      const shown = await expectMessage(/Unauthorized Code/, 'error');
      assert.match(shown.text, /trailing '='/);
      assert.match(shown.text, /5 minutes/);
      assert.ok(shown.actions.includes('Connect Again'));
      assert.equal(box.fake.count('POST /auth/eagle/token'), 1);
    });

    test('5xx on the exchange is reported and not retried', async () => {
      box.fake.failNext('POST /auth/eagle/token', Faults.serverError(502));
      assert.equal(await connect(), undefined);
      await expectMessage(/server error/, 'error');
      assert.equal(box.fake.count('POST /auth/eagle/token'), 1);
    });

    test('HTML or broken JSON instead of the API', async () => {
      box.fake.failNext('GET /me', Faults.html(502), 3);
      assert.equal(await connect(), undefined);
      await expectMessage(/did not answer like Intercom's API/, 'error');
      box.fake.failNext('GET /me', Faults.invalidJson(200));
      ui.shown.length = 0;
      assert.equal(await connect(), undefined);
      await expectMessage(/did not answer like Intercom's API/, 'error');
    });

    test('401 and 403 on /me', async () => {
      box.fake.failNext('GET /me', Faults.error(401, 'unauthorized', 'Access Token Invalid'));
      assert.equal(await connect(), undefined);
      await expectMessage(/rejected the access token/, 'error');
      box.fake.failNext('GET /me', Faults.error(403, 'forbidden', 'You do not have the required scope (read_admins) to access this resource'));
      assert.equal(await connect(), undefined);
      await expectMessage(/Read admins/, 'error');
    });

    test('429 on /me is retried after Retry-After and the Connect succeeds', async () => {
      box.fake.failNext('GET /me', Faults.rateLimit({ retryAfter: 1 }));
      const session = await connect();
      assert.ok(session, shownText());
      assert.equal(box.fake.count('GET /me'), 2);
    });

    test('network down: the API host refuses connections', async () => {
      const down = await FakeIntercom.start();
      const url = down.url;
      await down.close();
      await setUserSettings({ 'advanced.apiBaseUrl': url });
      try {
        assert.equal(await connect(), undefined);
        await expectMessage(/Could not reach 127\.0\.0\.1/, 'error');
      } finally {
        await pointAt(box.fake);
      }
    });

    test('timeout: the API does not answer in time', async () => {
      await setUserSettings({ 'advanced.requestTimeoutSeconds': 1 });
      box.fake.failNext('POST /auth/eagle/token', Faults.delay(4000));
      try {
        assert.equal(await connect(), undefined);
        await expectMessage(/did not answer in time/, 'error');
      } finally {
        await setUserSettings({ 'advanced.requestTimeoutSeconds': 5 });
      }
    });

    test('a redirect from the API host is refused, and the host it names gets nothing', async () => {
      const elsewhere = await FakeIntercom.start();
      try {
        box.fake.failNext('POST /auth/eagle/token', Faults.redirect(`${elsewhere.url}/auth/eagle/token`, 307));
        assert.equal(await connect(), undefined);
        const shown = await expectMessage(/answered with a redirect \(307\)/, 'error');
        assert.ok(shown.actions.includes('Open Settings'));
        assert.equal(elsewhere.count(), 0, 'the code and client secret went nowhere else');
      } finally {
        await elsewhere.close();
      }
    });

    test('an answer over 1 MiB is not read', async () => {
      box.fake.failNext('GET /me', Faults.hugeBody({ bytes: 32 * 1024 * 1024 }));
      assert.equal(await connect(), undefined);
      await expectMessage(/more than 1 MiB/, 'error');
      assert.equal(box.fake.count('GET /me'), 1, 'not retried');
    });

    test('an answer that stops after its headers times out', async () => {
      await setUserSettings({ 'advanced.requestTimeoutSeconds': 1 });
      box.fake.failNext('POST /auth/eagle/token', Faults.stallBody());
      try {
        assert.equal(await connect(), undefined);
        await expectMessage(/did not answer in time/, 'error');
      } finally {
        await setUserSettings({ 'advanced.requestTimeoutSeconds': 5 });
      }
    });

    test('the person cancels while the browser is open', async () => {
      box.fake.consent = 'page'; // nobody clicks "Authorize access"
      const result = connect();
      await until(() => (ui.progressTitles.length > 0 && box.fake.count('GET /oauth') > 0) || undefined, 'the consent page to open');
      ui.cancelProgress();
      assert.equal(await result, undefined);
      await expectMessage(/cancelled/, 'info');
      assert.equal(api.oauth.pending.size, 0);
    });

    test('unverified email is refused; allowed with a visible warning when the setting is on', async () => {
      box.fake.nextGrant = usWorkspace({ me: { email_verified: false } });
      assert.equal(await connect(), undefined);
      await expectMessage(/not verified/, 'error');
      assert.deepEqual(await api.sessions.list(), []);
      await setUserSettings({ allowUnverifiedEmail: true });
      try {
        box.fake.nextGrant = usWorkspace({ me: { email_verified: null } });
        ui.shown.length = 0;
        assert.ok(await connect());
        await expectMessage(/not verified/, 'warning');
      } finally {
        await setUserSettings({ allowUnverifiedEmail: false });
      }
    });

    suite('nonces', () => {
      const deliver = (query: string) => vscode.commands.executeCommand('vscode.open', vscode.Uri.parse(`${vscode.env.uriScheme}://${EXTENSION_ID}/callback?${query}`));
      const payload = encodePayload({ code: 'forged+/=' });

      test('missing nonce: refused with a message', async () => {
        await deliver(`intercom=${payload}`);
        await expectMessage(/without a nonce/, 'warning');
        assert.equal(box.fake.count('POST /auth/eagle/token'), 0);
      });

      test('unknown (forged) nonce: logged and ignored, no message', async () => {
        await deliver(`nonce=forged&intercom=${payload}`);
        // URIs reach the handler in order: once the next one's warning shows, the forged one was handled.
        await deliver(`intercom=${payload}`);
        await expectMessage(/without a nonce/, 'warning');
        assert.equal(ui.shown.length, 1, `only the second URI's warning: ${shownText()}`);
        assert.equal(box.fake.count('POST /auth/eagle/token'), 0);
      });

      test('replayed callback: refused', async () => {
        assert.ok(await connect());
        const bridge = lastBridgeHit();
        const callback = new URL(Buffer.from(bridge.searchParams.get('state')!, 'base64url').toString());
        const nonce = new URLSearchParams(callback.searchParams.get('vscode-query') ?? callback.search).get('nonce');
        await deliver(`nonce=${nonce}&intercom=${encodePayload({ code: bridge.searchParams.get('code')! })}`);
        await expectMessage(/already used/, 'warning');
        assert.equal(box.fake.count('POST /auth/eagle/token'), 1, 'no second exchange');
      });

      test('expired (timed-out) Connect: its late callback is refused', async () => {
        box.fake.consent = 'page';
        api.oauth.timeoutMs = 1500;
        assert.equal(await connect(), undefined);
        await expectMessage(/No answer came back/, 'warning');
        const state = new URL(box.fake.lastRequest('GET /oauth')!.url, box.fake.url).searchParams.get('state')!;
        const callback = new URL(Buffer.from(state, 'base64url').toString());
        const nonce = new URLSearchParams(callback.searchParams.get('vscode-query') ?? callback.search).get('nonce');
        await deliver(`nonce=${nonce}&intercom=${payload}`);
        await expectMessage(/cancelled or timed out/, 'warning');
        assert.equal(box.fake.count('POST /auth/eagle/token'), 0);
      });

      test('"Paste Callback URL" goes through the same checks as the handler', async () => {
        box.fake.consent = 'page';
        const result = connect();
        await until(() => box.fake.count('GET /oauth') > 0 || undefined, 'the consent page');
        // Approve "by hand": ask the fake for the redirect the consent page would make.
        const oauth = new URL(box.fake.lastRequest('GET /oauth')!.url, box.fake.url);
        const code = box.fake.createCode(CLIENT_ID, { redirectUri: oauth.searchParams.get('redirect_uri')! });
        const bridgeUrl = new URL(oauth.searchParams.get('redirect_uri')!);
        bridgeUrl.searchParams.set('code', code);
        bridgeUrl.searchParams.set('state', oauth.searchParams.get('state')!);
        // The progress notification offers the paste as a command link while the Connect waits.
        await until(() => ui.progressLines.find((l) => l.includes('(command:intercom.pasteCallbackUrl)')), 'the paste offer');
        ui.answerInputs((o) => {
          assert.ok(o.validateInput!('not a url'), 'junk is refused');
          return bridgeUrl.toString();
        });
        const pasted = vscode.commands.executeCommand('intercom.pasteCallbackUrl');
        assert.ok(await result, shownText());
        assert.deepEqual(await pasted, { status: 'delivered' });
        assert.equal(new URLSearchParams(box.fake.lastRequest('POST /auth/eagle/token')!.rawBody).get('code'), code);
      });
    });
  });
});
