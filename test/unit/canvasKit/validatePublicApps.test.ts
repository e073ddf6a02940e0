// Canvases real Canvas Kit apps return (test/fixtures/canvasKit/public-apps.json), judged as recorded there:
// every error is a reviewed true or false flag, and the table the report quotes is computed here.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Flow, Placement } from '../../../src/canvasKit/flows';
import { validateResponse, type ValidateOptions } from '../../../src/canvasKit/schema/validate';

interface Canvas {
  readonly name: string;
  readonly flow: Flow;
  readonly placement?: Placement;
  readonly errors?: string[];
  readonly warnings?: string[];
  readonly verdict?: string;
  readonly body: unknown;
}
interface App {
  readonly app: string;
  readonly placement: Placement;
  readonly canvases: Canvas[];
}

const { apps } = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../test/fixtures/canvasKit/public-apps.json'), 'utf8')) as { apps: App[] };
const judge = (app: App, c: Canvas, options?: ValidateOptions) => validateResponse(c.flow, c.placement ?? app.placement, c.body, options);
const pointers = (problems: { pointer: string; severity: string }[], severity: string) => problems.filter((p) => p.severity === severity).map((p) => p.pointer);

suite('canvas kit validator: canvases of public apps', () => {
  for (const app of apps) {
    test(`${app.app}: each canvas is judged as recorded`, () => {
      for (const c of app.canvases) {
        const problems = judge(app, c);
        assert.deepEqual(pointers(problems, 'error'), c.errors ?? [], c.name);
        assert.deepEqual(pointers(problems, 'warning'), c.warnings ?? [], c.name);
        if (c.errors) assert.match(c.verdict ?? '', /^(true|false) flag/, `${c.name}: say whether Intercom accepts it`);
      }
    });
  }

  test('the table: canvases tried, valid, flagged and false flags per app', () => {
    const rows = apps.map((app) => {
      const flagged = app.canvases.filter((c) => judge(app, c).some((p) => p.severity === 'error'));
      return {
        app: app.app,
        tried: app.canvases.length,
        valid: app.canvases.length - flagged.length,
        flagged: flagged.length,
        falseFlags: flagged.filter((c) => c.verdict?.startsWith('false')).length,
        withWarnings: app.canvases.filter((c) => judge(app, c).some((p) => p.severity === 'warning')).length,
      };
    });
    console.log(['| app | canvases tried | valid | flagged | false flags | with warnings |', '|---|---|---|---|---|---|',
      ...rows.map((r) => `| ${r.app} | ${r.tried} | ${r.valid} | ${r.flagged} | ${r.falseFlags} | ${r.withWarnings} |`)].join('\n'));
    const total = (k: 'tried' | 'flagged' | 'falseFlags') => rows.reduce((n, r) => n + r[k], 0);
    assert.deepEqual([total('tried'), total('flagged'), total('falseFlags')], [38, 6, 5]);
  });

  test("with unknown keys as warnings, only the canvas Intercom refused is flagged", () => {
    const flagged = apps.flatMap((app) => app.canvases.filter((c) => judge(app, c, { unknownKeys: 'warning' }).some((p) => p.severity === 'error')).map((c) => c.name));
    assert.deepEqual(flagged, ["getCompleteCanvas at 238b974, before the commit 'Replace unsupported dropdown components with input fields'"]);
  });
});
