// The words of Canvas Kit: the flows Intercom sends, the placements an app can be inserted in, and which
// capability (Messenger or Inbox) each placement belongs to. Everything else in src/canvasKit speaks these.

/** The requests Intercom makes to a Canvas Kit app. */
export type Flow = 'configure' | 'initialize' | 'submit' | 'liveCanvas' | 'openSheet' | 'submitSheet';

/** Messenger: users, leads and visitors. Inbox: teammates. */
export type Capability = 'messenger' | 'inbox';

export type Placement = 'home' | 'conversation' | 'message' | 'operator' | 'conversationDetails';

export interface PlacementInfo {
  readonly id: Placement;
  readonly capability: Capability;
  /** `context.location` in Messenger requests; the Inbox sends no context. */
  readonly location?: 'home' | 'conversation' | 'message' | 'operator';
}

export const PLACEMENTS: Readonly<Record<Placement, PlacementInfo>> = {
  home: { id: 'home', capability: 'messenger', location: 'home' },
  conversation: { id: 'conversation', capability: 'messenger', location: 'conversation' },
  message: { id: 'message', capability: 'messenger', location: 'message' },
  // "Workflows" were "Operator flows": the reference infers `operator` from the old name.
  operator: { id: 'operator', capability: 'messenger', location: 'operator' },
  conversationDetails: { id: 'conversationDetails', capability: 'inbox' },
};

export const capabilityOf = (placement: Placement): Capability => PLACEMENTS[placement].capability;

/** Configure, live canvases and sheets exist in the Messenger only. */
export function flowAllowedIn(flow: Flow, placement: Placement): boolean {
  return capabilityOf(placement) === 'messenger' || flow === 'initialize' || flow === 'submit';
}

/** One thing a validator found wrong (or doubtful) in an app's reply. */
export interface SchemaProblem {
  /** JSON pointer into the reply, e.g. `/canvas/content/components/2/style`. */
  pointer: string;
  message: string;
  severity: 'error' | 'warning';
}

/**
 * Checks an app's reply as Intercom would for this flow and placement. The schema's validator implements
 * it; the simulator only calls it, so it renders what passes and shows the reasons for what does not.
 */
export type ValidateResponse = (flow: Flow, placement: Placement, json: unknown) => SchemaProblem[];
