// The bodies Intercom sends, per flow and placement, as the reference's field table lists them. Messenger
// requests carry `context` and no teammate (except configure, done by one); Inbox requests carry the
// admin, the conversation and the contact, and no context.
import type { CanvasObject, InputValues } from './canvas';
import type { CanvasContext, JsonObject } from './context';
import { capabilityOf, flowAllowedIn, PLACEMENTS, type Flow, type Placement } from './flows';
import { encryptSheetUser } from './sheetUser';

/** A request ready to sign and send: `body` is the exact text that goes out. */
export interface CanvasKitRequest {
  flow: Flow;
  placement: Placement;
  url: string;
  body: string;
  contentType: 'application/json' | 'application/x-www-form-urlencoded';
  /** Every flow is signed but the open-sheet POST, which encrypts its user instead. */
  signed: boolean;
}

/** What a click on a component sends: the canvas on screen, what was clicked and every value. */
export interface Interaction {
  currentCanvas: CanvasObject;
  componentId: string;
  inputValues: InputValues;
}

/** The Messenger's `context` object. */
export function messengerContext(context: CanvasContext, placement: Placement): JsonObject {
  const location = PLACEMENTS[placement].location;
  const conversationId = Number(context.conversation.id);
  return {
    ...(location === 'conversation' && Number.isSafeInteger(conversationId) ? { conversation_id: conversationId } : {}),
    location,
    locale: context.locale,
    messenger_action_colour: context.messengerActionColour,
    messenger_background_colour: context.messengerBackgroundColour,
    referrer: context.referrer,
  };
}

function assertAllowed(flow: Flow, placement: Placement): void {
  if (!flowAllowedIn(flow, placement)) throw new Error(`The ${flow} flow exists in the Messenger only, not in the Inbox's conversation details.`);
}

const workspace = (context: CanvasContext) => ({ workspace_id: context.workspaceId, workspace_region: context.workspaceRegion });

const inbox = (context: CanvasContext) => ({ admin: context.admin, conversation: context.conversation, contact: context.contact });

const interactionFields = (i: Interaction) => ({ component_id: i.componentId, current_canvas: i.currentCanvas, input_values: i.inputValues });

/** Configure: first (no interaction) or follow-up (a submit action in the configure canvas). */
export function configureBody(context: CanvasContext, placement: Placement, followUp?: Interaction): JsonObject {
  assertAllowed('configure', placement);
  return { ...workspace(context), admin: context.admin, ...(followUp ? interactionFields(followUp) : {}), context: messengerContext(context, placement) };
}

export function initializeBody(context: CanvasContext, placement: Placement, cardCreationOptions: JsonObject = {}): JsonObject {
  if (capabilityOf(placement) === 'inbox') return { ...workspace(context), ...inbox(context) };
  return { ...workspace(context), card_creation_options: cardCreationOptions, context: messengerContext(context, placement) };
}

export function submitBody(context: CanvasContext, placement: Placement, interaction: Interaction): JsonObject {
  if (capabilityOf(placement) === 'inbox') return { ...workspace(context), ...inbox(context), ...interactionFields(interaction) };
  return { ...workspace(context), user: context.user, ...interactionFields(interaction), context: messengerContext(context, placement) };
}

/** The POST to a canvas's `content_url`, on each view; the canvas goes as `canvas`, not `current_canvas`. */
export function liveCanvasBody(context: CanvasContext, placement: Placement, canvas: CanvasObject): JsonObject {
  assertAllowed('liveCanvas', placement);
  return { ...workspace(context), contact: context.contact, canvas, context: messengerContext(context, placement) };
}

/** The open-sheet form: one field, `intercom_data`, the JSON text with `user` encrypted. */
export function openSheetForm(context: CanvasContext, placement: Placement, interaction: Interaction, clientSecret: string): string {
  assertAllowed('openSheet', placement);
  const data = { ...workspace(context), ...interactionFields(interaction), user: encryptSheetUser(context.user, clientSecret), context: messengerContext(context, placement) };
  return new URLSearchParams({ intercom_data: JSON.stringify(data) }).toString();
}

export function submitSheetBody(context: CanvasContext, placement: Placement, currentCanvas: CanvasObject, sheetValues: JsonObject): JsonObject {
  assertAllowed('submitSheet', placement);
  return { ...workspace(context), user: context.user, current_canvas: currentCanvas, sheet_values: sheetValues, context: messengerContext(context, placement) };
}

export function jsonRequest(flow: Flow, placement: Placement, url: string, body: JsonObject): CanvasKitRequest {
  return { flow, placement, url, body: JSON.stringify(body), contentType: 'application/json', signed: true };
}

export function sheetRequest(placement: Placement, url: string, form: string): CanvasKitRequest {
  return { flow: 'openSheet', placement, url, body: form, contentType: 'application/x-www-form-urlencoded', signed: false };
}
