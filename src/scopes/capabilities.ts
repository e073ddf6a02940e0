// What an app does, in the developer's words, for the multi-select QuickPick: each capability names
// the REST operations and webhook topics it implies, so the plan can derive scopes from the choice.
// Scan findings preselect the capabilities they show.

import { inTestCode, type Finding } from './finding';
import { matchOperation, parseOperation, type OperationRule } from './operations';
import { TOPIC_RULES } from './topics';

export interface Capability {
  /** Stable, for remembering choices. */
  readonly id: string;
  /** QuickPick separator, in CAPABILITY_GROUPS order. */
  readonly group: string;
  readonly label: string;
  /** "METHOD /path[?name=value]" as in operations.ts. */
  readonly operations: readonly string[];
  readonly topics: readonly string[];
  /** Choosing it adds the scopes Canvas Kit forces. */
  readonly canvasKit?: boolean;
}

export const CAPABILITY_GROUPS: readonly string[] = [
  'Contacts', 'Companies', 'Conversations', 'Tickets', 'Tags', 'Events', 'Data attributes', 'Articles', 'News',
  'Admins', 'Data connectors', 'Custom objects', 'Jobs', 'Counts', 'Export', 'AI content', 'Phone', 'Webhook topics', 'Canvas Kit',
];

type Row = [id: string, label: string, operations: string[]];

function group(name: string, rows: readonly Row[]): Capability[] {
  return rows.map(([id, label, operations]) => ({ id, group: name, label, operations, topics: [] }));
}

const TOPIC_GROUP_LABELS: Readonly<Record<string, string>> = {
  admin: 'Admin topics', article: 'Article topics', call: 'Call topics', company: 'Company topics', contact: 'Contact topics',
  visitor: 'Visitor topics', subscription: 'Subscription topics', conversation: 'Conversation topics',
  'content stat': 'Content stat topics', 'content snippet': 'Content snippet topics', event: 'Event topics', job: 'Job topics',
  'API activity': 'API activity topics', ticket: 'Ticket topics', 'data connector': 'Data connector topics',
};

const webhookCapabilities: Capability[] = [...new Set(TOPIC_RULES.map((r) => r.group))].map((g) => ({
  id: `webhooks.${g.replace(/\s+/g, '-').toLowerCase()}`,
  group: 'Webhook topics',
  label: TOPIC_GROUP_LABELS[g] ?? `${g} topics`,
  operations: [],
  topics: TOPIC_RULES.filter((r) => r.group === g).map((r) => r.topic),
}));

