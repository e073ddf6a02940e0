import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { CANVAS_FIXTURE_FILES, isCanvasFixture } from '../../../src/canvasKit/schema/validate';

const ROOT = path.resolve(__dirname, '../../../..');

suite('canvas kit validator: fixture files', () => {
  test('a fixture is any JSON under .intercom/canvas/ but the context file', () => {
    for (const p of ['.intercom/canvas/booking.json', '.intercom/canvas/flows/submit/ok.json', './.intercom/canvas/a.json', '.intercom\\canvas\\win.json']) assert.ok(isCanvasFixture(p), p);
    for (const p of ['.intercom/canvas/context.json', '.intercom/canvas/notes.md', '.intercom/other/a.json', 'src/.intercom/canvas/a.json', '.intercom/canvas.json']) assert.ok(!isCanvasFixture(p), p);
  });

  test("package.json gives the fixtures the shipped schema with the same patterns, and the VSIX carries it", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { jsonValidation: { fileMatch: string[]; url: string }[] } };
    const [contribution] = pkg.contributes.jsonValidation;
    assert.deepEqual(contribution.fileMatch, [...CANVAS_FIXTURE_FILES]);
    assert.equal(contribution.url, './src/canvasKit/schema/canvas.schema.json');
    assert.ok(fs.existsSync(path.join(ROOT, contribution.url)));
    const shipped = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n');
    assert.ok(shipped.includes(`!${contribution.url.slice(2)}`) && shipped.includes('!src/canvasKit/schema/canvas.schema.NOTICE'), '.vscodeignore lets the schema and its notice in');
  });
});
