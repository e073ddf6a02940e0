// Intercom SDK calls → the REST operation they send. Covers the official SDKs' resource/method names
// across languages (intercom-client for Node, python-intercom, intercom-ruby, intercom-php, intercom-go,
// old and current generations): names are compared lower-cased without underscores, so
// `listAttachedCompanies`, `list_attached_companies` and `ListAttachedCompanies` are one method.

import type { Operation } from './operations';
import { parseOperation } from './operations';

interface SdkResource {
  /** Collection path the generic verbs apply to. */
  readonly base: string;
  /** Methods specific to this resource: normalized name → "METHOD /path". */
  readonly methods?: Readonly<Record<string, string>>;
  /** Every method of this resource sends the same request. */
  readonly any?: string;
  /** Generic verbs do not apply (the resource only has the listed methods). */
  readonly onlyListed?: boolean;
}

type Verb = 'create' | 'find' | 'list' | 'search' | 'update' | 'delete';

const VERBS: Readonly<Record<string, Verb>> = {
  create: 'create', save: 'create', createorupdate: 'create', submit: 'create', add: 'create',
  find: 'find', retrieve: 'find', get: 'find', show: 'find', findbyid: 'find', load: 'find', fetch: 'find', getbyid: 'find',
  list: 'list', all: 'list', findall: 'list', scroll: 'list', listall: 'list', each: 'list', getall: 'list',
  search: 'search',
  update: 'update',
  delete: 'delete', remove: 'delete', destroy: 'delete',
};

function generic(base: string, verb: Verb): string {
  switch (verb) {
    case 'create': return `POST ${base}`;
    case 'find': return `GET ${base}/{id}`;
    case 'list': return `GET ${base}`;
    case 'search': return `POST ${base}/search`;
    case 'update': return `PUT ${base}/{id}`;
    case 'delete': return `DELETE ${base}/{id}`;
  }
}

const CONTACT_METHODS = {
  merge: 'POST /contacts/merge', mergeleadinuser: 'POST /contacts/merge', convert: 'POST /contacts/merge',
  findbyexternalid: 'GET /contacts/find_by_external_id/{id}',
  archive: 'POST /contacts/{id}/archive', unarchive: 'POST /contacts/{id}/unarchive',
  block: 'POST /contacts/{id}/block', blockcontact: 'POST /contacts/{id}/block',
  listattachedcompanies: 'GET /contacts/{id}/companies', listattachedsegments: 'GET /contacts/{id}/segments',
  listsegments: 'GET /contacts/{id}/segments', listattachedsubscriptions: 'GET /contacts/{id}/subscriptions',
  attachsubscription: 'POST /contacts/{id}/subscriptions', detachsubscription: 'DELETE /contacts/{id}/subscriptions/{id}',
  listattachedtags: 'GET /contacts/{id}/tags', listtags: 'GET /contacts/{id}/tags',
};

