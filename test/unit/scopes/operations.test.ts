import assert from 'node:assert/strict';
import { findScope } from '../../../src/scopes/catalog';
import {
  HOLE, matchOperation, normalizePath, OPERATION_RULES, operationText, parseOperation, type Operation,
} from '../../../src/scopes/operations';
import { sdkOperation } from '../../../src/scopes/sdk';
import { findTopicRule, isDistinctiveTopic, TOPIC_RULES, UNLISTED_LABEL_HINTS } from '../../../src/scopes/topics';

const rulesFor = (text: string): { id: string; anyOf: readonly string[]; evidence: string }[] =>
  matchOperation(parseOperation(text)).map(({ id, anyOf, evidence }) => ({ id, anyOf, evidence }));

suite('scopes operation rules', () => {
  test('mark evidence as scope-mapping.md does', () => {
    const cases: [string, string[], string][] = [
      ['GET /me', ['Read admins', 'Read one admin'], 'documented'],
      ['GET /admins', ['Read admins'], 'inferred'],
      ['GET /companies/{id}/contacts', ['Read and list users and companies'], 'documented'],
      ['GET /contacts', ['Read and list users and companies'], 'inferred'],
      ['GET /contacts/{id}/banners', ['Read and write users'], 'documented'],
      ['POST /contacts', ['Write users and companies'], 'inferred'],
      ['GET /conversations/{id}/handling_events', ['Read conversations'], 'documented'],
      ['GET /macros', ['Read conversations'], 'documented'],
      ['POST /conversations/{id}/reply', ['Write conversations'], 'inferred'],
      ['POST /conversations/{id}/merge', ['Write conversations'], 'documented'],
      ['POST /tickets/{id}/linked_conversations', ['Write tickets'], 'documented'],
      ['POST /events', ['Write events'], 'documented'],
      ['GET /events', ['Read events'], 'inferred'],
      ['GET /articles/{id}/draft', ['Read and List articles'], 'documented'],
      ['POST /articles', ['Read and Write Articles'], 'inferred'],
      ['POST /articles/{id}/draft/publish', ['Read and Write Articles'], 'documented'],
      ['POST /export/content/data', ['Export message data', 'Export content data'], 'inferred'],
      ['GET /teams', [], 'unknown'],
      ['POST /auth/eagle/token', [], 'no-scope'],
    ];
    for (const [op, anyOf, evidence] of cases) {
      const [rule, ...more] = rulesFor(op);
      assert.equal(more.length, 0, op);
      assert.deepEqual([rule.anyOf, rule.evidence], [anyOf, evidence], op);
    }
  });

  test('the documented rules are exactly those the notes cite', () => {
    const documented = OPERATION_RULES.filter((r) => r.evidence === 'documented').map((r) => r.id).sort();
    assert.deepEqual(documented, [
      'DELETE /articles/{id}/tags/{id}', 'DELETE /conversations/{id}?retain_metrics=false', 'DELETE /tickets/{id}/linked_conversations/{id}',
      'GET /articles/{id}/draft', 'GET /articles/{id}/versions', 'GET /articles/{id}/versions/{id}', 'GET /companies/{id}/contacts',
      'GET /contacts/{id}/banners', 'GET /conversations/{id}/handling_events', 'GET /conversations/{id}/side_conversations',
      'GET /macros', 'GET /macros/{id}', 'GET /me', 'POST /articles/{id}/draft/publish', 'POST /articles/{id}/tags',
      'POST /contacts/{id}/banners/{id}/dismiss', 'POST /conversations/{id}/merge', 'POST /events',
      'POST /tickets/{id}/linked_conversations', 'PUT /articles/{id}/draft',
    ]);
  });

  test('deleting without metrics adds the documented delete scope to the inferred write one', () => {
    assert.deepEqual(rulesFor('DELETE /conversations/{id}?retain_metrics=false'), [
      { id: 'DELETE /conversations/{id}', anyOf: ['Write conversations'], evidence: 'inferred' },
      { id: 'DELETE /conversations/{id}?retain_metrics=false', anyOf: ['Delete conversations and metrics'], evidence: 'documented' },
    ]);
    assert.deepEqual(rulesFor('DELETE /conversations/{id}?retain_metrics=true').map((r) => r.id), ['DELETE /conversations/{id}']);
  });

  test('a lookup of one user by user_id or email, or of one company by company_id or name, needs only the one-user scope, a listing the list scope', () => {
    const oneUser = ['Read one user and one company', 'Read and list users and companies'];
    assert.deepEqual(rulesFor('GET /companies?company_id={id}').map((r) => r.anyOf), [oneUser]);
    assert.deepEqual(rulesFor('GET /companies?name={id}').map((r) => r.anyOf), [oneUser]);
    assert.deepEqual(rulesFor('GET /companies?name={id}&tag_id={id}').map((r) => r.anyOf), [['Read and list users and companies']], 'filtered by tag: a list');
    assert.deepEqual(rulesFor('GET /users?user_id={id}').map((r) => r.anyOf), [oneUser]);
    assert.deepEqual(rulesFor('GET /users?email={id}&per_page=1').map((r) => r.anyOf), [oneUser]);
    assert.deepEqual(rulesFor('GET /contacts?user_id={id}').map((r) => r.anyOf), [oneUser]);
    assert.deepEqual(rulesFor('GET /users').map((r) => r.anyOf), [['Read and list users and companies']]);
    assert.deepEqual(rulesFor('GET /users?tag_id={id}').map((r) => r.anyOf), [['Read and list users and companies']]);
    assert.deepEqual(rulesFor('GET /contacts?email={id}').map((r) => r.anyOf), [['Read and list users and companies']], 'leads by email: a list');
  });

  test('literal segments beat {id}, and the method must match', () => {
    assert.deepEqual(rulesFor('GET /admins/activity_logs').map((r) => r.id), ['GET /admins/activity_logs']);
    assert.deepEqual(rulesFor('GET /admins/42').map((r) => r.id), ['GET /admins/{id}']);
    assert.deepEqual(rulesFor('POST /contacts/search').map((r) => r.anyOf), [['Read and list users and companies']]);
    assert.deepEqual(rulesFor('PATCH /contacts/{id}'), []);
    assert.deepEqual(rulesFor('GET /nothing/here'), []);
    assert.deepEqual(rulesFor('PUT /custom_object_instances/{id}').map((r) => r.id), ['* /custom_object_instances/{type}']);
  });

  test('rule ids are unique and every scoped label is a Developer Hub label', () => {
    assert.equal(new Set(OPERATION_RULES.map((r) => r.id)).size, OPERATION_RULES.length);
    for (const rule of OPERATION_RULES) {
      assert.equal(rule.anyOf.length > 0, rule.evidence === 'documented' || rule.evidence === 'inferred', rule.id);
      for (const label of rule.anyOf) assert.ok(findScope(label), `${rule.id}: ${label}`);
    }
  });

  test('normalizePath strips the host, turns ids and interpolations into {id}, keeps the query', () => {
    assert.deepEqual(normalizePath('https://api.intercom.io/contacts/5f2a1b3c4d5e6f7a8b9c0d1e?per_page=1'), {
      path: '/contacts/{id}', query: { per_page: '1' },
    });
    assert.deepEqual(normalizePath(`api.eu.intercom.io/conversations/${HOLE}/reply/`).path, '/conversations/{id}/reply');
    assert.deepEqual(normalizePath('/admins/123/away').path, '/admins/{id}/away');
    assert.deepEqual(normalizePath('/contacts/%s/tags').path, '/contacts/{id}/tags');
    assert.deepEqual(normalizePath('/contacts/:id').path, '/contacts/{id}');
    assert.deepEqual(normalizePath(`/contacts${HOLE}`).path, '/contacts');
    assert.deepEqual(normalizePath(`/x?retain_metrics=${HOLE}&a=b`).query, { retain_metrics: '{id}', a: 'b' });
  });

  test('operations print and parse back', () => {
    const op: Operation = { method: 'DELETE', path: '/conversations/{id}', query: { retain_metrics: 'false' } };
    assert.equal(operationText(op), 'DELETE /conversations/{id}?retain_metrics=false');
    assert.deepEqual(parseOperation(operationText(op)), op);
  });
});

