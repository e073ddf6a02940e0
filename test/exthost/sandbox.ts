// A fake Intercom inside the extension host, with the project's redirect bridge page served beside it
// on 127.0.0.1, and the extension's user settings pointed at it.
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { renderBridgePage } from '../../src/bridge/render';
import { FakeIntercom } from '../fake-intercom';
import { EXTENSION_ID } from './support';

export const CLIENT_ID = 'exthost-client';
export const CLIENT_SECRET = 'exthost-secret-Zq9+/=';

export interface Sandbox {
  fake: FakeIntercom;
  bridgeUrl: string;
}

export function bridgeHtml(): string {
  const root = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
  return renderBridgePage({
    template: fs.readFileSync(path.join(root, 'media', 'redirect-bridge.html'), 'utf8'),
    script: fs.readFileSync(path.join(root, 'dist', 'bridge-page.js'), 'utf8'),
    extensionId: EXTENSION_ID,
    extraHosts: [],
  });
}

export async function startSandbox(): Promise<Sandbox> {
  const fake = await FakeIntercom.start({ consent: 'approve' });
  const bridgeUrl = fake.serveStatic('/bridge/', bridgeHtml());
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
