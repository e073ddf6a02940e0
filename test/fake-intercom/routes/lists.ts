// Small, realistic 200 bodies for the read-only endpoints (shapes after Intercom API 2.x list responses).
import type { Loose, MeBody } from '../types';

function pages(perPage: number): object {
  return { type: 'pages', next: null, page: 1, per_page: perPage, total_pages: 1 };
}

/** The workspace's contacts, oldest first (what GET /contacts pages through and GET /contacts/{id} reads). */
export function contacts(workspaceId: string, now: number): object[] {
  const people = [['6657a1b96abd0167d9419d1c', 'user-42', 'neville@example.com', 'Neville Longbottom'],
    ['6657a1b96abd0167d9419d1d', 'user-43', 'luna@example.com', 'Luna Lovegood'],
    ['6657a1b96abd0167d9419d1e', 'user-44', 'ginny@example.com', 'Ginny Weasley']];
  return people.map(([id, externalId, email, name], i) => ({
    type: 'contact', id, workspace_id: workspaceId, external_id: externalId, role: 'user', email, name,
    created_at: now - 86_400 + i, updated_at: now - 60,
  }));
}

/** Intercom's cursor pagination: `per_page` items after the `starting_after` cursor; `pages.next` while more remain. */
export function cursorPage(items: readonly object[], query: URLSearchParams, defaultPerPage: number): { data: object[]; pages: object } {
  const perPage = Math.min(150, Math.max(1, Number(query.get('per_page')) || defaultPerPage));
  const cursor = query.get('starting_after');
  const start = cursor ? Number(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))[0]) : 0;
  if (!Number.isInteger(start) || start < 0) throw new RangeError('starting_after');
  const end = start + perPage;
  const page = Math.floor(start / perPage) + 1;
  const next = end < items.length ? { page: page + 1, starting_after: Buffer.from(JSON.stringify([end])).toString('base64url') } : undefined;
  return {
    data: items.slice(start, end),
    pages: { type: 'pages', page, per_page: perPage, total_pages: Math.ceil(items.length / perPage), ...(next && { next }) },
  };
}