export const CAPABILITIES: readonly Capability[] = [
  ...group('Contacts', [
    ['contacts.list', 'List and search contacts', ['GET /contacts', 'POST /contacts/search']],
    ['contacts.read', 'Look up one contact', ['GET /contacts/{id}', 'GET /contacts/find_by_external_id/{id}']],
    ['contacts.related', "Read a contact's companies, segments, tags and subscriptions", [
      'GET /contacts/{id}/companies', 'GET /contacts/{id}/segments', 'GET /contacts/{id}/tags', 'GET /contacts/{id}/subscriptions', 'GET /contacts/{id}/merge_history',
    ]],
    ['contacts.write', 'Create, update and delete contacts', ['POST /contacts', 'PUT /contacts/{id}', 'DELETE /contacts/{id}']],
    ['contacts.manage', 'Archive, unarchive, block and merge contacts', [
      'POST /contacts/{id}/archive', 'POST /contacts/{id}/unarchive', 'POST /contacts/{id}/block', 'POST /contacts/merge',
    ]],
    ['contacts.visitors', 'Update visitors and convert them to contacts', ['PUT /visitors', 'POST /visitors/convert']],
    ['contacts.banners', "Read and dismiss a contact's banners", ['GET /contacts/{id}/banners', 'POST /contacts/{id}/banners/{id}/dismiss']],
    ['contacts.segments', 'List segments', ['GET /segments', 'GET /segments/{id}']],
  ]),
  ...group('Companies', [
    ['companies.list', 'List companies and their contacts and segments', [
      'GET /companies', 'POST /companies/list', 'GET /companies/scroll', 'GET /companies/{id}/contacts', 'GET /companies/{id}/segments',
    ]],
    ['companies.read', 'Look up one company', ['GET /companies/{id}']],
    ['companies.write', 'Create, update and delete companies', ['POST /companies', 'PUT /companies/{id}', 'DELETE /companies/{id}']],
    ['companies.attach', 'Attach contacts to companies and detach them', ['POST /contacts/{id}/companies', 'DELETE /contacts/{id}/companies/{id}']],
  ]),
  ...group('Conversations', [
    ['conversations.list', 'List and search conversations', ['GET /conversations', 'POST /conversations/search', 'GET /conversations/deleted']],
    ['conversations.read', 'Read a conversation and its handling events', [
      'GET /conversations/{id}', 'GET /conversations/{id}/handling_events', 'GET /conversations/{id}/side_conversations',
    ]],
    ['conversations.create', 'Start conversations and send messages', ['POST /conversations', 'POST /messages']],
    ['conversations.reply', 'Reply to conversations and add notes', ['POST /conversations/{id}/reply']],
    ['conversations.manage', 'Assign, close, snooze and open conversations', ['POST /conversations/{id}/parts']],
    ['conversations.update', 'Update conversations and their participants', [
      'PUT /conversations/{id}', 'POST /conversations/{id}/customers', 'DELETE /conversations/{id}/customers/{id}',
    ]],
    ['conversations.redact', 'Redact conversation parts', ['POST /conversations/redact']],
    ['conversations.convert', 'Convert conversations to tickets', ['POST /conversations/{id}/convert']],
    ['conversations.merge', 'Merge conversations', ['POST /conversations/{id}/merge']],
    ['conversations.delete', 'Delete conversations, keeping their metrics', ['DELETE /conversations/{id}']],
    ['conversations.delete-metrics', 'Delete conversations and their metrics', ['DELETE /conversations/{id}?retain_metrics=false']],
    ['conversations.macros', 'Read macros', ['GET /macros', 'GET /macros/{id}']],
  ]),
  ...group('Tickets', [
    ['tickets.read', 'Read and search tickets', ['GET /tickets/{id}', 'POST /tickets/search']],
    ['tickets.types', 'List ticket types and states', ['GET /ticket_types', 'GET /ticket_types/{id}', 'GET /ticket_states']],
    ['tickets.create', 'Create tickets', ['POST /tickets', 'POST /tickets/enqueue']],
    ['tickets.update', 'Update and reply to tickets', ['PUT /tickets/{id}', 'POST /tickets/{id}/reply', 'POST /tickets/{id}/change_type']],
    ['tickets.link', 'Link conversations to tickets', ['POST /tickets/{id}/linked_conversations', 'DELETE /tickets/{id}/linked_conversations/{id}']],
    ['tickets.types-write', 'Create and update ticket types', [
      'POST /ticket_types', 'PUT /ticket_types/{id}', 'POST /ticket_types/{id}/attributes', 'PUT /ticket_types/{id}/attributes/{id}',
    ]],
  ]),
  ...group('Tags', [
    ['tags.list', 'List tags', ['GET /tags', 'GET /tags/{id}']],
    ['tags.write', 'Create and delete tags', ['POST /tags', 'DELETE /tags/{id}']],
    ['tags.apply', 'Tag and untag contacts, conversations and tickets', [
      'POST /contacts/{id}/tags', 'DELETE /contacts/{id}/tags/{id}', 'POST /conversations/{id}/tags',
      'DELETE /conversations/{id}/tags/{id}', 'POST /tickets/{id}/tags', 'DELETE /tickets/{id}/tags/{id}',
    ]],
  ]),
  ...group('Events', [
    ['events.submit', 'Submit events', ['POST /events', 'POST /events/summaries']],
    ['events.list', "List a user's events", ['GET /events']],
  ]),
  ...group('Data attributes', [['data-attributes.write', 'Create and update data attributes', ['POST /data_attributes', 'PUT /data_attributes/{id}']]]),
  ...group('Articles', [
    ['articles.read', 'List, search and read articles and help centers', [
      'GET /articles', 'GET /articles/{id}', 'GET /articles/search', 'GET /help_center/help_centers', 'GET /help_center/collections',
    ]],
    ['articles.drafts', 'Read article drafts and versions', ['GET /articles/{id}/draft', 'GET /articles/{id}/versions']],
    ['articles.write', 'Create, update and delete articles', ['POST /articles', 'PUT /articles/{id}', 'DELETE /articles/{id}']],
    ['articles.publish', 'Edit drafts, publish and tag articles', [
      'PUT /articles/{id}/draft', 'POST /articles/{id}/draft/publish', 'POST /articles/{id}/tags', 'DELETE /articles/{id}/tags/{id}',
    ]],
  ]),
  ...group('News', [
    ['news.read', 'List and read news items and newsfeeds', ['GET /news/news_items', 'GET /news/news_items/{id}', 'GET /news/newsfeeds', 'GET /news/newsfeeds/{id}/items']],
    ['news.write', 'Create, update and delete news items', ['POST /news/news_items', 'PUT /news/news_items/{id}', 'DELETE /news/news_items/{id}']],
  ]),
  ...group('Admins', [
    ['admins.me', 'Identify the admin and workspace behind the token (GET /me)', ['GET /me']],
    ['admins.list', 'List admins', ['GET /admins']],
    ['admins.read', 'Look up one admin', ['GET /admins/{id}']],
    ['admins.away', "Set admins' away mode", ['PUT /admins/{id}/away']],
    ['admins.activity', 'Read admin activity logs', ['GET /admins/activity_logs', 'POST /admins/activity_logs/search', 'GET /admins/activity_log_event_types']],
  ]),
  ...group('Data connectors', [
    ['data-connectors.read', 'List data connectors and their execution results', ['GET /data_connectors', 'GET /data_connectors/{id}', 'GET /data_connectors/{id}/execution_results']],
    ['data-connectors.write', 'Create, update and delete data connectors', ['POST /data_connectors', 'PATCH /data_connectors/{id}', 'DELETE /data_connectors/{id}']],
  ]),
  ...group('Custom objects', [
    ['custom-objects', 'Read and write custom object instances', [
      'GET /custom_object_instances/{type}', 'POST /custom_object_instances/{type}', 'GET /custom_object_instances/{type}/{id}', 'DELETE /custom_object_instances/{type}/{id}',
    ]],
  ]),
  ...group('Jobs', [['jobs.status', 'Check the status of a job', ['GET /jobs/status/{id}']]]),
  ...group('Counts', [['counts', 'Count users, companies and conversations', ['GET /counts']]]),
  ...group('Export', [['export.content', 'Export message engagement data', ['POST /export/content/data', 'GET /export/content/data/{id}', 'GET /download/content/data/{id}']]]),
  ...group('AI content', [['ai-content', 'Manage AI content import sources and external pages', [
    'GET /ai/content_import_sources', 'POST /ai/content_import_sources', 'PUT /ai/content_import_sources/{id}',
    'GET /ai/external_pages', 'POST /ai/external_pages', 'PUT /ai/external_pages/{id}',
  ]]]),
  ...group('Phone', [['phone.redirects', 'Create phone call redirects', ['POST /phone_call_redirects']]]),
  ...webhookCapabilities,
  { id: 'canvas-kit', group: 'Canvas Kit', label: 'Uses Canvas Kit', operations: [], topics: [], canvasKit: true },
];

