// Which schema of canvas.schema.json each flow's bodies follow, and the placements' names in messages. Shared
// by the generator (which makes those schemas) and the validator (which picks one per request or response).
import type { Capability, Flow, Placement } from '../flows';

/** The flows whose bodies are JSON: the open-sheet POST is a form, and its answer an HTML page. */
export type JsonFlow = Exclude<Flow, 'openSheet'>;

/** Names under `$defs`: the request Intercom sends, per capability, and the response it expects. */
export const FLOW_SCHEMAS: { readonly [F in JsonFlow]: { readonly request: { readonly [C in Capability]: string }; readonly response: string } } = {
  configure: { request: { messenger: 'configure_request', inbox: 'configure_request' }, response: 'configure_response' },
  initialize: { request: { messenger: 'initialize_request_messenger', inbox: 'initialize_request_inbox' }, response: 'initialize_response' },
  submit: { request: { messenger: 'submit_request_messenger', inbox: 'submit_request_inbox' }, response: 'submit_response' },
  liveCanvas: { request: { messenger: 'live_canvas_request', inbox: 'live_canvas_request' }, response: 'live_canvas_response' },
  submitSheet: { request: { messenger: 'submit_sheet_request', inbox: 'submit_sheet_request' }, response: 'submit_sheet_response' },
};

/** What a canvas fixture file holds: any response body an app returns (see canvas.schema.json's root). */
export const FIXTURE_SCHEMA = 'canvas_fixture';

/** Each placement in a message ("… works only in the Messenger, not in <name>"). */
export const PLACEMENT_NAMES: { readonly [P in Placement]: string } = {
  home: 'the Messenger Home screen',
  conversation: 'a Messenger conversation',
  message: 'an outbound Message',
  operator: 'a Workflow',
  conversationDetails: "the Inbox's conversation details",
};
