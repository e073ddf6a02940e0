import assert from 'node:assert/strict';
import { capabilitiesForFindings, capabilityById, type Capability } from '../../../src/scopes/capabilities';
import { findingSubject as findingSubjectOf, type Finding } from '../../../src/scopes/finding';
import { matchOperation, parseOperation } from '../../../src/scopes/operations';
import { buildChecklist, type Checklist } from '../../../src/scopes/plan';
import { findTopicRule } from '../../../src/scopes/topics';

const caps = (...ids: string[]): Capability[] => ids.map((id) => capabilityById(id)!);

function request(text: string, line = 1, methodSeen = true, file = 'src/app.ts'): Finding {
  const operation = parseOperation(text);
  return { file, line, column: 1, snippet: text, kind: 'rest', operation, methodSeen, rules: matchOperation(operation) };
}

function webhook(topic: string, line = 1, file = 'src/hooks.ts'): Finding {
  return { file, line, column: 1, snippet: topic, kind: 'webhook', topic, rule: findTopicRule(topic)! };
}

const ticked = (c: Checklist): string[] => c.sections.flatMap((s) => s.items.map((i) => i.scope.label));
const leftOut = (c: Checklist): string[] => c.leftOut.map((l) => `${l.scope.label} < ${l.coveredBy.label}`);
const warningKinds = (c: Checklist): string[] => c.warnings.map((w) => w.kind);
const item = (c: Checklist, label: string) => c.sections.flatMap((s) => s.items).find((i) => i.scope.label === label)!;

