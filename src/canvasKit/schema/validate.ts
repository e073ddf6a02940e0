// Checks Canvas Kit bodies against canvas.schema.json: what an app returns (per flow and placement), what
// Intercom sends it, and the fixture files a developer writes by hand. Each problem carries a JSON pointer and
// a sentence saying what was expected, so the simulator can show Intercom's generic error card with the
// precise reason beside it.
import canvasSchema from './canvas.schema.json';
import { capabilityOf, type Flow, type Placement, type SchemaProblem } from '../flows';
import { FIXTURE_SCHEMA, FLOW_SCHEMAS, PLACEMENT_NAMES } from './flows';
import { SchemaInterpreter, type Schema, type Severity } from './interpreter';

export type { Severity } from './interpreter';
export { locate, type Location, type Span } from './locate';

/**
 * Canvas fixtures: response bodies written or saved as JSON under the folder's .intercom/canvas/, each as an
 * app returns it (`{"canvas": …}`, `{"results": …}` or `{"content": …}`). context.json there is the simulator's
 * request context, another shape: package.json's jsonValidation leaves it out with the same two patterns.
 */
export const CANVAS_FIXTURE_FILES = ['**/.intercom/canvas/**/*.json', '!**/.intercom/canvas/context.json'] as const;

/** Whether a path relative to the folder is a canvas fixture (see CANVAS_FIXTURE_FILES). */
export function isCanvasFixture(relativePath: string): boolean {
  const path = relativePath.replace(/\\/g, '/').replace(/^\.\//, '');
  return /^\.intercom\/canvas\/(?:[^/]+\/)*[^/]+\.json$/.test(path) && path !== '.intercom/canvas/context.json';
}

export interface ValidateOptions {
  /**
   * Treat as errors what the docs disagree on (dropdown rules, checkbox `options`, live canvases in the
   * Inbox) and what Intercom is not known to refuse (card_creation_options outside the Inbox). Default: warnings.
   */
  readonly strict?: boolean;
  /**
   * How a key Canvas Kit does not define counts. Default: an error, so a misspelt `styel` is caught. Whether
   * Intercom refuses such keys is undocumented; public apps running on Intercom carry some (a divider's
   * `margin_bottom`), so a simulator that renders as Intercom would can pass 'warning'.
   */
  readonly unknownKeys?: Severity;
}

export interface CanvasKitValidator {
  /**
   * The problems of what an app returned for `flow` at `placement` (what the engine's `validate` option takes).
   * None for the open-sheet flow: its answer is an HTML page.
   */
  validateResponse(flow: Flow, placement: Placement, body: unknown, options?: ValidateOptions): SchemaProblem[];
  /** The problems of a request body Intercom would send for `flow` at `placement` (none checked for open sheet, a form). */
  validateRequest(flow: Flow, placement: Placement, body: unknown, options?: ValidateOptions): SchemaProblem[];
  /** The problems of a fixture file: any response body, wherever it is shown. */
  validateFixture(body: unknown, options?: ValidateOptions): SchemaProblem[];
}

/** A validator over a Canvas Kit schema built by generate/build.ts (the tests use one built with a fix left out). */
export function canvasKitValidator(schema: Schema): CanvasKitValidator {
  const interpreter = new SchemaInterpreter(schema);
  const at = (placement: Placement | undefined, { strict, unknownKeys }: ValidateOptions = {}) =>
    ({ placement: placement && { capability: capabilityOf(placement), name: PLACEMENT_NAMES[placement] }, strict, unknownKeys });
  return {
    validateResponse: (flow, placement, body, options) =>
      (flow === 'openSheet' ? [] : interpreter.validate(FLOW_SCHEMAS[flow].response, body, at(placement, options))),
    validateRequest: (flow, placement, body, options) =>
      (flow === 'openSheet' ? [] : interpreter.validate(FLOW_SCHEMAS[flow].request[capabilityOf(placement)], body, at(placement, options))),
    validateFixture: (body, options) => interpreter.validate(FIXTURE_SCHEMA, body, at(undefined, options)),
  };
}

let shipped: CanvasKitValidator | undefined;
/** The validator over the committed canvas.schema.json. */
const validator = () => (shipped ??= canvasKitValidator(canvasSchema as Schema));

export function validateResponse(flow: Flow, placement: Placement, body: unknown, options?: ValidateOptions): SchemaProblem[] {
  return validator().validateResponse(flow, placement, body, options);
}

export function validateRequest(flow: Flow, placement: Placement, body: unknown, options?: ValidateOptions): SchemaProblem[] {
  return validator().validateRequest(flow, placement, body, options);
}

export function validateFixture(body: unknown, options?: ValidateOptions): SchemaProblem[] {
  return validator().validateFixture(body, options);
}