const BY_ID = new Map(CAPABILITIES.map((c) => [c.id, c]));

export function capabilityById(id: string): Capability | undefined {
  return BY_ID.get(id);
}

/** Each capability operation's rules, computed once. */
const OPERATION_RULES_OF = new Map<Capability, (readonly OperationRule[])[]>(
  CAPABILITIES.map((c) => [c, c.operations.map((op) => matchOperation(parseOperation(op)))]),
);

/** Capabilities that include what a finding shows: its topic, or an operation whose rules it all matched. */
export function capabilitiesForFinding(finding: Finding): Capability[] {
  if (finding.kind === 'webhook') return CAPABILITIES.filter((c) => c.topics.includes(finding.topic));
  const found = new Set(finding.rules);
  return CAPABILITIES.filter((c) =>
    OPERATION_RULES_OF.get(c)!.some((rules) => rules.length > 0 && rules.every((r) => found.has(r))),
  );
}

/** Capabilities to preselect for these findings, in CAPABILITIES order; test code preselects nothing. */
export function capabilitiesForFindings(findings: readonly Finding[]): Capability[] {
  const implied = new Set(findings.filter((f) => !inTestCode(f)).flatMap(capabilitiesForFinding));
  return CAPABILITIES.filter((c) => implied.has(c));
}
