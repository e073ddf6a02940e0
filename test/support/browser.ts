// Headless Debian Chromium through playwright-core (never `playwright install`: no downloads here).
import { chromium, type BrowserContext } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  // This machine's network is closed: keep Chromium from trying to phone home.
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function launchBrowser(profileDir?: string): Promise<BrowserContext> {
  const dir = profileDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'intercom-chromium-'));
  return chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 900 },
  });
}
