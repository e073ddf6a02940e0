// The fake's own idea of which internal scope each read-only endpoint needs. Deliberately independent of the
// product's scope mapping: the fake is the "Intercom" the product is tested against.
// Names: read_users_companies, read_conversations and read_articles_scope appear in Intercom's docs
// (see ../shared/reference/scope-mapping.md); the rest follow the same pattern.

export const SCOPES = {
  readAdmins: 'read_admins',
  readAdminActivityLogs: 'read_admin_activity_logs',
  readUsersCompanies: 'read_users_companies',
  readConversations: 'read_conversations',
  readTickets: 'read_tickets',
  readArticles: 'read_articles_scope',
  readTags: 'read_tags',
  readCounts: 'read_counts',
  readNews: 'read_news',
  readDataConnectors: 'read_data_connectors',
  writeTags: 'write_tags',
} as const;

/** Every scope the fake knows; a profile without `scopes` has all of them. */
export const ALL_SCOPES: readonly string[] = Object.values(SCOPES);

/** Route ("METHOD /path") → the scope it needs. GET /me and POST /auth/uninstall need none here. */
export const ROUTE_SCOPES: Readonly<Record<string, string>> = {
  'GET /admins': SCOPES.readAdmins,
  'GET /admins/activity_logs': SCOPES.readAdminActivityLogs,
  'GET /contacts': SCOPES.readUsersCompanies,
  'GET /companies': SCOPES.readUsersCompanies,
  'GET /conversations': SCOPES.readConversations,
  'GET /tickets': SCOPES.readTickets,
  'GET /ticket_types': SCOPES.readTickets,
  'GET /articles': SCOPES.readArticles,
  'GET /tags': SCOPES.readTags,
  'GET /counts': SCOPES.readCounts,
  'GET /news/news_items': SCOPES.readNews,
  'GET /data_connectors': SCOPES.readDataConnectors,
};

export function scopeMessage(scope: string): string {
  return `You do not have the required scope (${scope}) to access this resource`;
}
