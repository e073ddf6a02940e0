// Which Developer Hub scope each REST operation needs. Intercom publishes no machine-readable mapping,
// so every rule carries its evidence as the research notes (shared/reference/scope-mapping.md) give it:
// "documented" where Intercom's spec or docs name the scope, "inferred" where only the permission
// descriptions suggest it. Labels are written as the evidence names them; the catalog resolves them.

import type { HttpMethod } from '../api/call';

export type { HttpMethod };

export type Evidence = 'documented' | 'inferred';

export interface OperationRule {
  /** "METHOD /path[?name=value]", unique; `*` as the method matches any. */
  readonly id: string;
  readonly method: HttpMethod | '*';
  /** Pattern with `{name}` segments, e.g. /contacts/{id}/tags. */
  readonly path: string;
  /** Applies only when the request carries these query values (`*`: any value), on top of the rule without them. */
  readonly query?: Readonly<Record<string, string>>;
  /** Instead of the rule without the query: a lookup of one record on a list path (`GET /users?user_id=…`). */
  readonly lookup?: true;
  /** Any one of these labels suffices. Empty for `no-scope` and `unknown`. */
  readonly anyOf: readonly string[];
  /** `no-scope`: needs no permission (OAuth endpoints). `unknown`: Intercom documents none. */
  readonly evidence: Evidence | 'no-scope' | 'unknown';
  readonly note?: string;
  /** For a rule on any method: the one the endpoint takes, assumed where the code shows none (OAuth's POSTs). */
  readonly takes?: HttpMethod;
  /** An API 1.x endpoint: no 2.x version has it (the code analysis says so where a 2.x version is pinned). */
  readonly api1?: true;
}