suite('scopes webhook topics', () => {
  test('list alternatives as the webhook models page does', () => {
    assert.deepEqual(findTopicRule('contact.user.created')?.anyOf, ['Read users and companies', 'Read and write users', 'Read one user and one company']);
    assert.deepEqual(findTopicRule('contact.deleted')?.anyOf, ['Read users and companies', 'Read one user and one company']);
    assert.deepEqual(findTopicRule('conversation.admin.open.assigned')?.anyOf, ['Read conversations']);
    assert.deepEqual(findTopicRule('article.published')?.anyOf, ['Read and list articles']);
    assert.ok(TOPIC_RULES.every((r) => r.evidence === 'documented'));
  });

  test('knows exact topics only', () => {
    for (const t of ['user.created', 'conversation.created', 'contact.user', 'ping', 'conversation.user.created.v2']) {
      assert.equal(findTopicRule(t), undefined, t);
    }
    assert.equal(new Set(TOPIC_RULES.map((r) => r.topic)).size, TOPIC_RULES.length);
  });

  test('labels resolve to the catalog, or have a hint explaining why not', () => {
    const unlisted = new Set<string>();
    for (const rule of TOPIC_RULES) for (const l of rule.anyOf) if (!findScope(l)) unlisted.add(l);
    assert.deepEqual([...unlisted].sort(), ['Read API activity logs', 'Read content snippets', 'Read jobs']);
    for (const l of unlisted) assert.ok(UNLISTED_LABEL_HINTS[l], l);
  });

  test('two-part topics are not distinctive; longer or Intercom-only words are', () => {
    assert.equal(isDistinctiveTopic('ticket.created'), false);
    assert.equal(isDistinctiveTopic('company.updated'), false);
    assert.equal(isDistinctiveTopic('conversation.user.created'), true);
    assert.equal(isDistinctiveTopic('content_stat.email'), true);
  });
});