/** Keyed by resource name (normalized), with `parent.child` for nested resources. */
const RESOURCES: Readonly<Record<string, SdkResource>> = {
  contacts: { base: '/contacts', methods: CONTACT_METHODS },
  // The legacy users and leads APIs became contacts; their scopes are the contacts' ones.
  users: { base: '/contacts', methods: CONTACT_METHODS },
  leads: { base: '/contacts', methods: CONTACT_METHODS },
  companies: {
    base: '/companies',
    methods: {
      attachcontact: 'POST /contacts/{id}/companies', detachcontact: 'DELETE /contacts/{id}/companies/{id}',
      listattachedcontacts: 'GET /companies/{id}/contacts', listattachedsegments: 'GET /companies/{id}/segments',
      scroll: 'GET /companies/scroll',
    },
  },
  conversations: {
    base: '/conversations',
    methods: {
      reply: 'POST /conversations/{id}/reply', replytoconversation: 'POST /conversations/{id}/reply',
      manage: 'POST /conversations/{id}/parts', assign: 'POST /conversations/{id}/parts', close: 'POST /conversations/{id}/parts',
      open: 'POST /conversations/{id}/parts', snooze: 'POST /conversations/{id}/parts', runassignmentrules: 'POST /conversations/{id}/parts',
      markread: 'PUT /conversations/{id}',
      attachcontactasadmin: 'POST /conversations/{id}/customers', detachcontactasadmin: 'DELETE /conversations/{id}/customers/{id}',
      redact: 'POST /conversations/redact', redactconversationpart: 'POST /conversations/redact',
      convert: 'POST /conversations/{id}/convert', converttoticket: 'POST /conversations/{id}/convert',
      merge: 'POST /conversations/{id}/merge', listhandlingevents: 'GET /conversations/{id}/handling_events',
    },
  },
  admins: {
    base: '/admins',
    methods: {
      identify: 'GET /me', me: 'GET /me', current: 'GET /me',
      away: 'PUT /admins/{id}/away', setaway: 'PUT /admins/{id}/away', setawaymode: 'PUT /admins/{id}/away',
      listallactivitylogs: 'GET /admins/activity_logs', listactivitylogs: 'GET /admins/activity_logs', activitylogs: 'GET /admins/activity_logs',
    },
  },
  tags: {
    base: '/tags',
    methods: {
      tag: 'POST /tags', untag: 'POST /tags', tagusers: 'POST /tags', tagcompanies: 'POST /tags',
      tagcontact: 'POST /contacts/{id}/tags', untagcontact: 'DELETE /contacts/{id}/tags/{id}',
      tagconversation: 'POST /conversations/{id}/tags', untagconversation: 'DELETE /conversations/{id}/tags/{id}',
      tagticket: 'POST /tickets/{id}/tags', untagticket: 'DELETE /tickets/{id}/tags/{id}',
    },
  },
  tickets: { base: '/tickets', methods: { reply: 'POST /tickets/{id}/reply', enqueuecreateticket: 'POST /tickets/enqueue' } },
  tickettypes: { base: '/ticket_types' },
  articles: { base: '/articles', methods: { search: 'GET /articles/search' } },
  helpcenters: { base: '/help_center/help_centers' },
  'helpcenters.collections': { base: '/help_center/collections' },
  dataattributes: { base: '/data_attributes' },
  events: {
    base: '/events',
    methods: { track: 'POST /events', summaries: 'POST /events/summaries', summary: 'POST /events/summaries', createsummaries: 'POST /events/summaries' },
  },
  segments: { base: '/segments' },
  notes: { base: '/notes', methods: { create: 'POST /contacts/{id}/notes', list: 'GET /contacts/{id}/notes' } },
  teams: { base: '/teams' },
  messages: { base: '/messages', methods: { create: 'POST /messages', send: 'POST /messages' }, onlyListed: true },
  counts: { base: '/counts', any: 'GET /counts' },
  jobs: { base: '/jobs', methods: { status: 'GET /jobs/status/{id}', find: 'GET /jobs/status/{id}', get: 'GET /jobs/status/{id}' }, onlyListed: true },
  'news.items': { base: '/news/news_items' },
  'news.newsitems': { base: '/news/news_items' },
  'news.feeds': { base: '/news/newsfeeds', methods: { listitems: 'GET /news/newsfeeds/{id}/items' } },
  'news.newsfeeds': { base: '/news/newsfeeds', methods: { listitems: 'GET /news/newsfeeds/{id}/items' } },
  visitors: {
    base: '/visitors',
    methods: { find: 'GET /visitors', get: 'GET /visitors', update: 'PUT /visitors', mergetocontact: 'POST /visitors/convert', convert: 'POST /visitors/convert' },
    onlyListed: true,
  },
  phonecallredirects: { base: '/phone_call_redirects', methods: { create: 'POST /phone_call_redirects' }, onlyListed: true },
  dataexport: {
    base: '/export/content/data',
    methods: {
      create: 'POST /export/content/data', find: 'GET /export/content/data/{id}', cancel: 'POST /export/cancel/{id}',
      download: 'GET /download/content/data/{id}',
    },
    onlyListed: true,
  },
  customobjectinstances: {
    base: '/custom_object_instances/{type}',
    methods: {
      createcustomobjectinstances: 'POST /custom_object_instances/{type}',
      getcustomobjectinstancesbyid: 'GET /custom_object_instances/{type}/{id}',
      getcustomobjectinstancesbyexternalid: 'GET /custom_object_instances/{type}',
      deletecustomobjectinstancesbyid: 'DELETE /custom_object_instances/{type}/{id}',
      deletecustomobjectinstancesbyexternalid: 'DELETE /custom_object_instances/{type}',
    },
  },
  subscriptiontypes: { base: '/subscription_types' },
  dataconnectors: { base: '/data_connectors', methods: { listexecutionresults: 'GET /data_connectors/{id}/execution_results' } },
};

/** Resource words for the scanner's regex (case-insensitive): `data_?attributes` matches dataAttributes and data_attributes. */
export const SDK_RESOURCE_PATTERN =
  'contacts|users|leads|companies|conversations|admins|tags|tickets|ticket_?types|articles|help_?centers|data_?attributes|' +
  'events|segments|notes|teams|messages|counts|jobs|news|visitors|phone_?call_?redirects|data_?export|' +
  'custom_?object_?instances|subscription_?types|data_?connectors';
export const SDK_CHILD_PATTERN = 'items|news_?items|feeds|newsfeeds|collections';

const normalize = (name: string): string => name.replace(/_/g, '').toLowerCase();

/** `get_contact` / `getContacts` / `deleteConversation` → the generic verb, using the resource's own name. */
function verbOf(method: string, resource: string): Verb | undefined {
  if (VERBS[method]) return VERBS[method];
  const plural = resource.split('.').pop()!;
  const singular = plural.replace(/s$/, '');
  for (const [prefix, verb] of Object.entries(VERBS)) {
    if (method === prefix + plural || method === prefix + singular) return verb === 'find' && method === prefix + plural ? 'list' : verb;
  }
  return undefined;
}

/** The operation `resource[.child].method(…)` sends, or undefined for names that are not SDK calls. */
export function sdkOperation(resource: string, child: string | undefined, method: string): Operation | undefined {
  const key = normalize(child ? `${resource}.${child}` : resource);
  const entry = RESOURCES[key];
  if (!entry) return undefined;
  const name = normalize(method);
  if (entry.any) return parseOperation(entry.any);
  const specific = entry.methods?.[name];
  if (specific) return parseOperation(specific);
  if (entry.onlyListed) return undefined;
  const verb = verbOf(name, key);
  return verb ? parseOperation(generic(entry.base, verb)) : undefined;
}