export interface Operation {
  readonly method: HttpMethod;
  /** Normalized: ids and interpolations become `{id}`, no trailing slash. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string>>;
}

function rules(evidence: OperationRule['evidence'], anyOf: readonly string[], ops: readonly string[], note?: string): OperationRule[] {
  return ops.map((op) => {
    const [method, target] = op.split(' ') as [HttpMethod | '*', string];
    const [path, search] = target.split('?');
    const query = search ? Object.fromEntries(new URLSearchParams(search)) : undefined;
    return { id: op, method, path, ...(query && { query }), anyOf, evidence, ...(note && { note }) };
  });
}

const READ_LIST_USERS = ['Read and list users and companies'];
const READ_ONE_USER = ['Read one user and one company', 'Read and list users and companies'];
const WRITE_USERS = ['Write users and companies'];
const LEGACY = 'API 1.x endpoint, sent by older SDKs; inferred like its contacts equivalent.';
const api1 = (rule: OperationRule): OperationRule => ({ ...rule, api1: true });
const LOOKUP = 'A lookup of one record on a list path: a user (or lead) by user_id or email (API 1.x), a company by company_id or name; inferred like GET /contacts/{id}.';

export const OPERATION_RULES: readonly OperationRule[] = [
  // Admins
  ...rules('documented', ['Read admins', 'Read one admin'], ['GET /me'], 'The 2.5 docs name "Read admins"; omniauth-intercom uses "Read one admin".'),
  ...rules('inferred', ['Read admins'], ['GET /admins']),
  ...rules('inferred', ['Read one admin', 'Read admins'], ['GET /admins/{id}']),
  ...rules('inferred', ['Update admins'], ['PUT /admins/{id}/away']),
  ...rules('inferred', ['Read admin activity logs'], ['GET /admins/activity_logs', 'POST /admins/activity_logs/search', 'GET /admins/activity_log_event_types']),
  // Contacts, companies, segments
  ...rules('documented', READ_LIST_USERS, ['GET /companies/{id}/contacts']),
  ...rules('inferred', READ_LIST_USERS, [
    'GET /contacts', 'POST /contacts/search', 'GET /contacts/{id}/companies', 'GET /contacts/{id}/segments',
    'GET /contacts/{id}/tags', 'GET /contacts/{id}/subscriptions', 'GET /contacts/{id}/merge_history',
    'GET /companies', 'POST /companies/list', 'GET /companies/scroll', 'GET /companies/{id}/segments',
    'GET /segments', 'GET /segments/{id}',
  ]),
  ...rules('inferred', READ_ONE_USER, ['GET /contacts/{id}', 'GET /contacts/find_by_external_id/{id}', 'GET /companies/{id}']),
  ...rules('inferred', WRITE_USERS, [
    'POST /contacts', 'PUT /contacts/{id}', 'DELETE /contacts/{id}', 'POST /contacts/{id}/archive',
    'POST /contacts/{id}/unarchive', 'POST /contacts/{id}/block', 'POST /contacts/merge',
    'POST /companies', 'PUT /companies/{id}', 'DELETE /companies/{id}',
    'POST /contacts/{id}/companies', 'DELETE /contacts/{id}/companies/{id}', 'POST /visitors/convert', 'PUT /visitors',
  ]),
  ...rules('documented', ['Read and write users'], ['GET /contacts/{id}/banners', 'POST /contacts/{id}/banners/{id}/dismiss']),
  // Tags
  ...rules('inferred', ['Read tags'], ['GET /tags', 'GET /tags/{id}']),
  ...rules('inferred', ['Write tags'], [
    'POST /tags', 'DELETE /tags/{id}', 'POST /contacts/{id}/tags', 'DELETE /contacts/{id}/tags/{id}',
    'POST /conversations/{id}/tags', 'DELETE /conversations/{id}/tags/{id}', 'POST /tickets/{id}/tags', 'DELETE /tickets/{id}/tags/{id}',
  ]),
  // Conversations
  ...rules('inferred', ['Read conversations'], ['GET /conversations', 'GET /conversations/{id}', 'POST /conversations/search', 'GET /conversations/deleted']),
  ...rules('documented', ['Read conversations'], ['GET /conversations/{id}/handling_events', 'GET /conversations/{id}/side_conversations', 'GET /macros', 'GET /macros/{id}']),
  ...rules('inferred', ['Write conversations'], [
    'POST /conversations', 'POST /conversations/{id}/reply', 'POST /conversations/{id}/parts', 'PUT /conversations/{id}',
    'POST /conversations/{id}/customers', 'DELETE /conversations/{id}/customers/{id}', 'POST /conversations/redact',
    'POST /conversations/{id}/convert', 'POST /messages', 'DELETE /conversations/{id}',
  ]),
  ...rules('documented', ['Write conversations'], ['POST /conversations/{id}/merge'], 'Merging a ticket as the secondary also needs "Write tickets".'),
  ...rules('documented', ['Delete conversations and metrics'], ['DELETE /conversations/{id}?retain_metrics=false']),
  // Tickets
  ...rules('inferred', ['Read tickets'], ['GET /tickets/{id}', 'POST /tickets/search', 'GET /ticket_types', 'GET /ticket_types/{id}', 'GET /ticket_states']),
  ...rules('inferred', ['Write tickets'], [
    'POST /tickets', 'POST /tickets/enqueue', 'PUT /tickets/{id}', 'POST /tickets/{id}/reply', 'POST /tickets/{id}/change_type',
    'POST /ticket_types', 'PUT /ticket_types/{id}', 'POST /ticket_types/{id}/attributes', 'PUT /ticket_types/{id}/attributes/{id}',
  ]),
  ...rules('documented', ['Write tickets'], ['POST /tickets/{id}/linked_conversations', 'DELETE /tickets/{id}/linked_conversations/{id}']),
  // Events, data attributes, custom objects, jobs, counts, export
  ...rules('documented', ['Write events'], ['POST /events']),
  ...rules('inferred', ['Write events'], ['POST /events/summaries']),
  ...rules('inferred', ['Read events'], ['GET /events']),
  ...rules('inferred', ['Write data attributes'], ['POST /data_attributes', 'PUT /data_attributes/{id}']),
  ...rules('inferred', ['Read and write custom object instances'], ['* /custom_object_instances/{type}', '* /custom_object_instances/{type}/{id}']),
  ...rules('inferred', ['Read status of jobs'], ['GET /jobs/status/{id}']),
  ...rules('inferred', ['Read counts'], ['GET /counts']),
  ...rules('inferred', ['Export message data', 'Export content data'], ['POST /export/content/data', 'GET /export/content/data/{id}', 'GET /download/content/data/{id}']),
  // Articles and help center
  ...rules('inferred', ['Read and List articles'], [
    'GET /articles', 'GET /articles/{id}', 'GET /articles/search', 'GET /help_center/help_centers',
    'GET /help_center/help_centers/{id}', 'GET /help_center/collections', 'GET /help_center/collections/{id}',
  ]),
  ...rules('documented', ['Read and List articles'], ['GET /articles/{id}/draft', 'GET /articles/{id}/versions', 'GET /articles/{id}/versions/{id}']),
  ...rules('inferred', ['Read and Write Articles'], ['POST /articles', 'PUT /articles/{id}', 'DELETE /articles/{id}']),
  ...rules('documented', ['Read and Write Articles'], ['PUT /articles/{id}/draft', 'POST /articles/{id}/draft/publish', 'POST /articles/{id}/tags', 'DELETE /articles/{id}/tags/{id}']),
  // News
  ...rules('inferred', ['Read and List news items and newsfeeds'], [
    'GET /news/news_items', 'GET /news/news_items/{id}', 'GET /news/newsfeeds', 'GET /news/newsfeeds/{id}', 'GET /news/newsfeeds/{id}/items',
  ]),
  ...rules('inferred', ['Read and Write news items and newsfeeds'], ['POST /news/news_items', 'PUT /news/news_items/{id}', 'DELETE /news/news_items/{id}']),
  // AI content, phone, data connectors
  ...rules('inferred', ['Read and write AI content'], [
    '* /ai/content_import_sources', '* /ai/content_import_sources/{id}', '* /ai/external_pages', '* /ai/external_pages/{id}',
  ]),
  ...rules('inferred', ['Create phone call redirects'], ['POST /phone_call_redirects']),
  ...rules('inferred', ['Read data connectors'], [
    'GET /data_connectors', 'GET /data_connectors/{id}', 'GET /data_connectors/{id}/execution_results', 'GET /data_connectors/{id}/execution_results/{id}',
  ]),
  ...rules('inferred', ['Read and write data connectors'], ['POST /data_connectors', 'PATCH /data_connectors/{id}', 'DELETE /data_connectors/{id}']),
  // Writes the notes do not list, inferred like their siblings: attaching a subscription like attaching a company,
  // bulk contact/company jobs like single writes, searching companies like searching contacts, running assignment
  // rules like assigning through /parts, cancelling an export like starting one.
  ...rules('inferred', WRITE_USERS, [
    'POST /contacts/{id}/subscriptions', 'DELETE /contacts/{id}/subscriptions/{id}', 'POST /contacts/bulk', 'POST /contacts/bulk/delete',
    'POST /companies/bulk', 'POST /companies/bulk/delete',
  ]),
  ...rules('inferred', READ_LIST_USERS, ['POST /companies/search']),
  ...rules('inferred', ['Write conversations'], ['POST /conversations/{id}/run_assignment_rules', 'PUT /conversations/{id}/conversation_parts/{id}']),
  ...rules('inferred', ['Write tickets'], ['DELETE /tickets/{id}']),
  ...rules('inferred', ['Export message data', 'Export content data'], ['POST /export/cancel/{id}']),
  // API 1.x endpoints that the older SDKs (intercom-client v2, python-intercom 3, intercom-ruby 3, intercom-php 3–4,
  // intercom-go) still send: users and leads became contacts, and take the contacts' permissions.
  ...rules('inferred', READ_LIST_USERS, [
    'GET /users', 'GET /users/scroll', 'GET /leads', 'GET /contacts/scroll', 'GET /companies/{id}/users', 'POST /customers/search',
  ], LEGACY).map(api1),
  ...rules('inferred', READ_ONE_USER, ['GET /users/{id}', 'GET /leads/{id}'], LEGACY).map(api1),
  ...rules('inferred', READ_ONE_USER, ['GET /users?user_id=*', 'GET /users?email=*', 'GET /contacts?user_id=*', 'GET /companies?company_id=*', 'GET /companies?name=*'], LOOKUP)
    .map((rule): OperationRule => ({ ...rule, lookup: true })),
  ...rules('inferred', WRITE_USERS, [
    'POST /users', 'PUT /users/{id}', 'DELETE /users', 'DELETE /users/{id}', 'POST /leads', 'PUT /leads/{id}', 'DELETE /leads/{id}',
    'POST /contacts/convert', 'POST /user_delete_requests', 'POST /bulk/users',
  ], LEGACY).map(api1),
  ...rules('inferred', ['Write events'], ['POST /bulk/events'], LEGACY).map(api1),
  ...rules('inferred', ['Read status of jobs'], ['GET /jobs/{id}', 'GET /jobs/{id}/error'], LEGACY).map(api1),
  ...rules('inferred', ['Write conversations'], ['POST /conversations/{id}'], 'API 1.x: marks a conversation as read.').map(api1),
  // OAuth itself needs no scope, whatever the method; Intercom takes only POST there.
  ...rules('no-scope', [], ['* /auth/eagle/token', '* /auth/uninstall'], 'OAuth endpoint.').map((rule): OperationRule => ({ ...rule, takes: 'POST' })),
  // Real Intercom operations (in its OpenAPI descriptions 2.7–Preview, or sent by an official SDK) for which no
  // evidence names a Developer Hub scope. Reviewed: test/unit/scopes/coverage.test.ts fails on any operation left out.
  ...rules('unknown', [], [
    '* /teams', '* /teams/{id}', '* /teams/{id}/metrics', '* /away_status_reasons', '* /notes', '* /notes/{id}', '* /contacts/{id}/notes',
    '* /companies/{id}/notes', '* /subscription_types', '* /subscriptions', '* /subscriptions/{id}', '* /calls', '* /calls/{id}',
    '* /calls/{id}/recording', '* /calls/{id}/transcript', '* /calls/search', '* /brands', '* /brands/{id}', '* /emails', '* /emails/{id}',
    '* /audiences', '* /audiences/{id}', '* /fin/start', '* /fin/reply', '* /fin/csat', '* /fin/ask', '* /fin/capabilities',
    '* /fin/escalate', '* /fin/procedures/{id}/run', '* /procedures/{id}/collect_agent_input', '* /ip_allowlist',
    '* /office_hours_schedules', '* /office_hours_schedules/{id}', '* /office_hours_schedules/{id}/office_hours_exceptions',
    '* /office_hours_schedules/{id}/office_hours_exceptions/{id}',
    'GET /data_attributes', 'GET /visitors', 'POST /visitors', 'GET /visitors/{id}', 'DELETE /visitors/{id}',
    'GET /contacts/bulk/{id}', 'GET /companies/bulk/{id}', 'POST /contacts/merge/preview',
    'GET /help_center/sections', 'POST /help_center/sections', 'GET /help_center/sections/{id}', 'PUT /help_center/sections/{id}',
    'DELETE /help_center/sections/{id}', 'POST /help_center/collections', 'PUT /help_center/collections/{id}',
    'DELETE /help_center/collections/{id}', '* /help_center/help_centers/{id}/redirects', '* /help_center/help_centers/{id}/redirects/{id}',
    '* /internal_articles', '* /internal_articles/search', '* /internal_articles/{id}', '* /internal_articles/{id}/tags',
    '* /internal_articles/{id}/tags/{id}', '* /content/search', '* /content/bulk_actions', '* /content_snippets',
    '* /content_snippets/{id}', '* /content_snippets/{id}/tags', '* /content_snippets/{id}/tags/{id}',
    '* /conversations/attributes', '* /conversations/attributes/{id}', '* /conversations/attributes/{id}/options',
    '* /conversations/attributes/{id}/options/{id}', '* /folders', '* /folders/{id}', '* /secure_mode_secrets',
    '* /secure_mode_secrets/{id}', '* /ecommerce/connectors/{id}/catalog', '* /custom_channel_events/{id}',
    '* /export/reporting_data/enqueue', '* /export/reporting_data/get_datasets', '* /export/reporting_data/{id}',
    '* /download/reporting_data/{id}', '* /export/workflows/{id}', '* /fin_voice/register', '* /fin_voice/collect/{id}',
    '* /fin_voice/conversation/{id}', '* /fin_voice/external_id/{id}', '* /fin_voice/phone_number/{id}', '* /messages/status',
    '* /messages/whatsapp/status',
  ]),
];

/** A file a browser loads (the old Messenger's `/api/js/library.js`), not an API resource. */
export const STATIC_FILE = /\.(?:js|css|html?|png|svg|gif|jpe?g|ico|woff2?)$/i;

/** First path segments of Intercom's REST API: a relative path on an unproven client must start with one. */
export const API_ROOTS: ReadonlySet<string> = new Set([
  ...OPERATION_RULES.map((r) => r.path.split('/')[1]),
]);

const PLACEHOLDER = '{id}';
const isPattern = (segment: string): boolean => segment.startsWith('{');

interface CompiledRule { rule: OperationRule; segments: string[]; literals: number }

const BY_LENGTH = new Map<number, CompiledRule[]>();
for (const rule of OPERATION_RULES) {
  const segments = rule.path.split('/').slice(1);
  const list = BY_LENGTH.get(segments.length) ?? [];
  list.push({ rule, segments, literals: segments.filter((s) => !isPattern(s)).length });
  BY_LENGTH.set(segments.length, list);
}

/**
 * The rules for an operation: those of the most specific matching path (literal segments beat `{id}`),
 * the query-specific ones only when the query carries their values. Empty when nothing is mapped.
 * `strict`: a `{name}` segment only stands for an id the code interpolates or spells as one, never for
 * a word such as `search` (for a method the code does not show, where that match would be a guess).
 */
export function matchOperation(op: Operation, strict = false): readonly OperationRule[] {
  const key = `${strict} ${op.method} ${op.path} ${op.query ? JSON.stringify(op.query) : ''}`;
  let rules = MATCHED.get(key);
  if (!rules) {
    if (MATCHED.size >= MAX_MATCHED) MATCHED.clear();
    rules = Object.freeze(matchRules(op, strict));
    MATCHED.set(key, rules);
  }
  return rules;
}

/**
 * What matchOperation found for each operation lately: a file calls the same few operations again and again,
 * and the editor's analysis asks again after each edit. Frozen, since every caller gets the same array.
 */
const MATCHED = new Map<string, readonly OperationRule[]>();
/** Query keys that filter a listing: beside them a lookup's key looks up no single record. */
const LISTING_KEYS = new Set(['tag_id', 'segment_id']);
/** The query keys that tell one operation from another: a lookup's and a listing filter's. */
export const TELLING_QUERY_KEYS: ReadonlySet<string> = new Set([...LISTING_KEYS, ...OPERATION_RULES.flatMap((r) => Object.keys(r.query ?? {}))]);
const MAX_MATCHED = 5_000;

function matchRules(op: Operation, strict: boolean): OperationRule[] {
  const segments = op.path.split('/').slice(1);
  const fills = (segment: string): boolean => (strict ? segment === PLACEHOLDER : segment !== '');
  const candidates = (BY_LENGTH.get(segments.length) ?? []).filter(
    ({ rule, segments: pattern }) =>
      (rule.method === '*' || rule.method === op.method) &&
      pattern.every((p, i) => (isPattern(p) ? fills(segments[i]) : p === segments[i])),
  );
  const best = Math.max(-1, ...candidates.map((c) => c.literals));
  const filtersList = Object.keys(op.query ?? {}).some((k) => LISTING_KEYS.has(k));
  const matched = candidates
    .filter((c) => c.literals === best)
    .filter(({ rule }) => !rule.query || Object.entries(rule.query).every(([k, v]) => op.query?.[k] !== undefined && (v === '*' || op.query[k] === v)))
    .filter(({ rule }) => !(rule.lookup && filtersList))
    .map((c) => c.rule);
  return matched.some((r) => r.lookup) ? matched.filter((r) => r.query) : matched;
}

const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** What an operation needs, as a key: two rules with the same key ask for the same permissions. */
const needsKey = (rules: readonly OperationRule[]): string =>
  rules.map((r) => `${r.evidence}:${r.anyOf.join('|')}`).sort().join(' + ');

/** A URL whose method the code does not show, and what that leaves open. */
export interface Guess {
  /** The operation assumed when the path decides (or nothing is mapped); GET among candidates otherwise. */
  readonly operation: Operation;
  readonly rules: readonly OperationRule[];
  /**
   * The operations Intercom serves on that path when they need different permissions: the method decides, so the
   * call is for the developer to check. Empty when the path decides.
   */
  readonly candidates: readonly Operation[];
}

/**
 * A URL whose method the code does not show, matched strictly: the path decides when every method Intercom takes
 * on it needs the same permissions (GET, or the only method, is then assumed); otherwise each method is a candidate.
 */
export function guessOperation(target: Omit<Operation, 'method'>): Guess {
  const taken = METHODS.map((method) => ({ method, ...target })).map((operation) => ({ operation, rules: matchOperation(operation, true) }))
    .filter((t) => t.rules.length > 0);
  if (taken.length === 0) return { operation: { method: 'GET', ...target }, rules: [], candidates: [] };
  const decided = new Set(taken.map((t) => needsKey(t.rules))).size === 1;
  const takes = taken[0].rules.find((r) => r.takes)?.takes;
  const chosen = (decided && takes && taken.find((t) => t.operation.method === takes)) || taken[0];
  return { ...chosen, candidates: decided ? [] : taken.map((t) => t.operation) };
}

/** "GET /contacts/{id}?retain_metrics=false" → Operation; the form capabilities use. */
export function parseOperation(text: string): Operation {
  const [method, target] = text.split(' ') as [HttpMethod, string];
  const [path, search] = target.split('?');
  return { method, path, ...(search && { query: Object.fromEntries(new URLSearchParams(search)) }) };
}

export function operationText(op: Operation): string {
  const pairs = Object.entries(op.query ?? {}).map(([k, v]) => `${k}=${v}`);
  const query = pairs.length > 0 ? `?${pairs.join('&')}` : '';
  return `${op.method} ${op.path}${query}`;
}

/** Marks the scanner puts where code interpolates or concatenates a value into a URL. */
export const HOLE = '\u0001';

const INTERCOM_ORIGIN = /^(?:https?:)?(?:\/\/)?api(?:\.(?:eu|au))?\.intercom\.io(?::\d+)?/i;

/**
 * A URL or path as written in code (with HOLE for interpolated parts) → the normalized path and query.
 * Interpolations, numbers, long hex ids, `:id` and printf verbs become `{id}`.
 */
export function normalizePath(raw: string): { path: string; query: Record<string, string> } {
  const withoutOrigin = raw.replace(INTERCOM_ORIGIN, '');
  const cut = withoutOrigin.search(/[?#]/);
  const pathPart = cut < 0 ? withoutOrigin : withoutOrigin.slice(0, cut);
  const query: Record<string, string> = {};
  if (cut >= 0 && withoutOrigin[cut] === '?') {
    for (const pair of withoutOrigin.slice(cut + 1).split('#')[0].split('&')) {
      const [name, value = ''] = pair.split('=');
      if (name && !name.includes(HOLE)) query[name] = value.includes(HOLE) ? PLACEHOLDER : value;
    }
  }
  const segments = pathPart.split('/').filter((s) => s !== '').map(normalizeSegment);
  return { path: `/${segments.join('/')}`, query };
}

function normalizeSegment(segment: string): string {
  if (segment.includes(HOLE)) {
    const literal = segment.split(HOLE)[0];
    return /^[a-z_]+$/.test(literal) ? literal : PLACEHOLDER;
  }
  if (/^\d+$|^[0-9a-f]{16,}$|%|^:\w+$|^<\w+>$/i.test(segment)) return PLACEHOLDER;
  return segment;
}
