import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { contributionsOf, disagreements } from '../../../src/features/contributions';

const manifest = () => JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', 'package.json'), 'utf8'));

suite('The feature table and package.json\'s contributes', () => {
  test('agree both ways: every command, view, tool and authentication provider is in each', () => {
    assert.deepEqual(disagreements(contributionsOf(manifest())), { notInManifest: [], notInTable: [] });
  });

  test('a table id package.json lacks fails loudly, naming it', () => {
    const lacking = manifest();
    lacking.contributes.commands = lacking.contributes.commands.filter((c: { command: string }) => c.command !== 'intercom.showLog');
    lacking.contributes.languageModelTools = lacking.contributes.languageModelTools.filter((t: { name: string }) => t.name !== 'intercom_call_get');
    assert.throws(() => contributionsOf(lacking), { message: 'In the feature table but not in package.json: command intercom.showLog, tool intercom_call_get' });
  });

  test('a package.json id the table lacks is reported (the extension-host test asks for none)', () => {
    const more = manifest();
    more.contributes.views.intercom.push({ id: 'intercom.extraView' });
    assert.deepEqual(disagreements(contributionsOf(more)).notInTable, ['view intercom.extraView']);
  });
});
