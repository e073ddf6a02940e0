// Checking the checklist against a connected workspace: one read-only GET per read scope that can be
// tested without knowing any id, and how to read the answer. A 200 means the token has the scope; a 403
// saying "You do not have the required scope (…)" means it lacks it. Writes are never sent, so write
// scopes (and reads that need an id) are listed as not checkable, with the reason.

import { parseErrorEnvelope, requiredScopeOf } from '../api/errors';
import { scope, SCOPES, type Scope } from './catalog';

export interface ScopeProbe {
  readonly scope: Scope;
  readonly method: 'GET';
  /** Path and query, relative to the region's API base URL. */
  readonly path: string;
}

export interface UncheckableScope {
  readonly scope: Scope;
  readonly reason: string;
}

const DAY_SECONDS = 24 * 60 * 60;

/** The probes, in Developer Hub order. `nowMs` sets the activity-log window (the last day). */
export function scopeProbes(nowMs: number): ScopeProbe[] {
  const dayAgo = Math.floor(nowMs / 1000) - DAY_SECONDS;
  const probes: [string, string][] = [
    ['Read and list users and companies', '/contacts?per_page=1'],
    ['Read tags', '/tags'],
    ['Read conversations', '/conversations?per_page=1'],
    ['Read counts', '/counts'],
    ['Read tickets', '/ticket_types'],
    ['Read admins', '/admins'],
    ['Read admin activity logs', `/admins/activity_logs?created_at_after=${dayAgo}`],
    ['Read and List news items and newsfeeds', '/news/news_items'],
    ['Read and List articles', '/articles?per_page=1'],
    ['Read data connectors', '/data_connectors'],
  ];
  return probes.map(([label, path]) => ({ scope: scope(label), method: 'GET' as const, path })).sort((a, b) => a.scope.order - b.scope.order);
}

const WRITE = 'Only a write request can show it, and the check never writes.';
const REASONS: Readonly<Record<string, string>> = {
  'Read and write users': "Its only read endpoint needs a contact's id, and its write half can only be shown by writing.",
  'Write users and companies': WRITE,
  'Read one user and one company': 'Needs the id of a user or company; "Read and list users and companies" would also pass the same request.',
  'Write tags': WRITE,
  'Write conversations': WRITE,
  'Delete conversations and metrics': WRITE,
  'Read events': "Listing events needs a user's id.",
  'Write events': WRITE,
  'Write data attributes': WRITE,
  'Export message data': 'An export starts a job (a POST), and the check never writes.',
  'Export content data': 'An export starts a job (a POST), and the check never writes.',
  'Read content data': 'It grants content stat webhooks, not a REST endpoint.',
  'Write tickets': WRITE,
  'Read and write custom object instances': 'Reading needs a custom object type and an id, and writing is never tried.',
  'Read status of jobs': 'Needs the id of a job.',
  'Read one admin': 'Needs an admin id; "Read admins" would also pass the same request.',
  'Update admins': WRITE,
  'Read data when entered into the app': 'Canvas Kit sends that data to the app; there is no endpoint to call.',
  'Read and Write news items and newsfeeds': WRITE,
  'Read and Write Articles': WRITE,
  'Create phone call redirects': WRITE,
  'Read and write AI content': WRITE,
  'Read and write data connectors': WRITE,
};

/** Every scope the probes cannot check, in Developer Hub order, with why. */
export const UNCHECKABLE_SCOPES: readonly UncheckableScope[] = SCOPES.filter((s) => REASONS[s.label]).map((s) => ({
  scope: s,
  reason: REASONS[s.label],
}));

export type ProbeStatus = 'granted' | 'missing' | 'unknown';

export interface ProbeResult {
  readonly status: ProbeStatus;
  /** Why, in words for the developer. */
  readonly reason: string;
  /** The internal scope name Intercom's 403 message gives, e.g. "read_conversations". */
  readonly requiredScope?: string;
}

/** Reads one probe's answer: its HTTP status and parsed JSON body (anything when not JSON). */
export function classifyProbe(status: number, body: unknown): ProbeResult {
  if (status === 200) return { status: 'granted', reason: 'Intercom answered 200.' };
  const envelope = parseErrorEnvelope(body);
  const said = envelope?.message ? `: ${envelope.message}` : '';
  if (status === 403) {
    const required = requiredScopeOf(envelope?.message);
    if (required) return { status: 'missing', reason: `Intercom answered 403${said}`, requiredScope: required };
    return { status: 'unknown', reason: `Intercom answered 403 without naming a missing scope${said}` };
  }
  if (status === 401) return { status: 'unknown', reason: `The token was rejected (401)${said}` };
  if (status === 429) return { status: 'unknown', reason: 'Rate limited (429); try again later.' };
  if (status === 404) return { status: 'unknown', reason: `The endpoint is not available for this workspace or API version (404)${said}` };
  return { status: 'unknown', reason: `Intercom answered ${status}${said}` };
}
