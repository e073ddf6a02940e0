// A fake Intercom inside the extension host, with the project's redirect bridge page served beside it
// on 127.0.0.1, and the extension's user settings pointed at it.
import * as vscode from 'vscode';
import { FakeIntercom } from '../fake-intercom';
import { projectBridgePage } from '../support/bridgePage';

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