suite('scopes plan', () => {
  test('nothing chosen, nothing found: an empty checklist with both sections', () => {
    const c = buildChecklist({ capabilities: [] });
    assert.deepEqual(c.sections.map((s) => [s.section.title, s.items.length]), [['People & conversation data', 0], ['Workspace data', 0]]);
    assert.deepEqual([c.leftOut, c.warnings, c.findings, c.setAside], [[], [], [], []]);
    assert.equal(c.canvasKit, false);
  });

  test('lists scopes in Developer Hub order, section by section', () => {
    const c = buildChecklist({ capabilities: caps('admins.list', 'tickets.create', 'contacts.list', 'conversations.reply') });
    assert.deepEqual(c.sections.map((s) => s.items.map((i) => i.scope.label)), [
      ['Read and list users and companies', 'Write conversations', 'Write tickets'],
      ['Read admins'],
    ]);
    assert.deepEqual(c.capabilities.map((x) => x.id), ['contacts.list', 'conversations.reply', 'tickets.create', 'admins.list'], 'QuickPick order');
  });

  test('a broader chosen scope covers a narrower need, which is left out and said so', () => {
    const c = buildChecklist({ capabilities: caps('contacts.list', 'tags.list', 'admins.list', 'admins.activity') });
    assert.deepEqual(ticked(c), ['Read and list users and companies', 'Read admin activity logs']);
    assert.deepEqual(leftOut(c), ['Read tags < Read and list users and companies', 'Read admins < Read admin activity logs']);
    assert.deepEqual(c.leftOut[0].reasons.map((r) => r.subject), ['GET /tags', 'GET /tags/{id}']);
  });

  test('alternatives: the narrowest when nothing else is needed, an already needed one otherwise', () => {
    assert.deepEqual(ticked(buildChecklist({ capabilities: caps('webhooks.contact') })), ['Read one user and one company']);
    assert.deepEqual(ticked(buildChecklist({ capabilities: caps('admins.me') })), ['Read one admin']);
    assert.deepEqual(ticked(buildChecklist({ capabilities: caps('webhooks.visitor', 'contacts.banners') })), ['Read and write users']);
    // contact.deleted does not accept "Read and write users", so the narrowest of its own options joins it.
    assert.deepEqual(ticked(buildChecklist({ capabilities: caps('webhooks.contact', 'contacts.banners') })), [
      'Read and write users', 'Read one user and one company',
    ]);
    assert.deepEqual(ticked(buildChecklist({ capabilities: caps('webhooks.contact', 'contacts.list') })), ['Read and list users and companies']);
    assert.deepEqual(ticked(buildChecklist({ capabilities: caps('admins.me', 'admins.list') })), ['Read admins']);
  });

  test('one scope meeting several alternatives beats several narrow ones', () => {
    // Contact topics accept three scopes; company topics two of them; single reads two of them.
    const c = buildChecklist({ capabilities: caps('webhooks.contact', 'webhooks.company', 'contacts.read', 'companies.read') });
    assert.deepEqual(ticked(c), ['Read one user and one company']);
  });

  test('Canvas Kit adds its forced scopes, marked, and they absorb alternatives', () => {
    const c = buildChecklist({ capabilities: caps('canvas-kit', 'admins.me', 'webhooks.contact') });
    assert.deepEqual(ticked(c), ['Read and list users and companies', 'Read conversations', 'Read admins', 'Read data when entered into the app']);
    assert.ok(c.canvasKit);
    assert.ok(c.sections.flatMap((s) => s.items).every((i) => i.canvasKit && i.confidence === 'documented'));
    assert.deepEqual(item(c, 'Read admins').reasons.map((r) => r.subject), ['GET /me']);
  });

  test('a forced scope stays even when a chosen one covers it, and covers needs itself', () => {
    const c = buildChecklist({ capabilities: caps('canvas-kit', 'admins.activity', 'tags.list') });
    assert.ok(ticked(c).includes('Read admins') && ticked(c).includes('Read admin activity logs'));
    assert.deepEqual(leftOut(c), ['Read tags < Read and list users and companies']);
  });

  test('confidence: documented if any documented rule supports it, else inferred with a warning', () => {
    const c = buildChecklist({ capabilities: caps('events.submit', 'contacts.write') });
    assert.equal(item(c, 'Write events').confidence, 'documented');
    assert.equal(item(c, 'Write users and companies').confidence, 'inferred');
    assert.deepEqual(warningKinds(c), ['inferred-only']);
    assert.match(c.warnings[0].message, /"Write users and companies" rests only on inferred mappings \(DELETE \/contacts\/\{id\}, POST \/contacts, PUT \/contacts\/\{id\}\)/);
  });

  test('findings add their operations and cite file:line', () => {
    const c = buildChecklist({ capabilities: caps('counts'), findings: [request('GET /counts', 7), request('GET /counts', 3)] });
    assert.deepEqual(ticked(c), ['Read counts']);
    const [reason] = item(c, 'Read counts').reasons;
    assert.deepEqual(reason.findings.map((f) => f.line), [3, 7], 'sorted by place');
    assert.deepEqual(reason.capabilities, ['Count users, companies and conversations']);
  });

  test('findings of a capability the developer deselected are set aside', () => {
    const found = [request('POST /contacts', 2), webhook('ticket.created', 5)];
    const c = buildChecklist({ capabilities: caps('webhooks.ticket'), findings: found });
    assert.deepEqual(ticked(c), ['Read tickets']);
    assert.deepEqual(c.findings.map((f) => f.line), [5]);
    assert.deepEqual(c.setAside.map((s) => [s.finding.line, s.capabilities.map((x) => x.id)]), [[2, ['contacts.write']]]);
  });

  test('warns about labels the Developer Hub lacks instead of inventing them', () => {
    const c = buildChecklist({ capabilities: caps('webhooks.job', 'webhooks.content-snippet', 'webhooks.api-activity') });
    assert.deepEqual(ticked(c), []);
    assert.deepEqual(c.warnings.map((w) => w.message.replace(/ which is not.*/, '')), [
      'Webhook topic api.request.completed needs "Read API activity logs",',
      'Webhook topics content_snippet.created, content_snippet.deleted, content_snippet.updated need "Read content snippets",',
      'Webhook topic job.completed needs "Read jobs",',
    ]);
    assert.deepEqual(warningKinds(c), ['unknown-label', 'unknown-label', 'unknown-label']);
    assert.match(c.warnings[2].message, /The Developer Hub lists "Read status of jobs"/);
  });

  test('warns about unmapped operations, operations with no known scope, and assumed methods', () => {
    const found = [request('GET /teams', 1), request('GET /teams', 9), request('PATCH /contacts/{id}/subscriptions/{id}', 4), request('GET /segments', 6, false)];
    const c = buildChecklist({ capabilities: caps('contacts.segments'), findings: found });
    assert.deepEqual(warningKinds(c), ['inferred-only', 'no-known-scope', 'unmapped-operation', 'assumed-method']);
    assert.deepEqual(c.warnings[1].findings.map((f) => f.line), [1, 9]);
    assert.match(c.warnings[1].message, /no permission for GET \/teams/);
    assert.match(c.warnings[2].message, /^PATCH \/contacts\/\{id\}\/subscriptions\/\{id\} is not in the scope mapping/);
    assert.match(c.warnings[3].message, /at 1 place; Intercom takes only one method on that path, so it was assumed/);
    assert.deepEqual(ticked(c), ['Read and list users and companies']);
  });

  test('OAuth endpoints need no scope and raise no warning', () => {
    const c = buildChecklist({ capabilities: [], findings: [request('POST /auth/eagle/token')] });
    assert.deepEqual([ticked(c), c.warnings], [[], []]);
    assert.equal(c.findings.length, 1);
  });

  test('deleting without metrics needs both the write and the delete scope', () => {
    const c = buildChecklist({ capabilities: caps('conversations.delete-metrics') });
    assert.deepEqual(ticked(c), ['Write conversations', 'Delete conversations and metrics']);
    assert.equal(item(c, 'Delete conversations and metrics').confidence, 'documented');
  });

  test('reasons list alternatives, capabilities and notes', () => {
    const c = buildChecklist({ capabilities: caps('conversations.merge', 'webhooks.company') });
    const merge = item(c, 'Write conversations').reasons[0];
    assert.deepEqual([merge.subject, merge.evidence, merge.capabilities], ['POST /conversations/{id}/merge', 'documented', ['Merge conversations']]);
    assert.match(merge.note ?? '', /Write tickets/);
    const topic = item(c, 'Read one user and one company').reasons[0];
    assert.deepEqual(topic.alternatives, ['Read users and companies', 'Read one user and one company']);
  });

  test('findings in test code are cited but never preselect a capability nor add a scope by themselves', () => {
    const inTests = [
      request('POST /contacts', 1, true, 'test/contacts.test.ts'),
      request('GET /teams', 2, true, 'spec/teams_spec.rb'),
      request('POST /tags', 3, true, 'app/tags_test.go'),
      request('GET /admins', 4, true, 'src/__mocks__/intercom.ts'),
      request('POST /events', 5, true, 'tests/test_events.py'),
      request('GET /counts', 6, true, 'src/counts.spec.js'),
      request('GET /segments', 7, true, 'app/Sync/SegmentSyncTest.php'),
      request('GET /me', 8, true, 'test-ticket-flow.js'),
    ];
    assert.deepEqual(capabilitiesForFindings(inTests), []);
    const c = buildChecklist({ capabilities: caps('contacts.write'), findings: inTests });
    assert.deepEqual(ticked(c), ['Write users and companies']);
    assert.deepEqual(c.findings.map((f) => f.file), ['test/contacts.test.ts'], 'cited where a chosen capability includes it');
    assert.deepEqual(c.setAside.map((s) => [s.finding.file, s.because]), [
      ['spec/teams_spec.rb', 'test-code'], ['app/tags_test.go', 'test-code'], ['src/__mocks__/intercom.ts', 'test-code'],
      ['tests/test_events.py', 'test-code'], ['src/counts.spec.js', 'test-code'], ['app/Sync/SegmentSyncTest.php', 'test-code'],
      ['test-ticket-flow.js', 'test-code'],
    ]);
    assert.deepEqual(warningKinds(c), ['inferred-only'], 'GET /teams from a spec raises no warning');
    // A test's topic, though its capability is chosen: a payload the test builds, often one the receiver ignores.
    const topics = buildChecklist({
      capabilities: caps('webhooks.conversation'),
      findings: [webhook('conversation.user.created', 3), webhook('conversation.admin.replied', 9, 'tests/test_intercom.py')],
    });
    assert.deepEqual(topics.findings.map((f) => findingSubjectOf(f)), ['conversation.user.created']);
    assert.deepEqual(topics.setAside.map((s) => [s.finding.file, s.because]), [['tests/test_intercom.py', 'test-code']]);
    for (const file of ['src/testimonials.ts', 'lib/latest.rb', 'app/contest.py', 'src/testing.ts', 'attest-sync.js']) {
      assert.deepEqual(capabilitiesForFindings([request('POST /contacts', 1, true, file)]).map((x) => x.id), ['contacts.write'], file);
    }
  });
});
