// The project's own redirect bridge page, rendered from media/ and the built dist/bridge-page.js,
// for serving on 127.0.0.1 in tests and in the `npm start` sandbox.
import fs from 'node:fs';
import path from 'node:path';
import { renderBridgePage } from '../../src/bridge/render';
import { EXTENSION_ID, REPO_ROOT } from './codeServer';

export function projectBridgePage(extraHosts: string[] = []): string {
  const read = (file: string) => fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');
  return renderBridgePage({
    template: read('media/redirect-bridge.html'),
    script: read('dist/bridge-page.js'),
    extensionId: EXTENSION_ID,
    extraHosts,
  });
}
