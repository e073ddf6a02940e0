// The names the panel shows for flows and placements, as the Developer Hub and the reference write them.
import type { Flow, Placement } from '../flows';

export const FLOW_NAMES: Readonly<Record<Flow, string>> = {
  configure: 'Configure',
  initialize: 'Initialize',
  submit: 'Submit',
  liveCanvas: 'Live canvas',
  openSheet: 'Open sheet',
  submitSheet: 'Submit sheet',
};

export const PLACEMENT_LABELS: Readonly<Record<Placement, string>> = {
  home: 'Messenger Home',
  conversation: 'Conversation',
  message: 'Message',
  operator: 'Workflow',
  conversationDetails: 'Inbox conversation details',
};
