import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

interface Setting {
  scope?: string;
}

// out/test/unit/settings → the repository root.
const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../package.json'), 'utf8'));
const settings: Record<string, Setting> = Object.assign({}, ...[manifest.contributes.configuration].flat().map((c: { properties: object }) => c.properties));

suite('settings in package.json', () => {
  test('Restricted Mode: every setting a folder may set is in restrictedConfigurations', () => {
    // Application- and machine-scoped settings are never read from a folder; every other one a folder can set.
    const folderMaySet = Object.keys(settings).filter((key) => !['application', 'machine'].includes(settings[key].scope ?? 'window'));
    assert.ok(folderMaySet.length > 0, 'the webhook receiver has folder settings');
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations?.slice().sort(), folderMaySet.sort());
  });
});
