// Which Developer Hub scope each webhook topic needs, from Intercom's webhook models page (API 2.16),
// where the "Permissions" column lists alternatives: any one of them lets the app subscribe. The labels
// are kept as that page writes them ("Read users and companies", "Read jobs"…); the catalog resolves
// them, and the plan warns about the ones that match no Developer Hub box.

export interface TopicRule {
  /** The exact topic string. */
  readonly topic: string;
  /** Grouping as on Intercom's page ("Contact topics" → contact). */
  readonly group: string;
  /** Any one of these labels suffices. */
  readonly anyOf: readonly string[];
  readonly evidence: 'documented';
  readonly note?: string;
}

const USERS_OR_ONE = ['Read users and companies', 'Read one user and one company'];
const ANY_USER_READ = ['Read users and companies', 'Read and write users', 'Read one user and one company'];

function topics(group: string, anyOf: readonly string[], names: readonly string[], note?: string): TopicRule[] {
  return names.map((topic) => ({ topic, group, anyOf, evidence: 'documented' as const, ...(note && { note }) }));
}

export const TOPIC_RULES: readonly TopicRule[] = [
  ...topics('admin', ['Read admins'], [
    'admin.added_to_workspace', 'admin.away_mode_updated', 'admin.activity_log_event.created',
    'admin.removed_from_workspace', 'admin.logged_in', 'admin.logged_out',
  ]),
  ...topics('article', ['Read and list articles'], ['article.created', 'article.updated', 'article.published', 'article.unpublished', 'article.deleted']),
  ...topics('call', ['Read conversations'], ['call.started', 'call.ended', 'call.transcription_available', 'call.recording_available']),
  ...topics('company', USERS_OR_ONE, ['company.created', 'company.deleted', 'company.updated', 'company.contact.attached', 'company.contact.detached']),
  ...topics('contact', USERS_OR_ONE, ['contact.deleted']),
  ...topics('contact', ANY_USER_READ, [
    'contact.archived', 'contact.email.updated', 'contact.lead.added_email', 'contact.lead.created', 'contact.lead.signed_up',
    'contact.lead.tag.created', 'contact.lead.tag.deleted', 'contact.lead.updated', 'contact.merged', 'contact.subscribed',
    'contact.unarchive', 'contact.unsubscribed', 'contact.user.created', 'contact.user.tag.created', 'contact.user.tag.deleted',
    'contact.user.updated',
  ]),
  ...topics('visitor', ANY_USER_READ, ['visitor.signed_up']),
  ...topics('subscription', ANY_USER_READ, ['granular.subscribe', 'granular.unsubscribe']),
  ...topics('conversation', ['Read conversations'], [
    'conversation.admin.assigned', 'conversation.admin.closed', 'conversation.admin.noted', 'conversation.admin.open.assigned',
    'conversation.admin.opened', 'conversation.admin.replied', 'conversation.admin.single.created', 'conversation.admin.snoozed',
    'conversation.admin.unsnoozed', 'conversation.operator.replied', 'conversation.deleted', 'conversation.priority.updated',
    'conversation.rating.added', 'conversation.user.created', 'conversation.user.replied', 'conversation.contact.attached',
    'conversation.contact.detached', 'conversation_part.redacted', 'conversation_part.tag.created',
  ]),
  ...topics('content stat', ['Read content data'], [
    'content_stat.banner', 'content_stat.carousel', 'content_stat.chat', 'content_stat.checklist', 'content_stat.custom_bot',
    'content_stat.email', 'content_stat.news_item', 'content_stat.post', 'content_stat.push', 'content_stat.series',
    'content_stat.series.webhook', 'content_stat.sms', 'content_stat.survey', 'content_stat.tooltip_group', 'content_stat.tour',
  ]),
  ...topics('content snippet', ['Read content snippets'], ['content_snippet.created', 'content_snippet.updated', 'content_snippet.deleted']),
  ...topics('event', ['Read events'], ['event.created']),
  ...topics('job', ['Read jobs'], ['job.completed']),
  ...topics('API activity', ['Read API activity logs'], ['api.request.completed']),
  ...topics('ticket', ['Read tickets'], [
    'ticket.created', 'ticket.state.updated', 'ticket.note.created', 'ticket.admin.assigned', 'ticket.team.assigned',
    'ticket.contact.attached', 'ticket.contact.detached', 'ticket.attribute.updated', 'ticket.admin.replied',
    'ticket.contact.replied', 'ticket.closed', 'ticket.rating.provided', 'ticket.resolved',
  ]),
  ...topics('data connector', ['Read data connectors'], ['data_connector.execution.completed'], 'From the newer webhook models page; not in the 2.16 notes.'),
];

const BY_TOPIC = new Map(TOPIC_RULES.map((r) => [r.topic, r]));

export function findTopicRule(topic: string): TopicRule | undefined {
  return BY_TOPIC.get(topic);
}

/**
 * Topics with three or more parts, or an Intercom-only first word, are Intercom's wherever they appear.
 * Two-part ones ("ticket.created", "company.updated") are common elsewhere: they count only in a file
 * that mentions Intercom.
 */
export function isDistinctiveTopic(topic: string): boolean {
  const parts = topic.split('.');
  return parts.length >= 3 || parts[0].includes('_');
}

/**
 * Webhook labels that match no Developer Hub box, with what the developer should know. The plan turns
 * these into warnings instead of inventing a checkbox.
 */
export const UNLISTED_LABEL_HINTS: Readonly<Record<string, string>> = {
  'Read jobs': 'The Developer Hub lists "Read status of jobs", which may be the same permission; check before you submit.',
  'Read content snippets': 'The Developer Hub lists no such permission; ask Intercom which box grants it.',
  'Read API activity logs': 'The Developer Hub lists no such permission ("Read admin activity logs" is about admins); ask Intercom which box grants it.',
};
