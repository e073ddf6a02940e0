// Where a Canvas Kit app shows up, and which schema of canvas.schema.json each flow's bodies follow. Shared by
// the generator (which makes those schemas) and the validator (which picks one per request or response).

/** The Messenger serves users, leads and visitors; the Inbox serves teammates. */
export type Capability = 'messenger' | 'inbox';

/** The five places an app can be inserted (Canvas Kit guide, "Placements"). */
export type Placement = 'home' | 'conversation' | 'message' | 'workflow' | 'conversationDetails';

export const PLACEMENTS: { readonly [P in Placement]: { readonly capability: Capability; readonly name: string } } = {
  home: { capability: 'messenger', name: 'the Messenger Home screen' },
  conversation: { capability: 'messenger', name: 'a Messenger conversation' },
  message: { capability: 'messenger', name: 'an outbound Message' },
  workflow: { capability: 'messenger', name: 'a Workflow' },
  conversationDetails: { capability: 'inbox', name: "the Inbox's conversation details" },
};

export type Flow = 'configure' | 'initialize' | 'submit' | 'liveCanvas' | 'submitSheet';

/** Names under `$defs`: the request Intercom sends, per capability, and the response it expects. */
export const FLOW_SCHEMAS: { readonly [F in Flow]: { readonly request: { readonly [C in Capability]: string }; readonly response: string } } = {
  configure: { request: { messenger: 'configure_request', inbox: 'configure_request' }, response: 'configure_response' },
  initialize: { request: { messenger: 'initialize_request_messenger', inbox: 'initialize_request_inbox' }, response: 'initialize_response' },
  submit: { request: { messenger: 'submit_request_messenger', inbox: 'submit_request_inbox' }, response: 'submit_response' },
  liveCanvas: { request: { messenger: 'live_canvas_request', inbox: 'live_canvas_request' }, response: 'live_canvas_response' },
  submitSheet: { request: { messenger: 'submit_sheet_request', inbox: 'submit_sheet_request' }, response: 'submit_sheet_response' },
};

/** What a canvas fixture file holds: any response body an app returns (see canvas.schema.json's root). */
export const FIXTURE_SCHEMA = 'canvas_fixture';