export function listBody(route: string, me: Loose<MeBody>, nowMs: number, query = new URLSearchParams()): object {
  const now = Math.floor(nowMs / 1000);
  const workspaceId = me.app?.id_code ?? 'unknown';
  const adminId = me.id ?? '0';
  const admin = {
    type: 'admin', id: adminId, name: me.name ?? null, email: me.email ?? null, email_verified: me.email_verified ?? null,
    job_title: me.job_title ?? null, away_mode_enabled: me.away_mode_enabled ?? false, away_mode_reassign: me.away_mode_reassign ?? false,
    has_inbox_seat: me.has_inbox_seat ?? false, team_ids: me.team_ids ?? [], avatar: me.avatar ?? null,
  };
  switch (route) {
    case 'GET /admins':
      return {
        type: 'admin.list',
        admins: [admin, {
          type: 'admin', id: '991267', name: 'Ron Weasley', email: 'ron@awesomecorp.io', email_verified: true, job_title: null,
          away_mode_enabled: true, away_mode_reassign: false, has_inbox_seat: true, team_ids: [], avatar: { type: 'avatar', image_url: null },
        }],
      };
    case 'GET /admins/activity_logs':
      return {
        type: 'activity_log.list',
        pages: pages(20),
        activity_logs: [{
          id: 'ddee3a18-0032-4061-b9b9-26230c3f52d4',
          performed_by: { type: 'admin', id: adminId, email: me.email ?? null, ip: '127.0.0.1' },
          metadata: { sign_in_method: 'email_password' },
          created_at: now - 3600,
          activity_type: 'admin_login_success',
          activity_description: `${me.name ?? 'An admin'} logged in.`,
        }],
      };
    case 'GET /contacts':
      return { type: 'list', ...cursorPage(contacts(workspaceId, now), query, 50), total_count: contacts(workspaceId, now).length };
    case 'GET /companies':
      return {
        type: 'list',
        data: [{
          type: 'company', id: '6657a1c26abd0167d9419d22', app_id: workspaceId, company_id: 'acme-1', name: 'Acme Ltd',
          created_at: now - 86_400, updated_at: now - 60, user_count: 3, session_count: 12, monthly_spend: 99, plan: {}, tags: { type: 'tag.list', tags: [] },
        }],
        pages: pages(15),
        total_count: 1,
      };
    case 'GET /conversations':
      return {
        type: 'conversation.list',
        pages: pages(20),
        total_count: 1,
        conversations: [{
          type: 'conversation', id: '147', title: 'Cannot log in', created_at: now - 7200, updated_at: now - 600,
          waiting_since: null, snoozed_until: null, open: true, state: 'open', read: true, priority: 'not_priority',
          admin_assignee_id: Number(adminId) || null, team_assignee_id: null,
          source: { type: 'conversation', id: '403918316', delivered_as: 'customer_initiated', subject: '', body: '<p>Hi, I cannot log in.</p>' },
          contacts: { type: 'contact.list', contacts: [{ type: 'contact', id: '6657a1b96abd0167d9419d1c', external_id: 'user-42' }] },
        }],
      };
    case 'GET /tickets':
      return {
        type: 'ticket.list',
        tickets: [{
          type: 'ticket', id: '494', ticket_id: '48', category: 'Customer', open: true, is_shared: true,
          ticket_state: { type: 'ticket_state', id: '8', category: 'submitted', internal_label: 'Submitted', external_label: 'Submitted' },
          ticket_type: { type: 'ticket_type', id: '53', name: 'Bug Report' },
          ticket_attributes: { _default_title_: 'Export fails', _default_description_: 'CSV export times out' },
          created_at: now - 5400, updated_at: now - 300, admin_assignee_id: adminId, team_assignee_id: '0',
        }],
        total_count: 1,
        pages: pages(20),
      };
    case 'GET /ticket_types':
      return {
        type: 'list',
        data: [{
          type: 'ticket_type', id: '53', category: 'Customer', name: 'Bug Report', description: 'Bug report template', icon: '🐞',
          workspace_id: workspaceId, archived: false, is_internal: false, created_at: now - 864_000, updated_at: now - 86_400,
        }],
      };
    case 'GET /articles':
      return {
        type: 'list',
        pages: { type: 'pages', page: 1, per_page: 25, total_pages: 1 },
        total_count: 1,
        data: [{
          type: 'article', id: '39', workspace_id: workspaceId, title: 'Getting started', description: 'First steps',
          body: '<p>Welcome!</p>', author_id: Number(adminId) || null, state: 'published', created_at: now - 864_000, updated_at: now - 86_400,
          url: null, parent_id: null, parent_ids: [], parent_type: null, default_locale: 'en',
        }],
      };
    case 'GET /tags':
      return { type: 'list', data: [{ type: 'tag', id: '102', name: 'vip' }, { type: 'tag', id: '103', name: 'beta tester' }] };
    case 'GET /counts':
      return { type: 'count', company: { count: 1 }, user: { count: 1 }, lead: { count: 0 }, tag: { count: 2 }, segment: { count: 3 } };
    case 'GET /news/news_items':
      return {
        type: 'list',
        pages: { type: 'pages', page: 1, per_page: 10, total_pages: 1 },
        total_count: 1,
        data: [{
          type: 'news-item', id: '29', workspace_id: workspaceId, title: 'We launched dark mode', body: '<p>Dark mode is here.</p>',
          sender_id: Number(adminId) || null, state: 'live', newsfeed_assignments: [{ newsfeed_id: 53, published_at: now - 86_400 }],
          labels: [], cover_image_url: null, reactions: ['👍', '🎉'], deliver_silently: false, created_at: now - 172_800, updated_at: now - 86_400,
        }],
      };
    case 'GET /data_connectors':
      return {
        type: 'list',
        data: [{
          type: 'data_connector', id: '12', name: 'Order lookup', description: 'Fetches an order by id', state: 'live',
          http_method: 'get', direct_fin_usage: true, created_at: now - 864_000, updated_at: now - 86_400,
        }],
        pages: { type: 'pages', page: 1, per_page: 20, total_pages: 1 },
      };
    default:
      return { type: 'list', data: [] };
  }
}
