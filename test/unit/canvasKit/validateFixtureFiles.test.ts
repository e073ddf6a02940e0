import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { CANVAS_FIXTURE_FILES, isCanvasFixture } from '../../../src/canvasKit/schema/validate';

const ROOT = path.resolve(__dirname, '../../../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

suite('canvas kit validator: fixture files', () => {
  test('a fixture is any JSON under .intercom/canvas/ but the context file', () => {
    for (const p of ['.intercom/canvas/booking.json', '.intercom/canvas/flows/submit/ok.json', './.intercom/canvas/a.json', '.intercom\\canvas\\win.json']) assert.ok(isCanvasFixture(p), p);
    for (const p of ['.intercom/canvas/context.json', '.intercom/canvas/notes.md', '.intercom/other/a.json', 'src/.intercom/canvas/a.json', '.intercom/canvas.json']) assert.ok(!isCanvasFixture(p), p);
  });

  test('package.json gives the fixtures, by the same patterns, the schema the build copies into dist/, which the VSIX carries with its notice', () => {
    const pkg = JSON.parse(read('package.json')) as { contributes: { jsonValidation: { fileMatch: string[]; url: string }[] } };
    const [contribution] = pkg.contributes.jsonValidation;
    assert.deepEqual(contribution.fileMatch, [...CANVAS_FIXTURE_FILES]);
    assert.equal(contribution.url, './dist/canvas.schema.json');
    assert.deepEqual(JSON.parse(read(contribution.url)), JSON.parse(read('src/canvasKit/schema/canvas.schema.json')), 'the build copies the committed schema');
    assert.ok(read('.vscodeignore').split('\n').includes('!dist/canvas.schema.json'), '.vscodeignore lets it in');
    assert.ok(read('ThirdPartyNotices.txt').includes(read('src/canvasKit/schema/canvas.schema.NOTICE').trim()), 'its MIT notice');
  });
});
