import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { capabilitiesForFindings } from '../../../src/scopes/capabilities';
import { scanFiles } from '../../../src/scopes/scanFiles';
import { fromWire, toWire } from '../../../src/scopes/worker/wire';

const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/scopes');

suite('scopes worker wire: findings cross the thread boundary', () => {
  test('a structured clone of a file\'s outcome keeps the capabilities its findings imply, through rule indexes', async () => {
    const files = ['js/intercom-app.ts', 'python/intercom_sync.py', 'ruby/intercom_worker.rb'];
    const result = await scanFiles(files, async (f) => fs.readFileSync(path.join(FIXTURES, f)));
    const ids = (r: typeof result) => capabilitiesForFindings(r.findings).map((c) => c.id);
    assert.ok(ids(result).length > 3, `the fixtures imply capabilities: ${ids(result)}`);
    // What a worker's postMessage does to a plain result: rules become copies, and imply nothing.
    assert.notDeepEqual(ids(structuredClone(result)), ids(result));
    const outcome = { findings: result.findings, unknownCalls: result.unknownCalls, talksToIntercom: true };
    const crossed = fromWire(structuredClone(toWire(outcome)));
    assert.deepEqual(capabilitiesForFindings(crossed.findings!).map((c) => c.id), ids(result));
    assert.deepEqual(crossed, outcome);
  });
});
