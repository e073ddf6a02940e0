import assert from 'node:assert/strict';
import {
  CAPABILITIES, CAPABILITY_GROUPS, capabilitiesForFinding, capabilitiesForFindings, capabilityById,
} from '../../../src/scopes/capabilities';
import type { Finding } from '../../../src/scopes/finding';
import { matchOperation, parseOperation } from '../../../src/scopes/operations';
import { findTopicRule } from '../../../src/scopes/topics';

function request(text: string): Finding {
  const operation = parseOperation(text);
  return { file: 'a.ts', line: 1, column: 1, snippet: '', kind: 'rest', operation, methodSeen: true, rules: matchOperation(operation) };
}

function webhook(topic: string): Finding {
  return { file: 'a.ts', line: 1, column: 1, snippet: '', kind: 'webhook', topic, rule: findTopicRule(topic)! };
}

suite('scopes capabilities', () => {
  test('are grouped by resource in the QuickPick order, with the groups the issue names', () => {
    for (const g of ['Contacts', 'Companies', 'Conversations', 'Tickets', 'Tags', 'Events', 'Data attributes', 'Articles',
      'News', 'Admins', 'Data connectors', 'Custom objects', 'Jobs', 'Webhook topics', 'Canvas Kit']) {
      assert.ok(CAPABILITIES.some((c) => c.group === g), g);
    }
    const groups = CAPABILITIES.map((c) => CAPABILITY_GROUPS.indexOf(c.group));
    assert.ok(groups.every((g) => g >= 0), 'every group is listed');
    assert.deepEqual(groups, [...groups].sort((a, b) => a - b), 'capabilities come group by group');
    assert.equal(new Set(CAPABILITIES.map((c) => c.id)).size, CAPABILITIES.length, 'ids are unique');
  });

  test('every operation maps to a scoped rule and every topic is known', () => {
    for (const c of CAPABILITIES) {
      assert.ok(c.operations.length + c.topics.length > 0 || c.canvasKit, c.id);
      for (const op of c.operations) {
        const rules = matchOperation(parseOperation(op));
        assert.ok(rules.length > 0 && rules.every((r) => r.anyOf.length > 0), `${c.id}: ${op}`);
      }
      for (const t of c.topics) assert.ok(findTopicRule(t), `${c.id}: ${t}`);
    }
  });

  test('"Uses Canvas Kit" is the only capability that forces Canvas Kit scopes', () => {
    assert.deepEqual(CAPABILITIES.filter((c) => c.canvasKit).map((c) => c.label), ['Uses Canvas Kit']);
    assert.equal(capabilityById('canvas-kit')?.label, 'Uses Canvas Kit');
    assert.equal(capabilityById('nope'), undefined);
  });

  test('findings imply the capabilities that contain them', () => {
    assert.deepEqual(capabilitiesForFinding(request('GET /contacts/{id}')).map((c) => c.id), ['contacts.read']);
    assert.deepEqual(capabilitiesForFinding(webhook('conversation.user.created')).map((c) => c.id), ['webhooks.conversation']);
    assert.deepEqual(capabilitiesForFinding(request('GET /teams')), [], 'no capability offers an unscoped operation');
    assert.deepEqual(capabilitiesForFinding(request('POST /custom_object_instances/{id}')).map((c) => c.id), ['custom-objects']);
  });

  test('a delete that keeps metrics does not imply deleting metrics; one that drops them implies both', () => {
    assert.deepEqual(capabilitiesForFinding(request('DELETE /conversations/{id}')).map((c) => c.id), ['conversations.delete']);
    assert.deepEqual(capabilitiesForFinding(request('DELETE /conversations/{id}?retain_metrics=false')).map((c) => c.id), [
      'conversations.delete', 'conversations.delete-metrics',
    ]);
  });

  test('preselection lists each implied capability once, in QuickPick order', () => {
    const found = [webhook('ticket.created'), request('POST /contacts'), request('PUT /contacts/{id}'), request('GET /me')];
    assert.deepEqual(capabilitiesForFindings(found).map((c) => c.id), ['contacts.write', 'admins.me', 'webhooks.ticket']);
    assert.deepEqual(capabilitiesForFindings([]), []);
  });
});
