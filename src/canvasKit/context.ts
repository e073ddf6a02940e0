// Who and where a simulated request comes from. Connected to a workspace, its id and region and the admin
// come from /me; the end-user, contact and conversation are always samples (the simulator reads nothing
// else from the workspace). The context file can override any of it.
import type { Me } from '../api/me';

export type JsonObject = { [key: string]: unknown };

export interface CanvasContext {
  workspaceId: string;
  /** Values are not enumerated by Intercom; /me gives `us`, `eu` or `au`. */
  workspaceRegion: string;
  /** The teammate (Inbox requests, configure). */
  admin: JsonObject;
  /** The end-user in the Messenger (submit, sheets). */
  user: JsonObject;
  /** The person the teammate is looking at (Inbox requests, live canvases). */
  contact: JsonObject;
  conversation: JsonObject;
  /** The Messenger's default language. */
  locale: string;
  messengerActionColour: string;
  messengerBackgroundColour: string;
  /** The page the Messenger is on. */
  referrer: string;
}

const CREATED_AT = 1_717_171_717;

export function sampleContext(): CanvasContext {
  return {
    workspaceId: 'sample01',
    workspaceRegion: 'us',
    admin: {
      type: 'admin', id: '991267', name: 'Minerva McGonagall', email: 'minerva@hogwarts.example', job_title: 'Head of Support',
      away_mode_enabled: false, away_mode_reassign: false, has_inbox_seat: true, team_ids: [], avatar: { image_url: null },
    },
    user: {
      type: 'user', id: '6657a8d2e1b3f40001a1b2c3', external_id: 'hg-1979', role: 'user', email: 'hermione@hogwarts.example',
      name: 'Hermione Granger', created_at: CREATED_AT, signed_up_at: CREATED_AT, custom_attributes: { plan: 'pro' },
    },
    contact: {
      type: 'contact', id: '6657a8d2e1b3f40001a1b2c3', external_id: 'hg-1979', role: 'user', email: 'hermione@hogwarts.example',
      name: 'Hermione Granger', phone: null, created_at: CREATED_AT, updated_at: CREATED_AT, custom_attributes: { plan: 'pro' },
    },
    conversation: {
      type: 'conversation', id: '2671', created_at: CREATED_AT, updated_at: CREATED_AT, state: 'open', open: true, read: true,
      title: 'Booking a meeting', admin_assignee_id: 991267, team_assignee_id: null,
      source: { type: 'conversation', delivered_as: 'customer_initiated', subject: '', body: '<p>Can we meet next week?</p>' },
      contacts: { type: 'contact.list', contacts: [{ type: 'contact', id: '6657a8d2e1b3f40001a1b2c3' }] },
    },
    locale: 'en',
    messengerActionColour: '#1f8ceb',
    messengerBackgroundColour: '#ffffff',
    referrer: 'http://localhost:3000/pricing',
  };
}

/** The connected workspace's id and region, and its admin as Intercom's Admin model. */
export function connectedContext(me: Me, base: CanvasContext = sampleContext()): CanvasContext {
  return {
    ...base,
    workspaceId: me.app?.id_code ?? base.workspaceId,
    workspaceRegion: me.app?.region ?? base.workspaceRegion,
    admin: {
      type: 'admin', id: me.id, name: me.name, email: me.email, job_title: me.job_title,
      away_mode_enabled: me.away_mode_enabled ?? false, away_mode_reassign: false, has_inbox_seat: me.has_inbox_seat ?? true,
      team_ids: [], avatar: { image_url: me.avatar_url },
    },
  };
}
