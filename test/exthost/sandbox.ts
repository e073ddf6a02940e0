// A fake Intercom inside the extension host, with the project's redirect bridge page served beside it
// on 127.0.0.1, and the extension's user settings pointed at it.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FakeIntercom } from '../fake-intercom';
import { projectBridgePage } from '../support/bridgePage';
import { ScriptedUi, activateExtension, type TestApi } from './support';

export const CLIENT_ID = 'exthost-client';
export const CLIENT_SECRET = 'exthost-secret-Zq9+/=';

export interface Sandbox {
  fake: FakeIntercom;
  bridgeUrl: string;
}

export async function startSandbox(): Promise<Sandbox> {
  const fake = await FakeIntercom.start({ consent: 'approve' });
  const bridgeUrl = fake.serveStatic('/bridge/', projectBridgePage());
  fake.addClient({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUrls: [bridgeUrl], appName: 'Exthost Test App' });
  return { fake, bridgeUrl };
}

const config = () => vscode.workspace.getConfiguration('intercom');

export async function setUserSettings(values: Record<string, unknown>): Promise<void> {
  for (const [key, value] of Object.entries(values)) await config().update(key, value, vscode.ConfigurationTarget.Global);
}

export async function pointAt(fake: FakeIntercom, extra: Record<string, unknown> = {}): Promise<void> {
  await setUserSettings({
    'advanced.appBaseUrl': fake.url,
    'advanced.apiBaseUrl': fake.url,
    'advanced.requestTimeoutSeconds': 5,
    allowUnverifiedEmail: false,
    ...extra,
  });
}

export interface SandboxSuite {
  api: TestApi;
  ui: ScriptedUi;
  box: Sandbox;
}

/**
 * Hooks shared by the suites that connect with access tokens: a sandbox with the settings pointed at it
 * (and `settings`, cleared after the suite), and per test a fresh scripted UI, no stored session, a reset
 * fake and no open editor. `use` receives the suite's objects after each hook ran.
 */
export function useSandbox(settings: Record<string, unknown>, use: (suite: SandboxSuite) => void): void {
  const suite = {} as SandboxSuite;
  suiteSetup(async () => {
    suite.api = await activateExtension();
    suite.box = await startSandbox();
    await pointAt(suite.box.fake, settings);
    use(suite);
  });
  suiteTeardown(async () => {
    await suite.box.fake.close();
    const cleared = Object.fromEntries(Object.keys(settings).map((key) => [key, undefined]));
    await setUserSettings({ 'advanced.appBaseUrl': undefined, 'advanced.apiBaseUrl': undefined, ...cleared });
  });
  setup(async () => {
    suite.ui = new ScriptedUi();
    suite.api.ui.current = suite.ui;
    await suite.api.sessions.remove((await suite.api.sessions.list()).map((s) => s.id));
    suite.box.fake.reset();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    use(suite);
  });
}

/**
 * Hooks shared by the Connect suites: a sandbox with the OAuth app configured (through the real
 * Configure OAuth App command), and per test a fresh scripted UI, a reset fake and no stored session.
 * `use` receives the suite's objects after each hook ran.
 */
export function useConnectSandbox(use: (suite: SandboxSuite) => void): void {
  const suite = {} as SandboxSuite;
  suiteSetup(async () => {
    suite.api = await activateExtension();
    suite.box = await startSandbox();
    await pointAt(suite.box.fake);
    suite.api.ui.current = new ScriptedUi().answerInputs(CLIENT_ID, CLIENT_SECRET, suite.box.bridgeUrl).answerPicks((items) => items[0]);
    assert.equal(await vscode.commands.executeCommand('intercom.configureApp'), true);
    use(suite);
  });
  suiteTeardown(async () => {
    await suite.box.fake.close();
    await setUserSettings({ 'advanced.appBaseUrl': undefined, 'advanced.apiBaseUrl': undefined, 'oauth.clientId': undefined, 'oauth.redirectUrl': undefined });
  });
  setup(async () => {
    suite.ui = new ScriptedUi();
    suite.api.ui.current = suite.ui;
    suite.api.oauth.timeoutMs = 30_000;
    suite.box.fake.reset();
    suite.box.fake.consent = 'approve';
    await suite.api.sessions.remove((await suite.api.sessions.list()).map((s) => s.id));
    use(suite);
  });
}
