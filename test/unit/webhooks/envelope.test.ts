import assert from 'node:assert/strict';
import { TOPIC_RULES } from '../../../src/scopes/topics';
import { PING_TOPIC, buildNotification, newNotificationId, notificationBody } from '../../../src/webhooks/envelope';

const NOW = 1_764_000_000;

suite('webhooks: test notification envelope', () => {
  test('has the documented envelope fields', () => {
    const n = buildNotification('conversation.user.created', { appId: 'abc123', now: NOW });
    assert.equal(n.type, 'notification_event');
    assert.match(n.id, /^notif_[0-9a-f]{24}$/);
    assert.equal(n.topic, 'conversation.user.created');
    assert.equal(n.app_id, 'abc123');
    assert.equal(n.data.type, 'notification_event_data');
    assert.equal(n.created_at, NOW);
    assert.equal(n.first_sent_at, NOW);
    assert.equal(n.delivery_attempts, 1);
  });

  test('data.item is shaped like the topic\'s object', () => {
    const item = (topic: string) => buildNotification(topic, { appId: 'a', now: NOW }).data.item;
    assert.equal(item('conversation.admin.replied').type, 'conversation');
    assert.equal(item('contact.user.created').type, 'contact');
    assert.equal(item('contact.user.created').role, 'user');
    assert.equal(item('visitor.signed_up').type, 'visitor');
    assert.equal(item('ticket.created').type, 'ticket');
    assert.equal(item('company.updated').type, 'company');
    assert.equal(item('admin.logged_in').type, 'admin');
    assert.equal(item(PING_TOPIC).type, 'ping');
  });

  test('every catalog topic gets a group sample, not the bare fallback', () => {
    for (const { topic } of TOPIC_RULES) {
      const item = buildNotification(topic, { appId: 'a', now: NOW }).data.item;
      assert.equal(typeof item.type, 'string', topic);
      assert.ok(Object.keys(item).length > 1, `${topic}: ${JSON.stringify(item)}`);
    }
    assert.deepEqual(Object.keys(buildNotification('made.up', { appId: 'a', now: NOW }).data.item), ['type']);
  });

  test('ids are fresh unless given; attempt is kept; the body round-trips', () => {
    assert.notEqual(newNotificationId(), newNotificationId());
    const n = buildNotification('ping', { appId: 'a', now: NOW, id: 'notif_fixed', attempt: 3 });
    assert.equal(n.id, 'notif_fixed');
    assert.equal(n.delivery_attempts, 3);
    assert.deepEqual(JSON.parse(notificationBody(n)), n);
  });
});