suite('scopes SDK calls', () => {
  const op = (resource: string, method: string, child?: string): string | undefined => {
    const o = sdkOperation(resource, child, method);
    return o && operationText(o);
  };

  test('map each SDK style to the REST operation it sends', () => {
    assert.equal(op('contacts', 'create'), 'POST /contacts');
    assert.equal(op('Contacts', 'FindByID'), 'GET /contacts/{id}');
    assert.equal(op('contacts', 'show_contact_by_external_id'), 'GET /contacts/find_by_external_id/{id}');
    assert.equal(op('contacts', 'listAttachedCompanies'), 'GET /contacts/{id}/companies');
    assert.equal(op('conversations', 'reply'), 'POST /conversations/{id}/reply');
    assert.equal(op('conversations', 'replyToConversation'), 'POST /conversations/{id}/reply');
    assert.equal(op('conversations', 'find_all'), 'GET /conversations');
    assert.equal(op('conversations', 'getConversations'), 'GET /conversations');
    assert.equal(op('conversations', 'deleteConversation'), 'DELETE /conversations/{id}');
    assert.equal(op('admins', 'identify'), 'GET /me');
    assert.equal(op('users', 'save'), 'POST /users', 'the legacy users API, as the older SDKs send it');
    assert.equal(op('Events', 'Save'), 'POST /events');
    assert.equal(op('tags', 'tagContact'), 'POST /contacts/{id}/tags');
    assert.equal(op('dataAttributes', 'list'), 'GET /data_attributes');
    assert.equal(op('news', 'list', 'items'), 'GET /news/news_items');
    assert.equal(op('counts', 'for_app'), 'GET /counts');
  });

  test('keep the query of a lookup by user_id or email', () => {
    assert.equal(op('Users', 'FindByUserID'), 'GET /users?user_id={id}');
    assert.equal(op('Users', 'FindByEmail'), 'GET /users?email={id}');
    assert.equal(op('Contacts', 'FindByUserID'), 'GET /contacts?user_id={id}');
    assert.equal(op('Contacts', 'ListByEmail'), 'GET /contacts?email={id}');
    assert.equal(op('users', 'getUsers'), 'GET /users');
  });

  test('ignore names that are not SDK calls', () => {
    assert.equal(op('contacts', 'length'), undefined);
    assert.equal(op('messages', 'list'), undefined, 'messages can only be sent');
    assert.equal(op('widgets', 'create'), undefined);
    assert.equal(op('news', 'list', 'widgets'), undefined);
  });
});
