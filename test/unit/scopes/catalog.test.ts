import assert from 'node:assert/strict';
import {
  CANVAS_KIT_SCOPES, COVERAGE, coveredBy, covers, findScope, scope, SCOPES, SECTIONS, sectionOf,
} from '../../../src/scopes/catalog';

// The two permission tables of Intercom's "Setting up OAuth" guide, copied row by row (the guide itself
// is not in the repository). Note the duplicated news rows and the guide's description of "Read content data".
const PEOPLE: readonly [string, string][] = [
  ['Read and list users and companies', 'List and view all segments, users, companies, and tags'],
  ['Read and write users', 'List all users and execute bulk actions'],
  ['Write users and companies', 'Create and update users, companies, and tags'],
  ['Read one user and one company', 'List and view a single user and company'],
  ['Read tags', 'List all tags'],
  ['Write tags', 'Create, update, use and delete tags'],
  ['Read conversations', 'View conversations'],
  ['Write conversations', 'Reply to, mark as read and close conversations'],
  ['Read events', 'List all events belonging to a user'],
  ['Write events', 'Ability to submit events (i.e. user activity)'],
  ['Read counts', 'Count users and companies with specified criteria'],
  ['Write data attributes', 'Create and update custom data attributes'],
  ['Export message data', 'Export engagement data for messages'],
  ['Export content data', 'Export engagement data for content'],
  ['Read content data', 'Create and update custom data attributes'],
  ['Read tickets', 'View tickets'],
  ['Write tickets', 'Create tickets'],
  ['Read and write custom object instances', 'Create, read, update and delete custom object instances'],
  ['Read status of jobs', 'Read status of jobs enqueued via the API'],
];
const WORKSPACE: readonly [string, string][] = [
  ['Read admins', 'List and view all admins'],
  ['Read one admin', 'View a single admin'],
  ['Update admins', 'Update away mode for admins'],
  ['Read admin activity logs', 'List and view all admins and their activity'],
  ['Read data when entered into the app', 'Gather data via Intercom Apps'],
  ['Read and List news items and newsfeeds', 'List and view all News items and Newsfeeds'],
  ['Read and Write news items and newsfeeds', 'Read, Update and Create news items and newsfeeds'],
  ['Read and List articles', 'List and view all articles'],
  ['Read and Write Articles', 'Read, Update and Create articles'],
  ['Create phone call redirects', 'Create phone call redirects'],
  ['Read and list news items and newsfeeds', 'List and view all News items and Newsfeeds'],
  ['Read and write news items and newsfeeds', 'Read, update and create news items and newsfeeds'],
  ['Read and write AI content', 'Create and update AI content'],
  ['Read data connectors', 'Access data connectors, execution results and execution webhooks'],
  ['Read and write data connectors', 'Configure data connectors and read execution results and execution webhooks'],
];
const GUIDE = [
  ...PEOPLE.map(([label, description]) => ({ label, description, section: 'People & conversation data' })),
  ...WORKSPACE.map(([label, description]) => ({ label, description, section: 'Workspace data' })),
];
/** First occurrence wins: the guide's second news pair only repeats the first with other capitals. */
const PRIMARY = GUIDE.filter((row, i) => GUIDE.findIndex((r) => r.label.toLowerCase() === row.label.toLowerCase()) === i);

suite('scopes catalog', () => {
  test('holds every row of the guide, in its section', () => {
    for (const row of GUIDE) {
      const found = findScope(row.label);
      assert.ok(found, `missing: ${row.label}`);
      assert.equal(sectionOf(found).title, row.section, row.label);
    }
  });

  test('keeps the exact label and description of each primary row', () => {
    for (const row of PRIMARY) {
      const found = findScope(row.label)!;
      assert.equal(found.label, row.label);
      assert.equal(found.description, row.description, row.label);
    }
  });

  test('lists the guide in Developer Hub order, plus "Delete conversations and metrics" after "Write conversations"', () => {
    const expected = PRIMARY.map((r) => r.label);
    expected.splice(expected.indexOf('Write conversations') + 1, 0, 'Delete conversations and metrics');
    assert.deepEqual(SCOPES.map((s) => s.label), expected);
    assert.deepEqual(SCOPES.map((s) => s.order), SCOPES.map((_, i) => i));
    const extra = scope('Delete conversations and metrics');
    assert.equal(extra.description, undefined, 'the guide gives it no description; none is invented');
    assert.equal(extra.section, 'people');
  });

  test('sections come in Developer Hub order with the guide column names', () => {
    assert.deepEqual(SECTIONS.map((s) => [s.title, s.kind]), [
      ['People & conversation data', 'Standard scopes'],
      ['Workspace data', 'Extended scopes'],
    ]);
    const firstWorkspace = SCOPES.findIndex((s) => s.section === 'workspace');
    assert.ok(SCOPES.slice(firstWorkspace).every((s) => s.section === 'workspace'), 'sections are contiguous');
  });

  test('finds scopes by alias, ignoring case and spacing', () => {
    assert.equal(findScope('Gather App data')?.label, 'Read data when entered into the app');
    assert.equal(findScope('Read users and companies')?.label, 'Read and list users and companies');
    assert.equal(findScope('Read and write news items and newsfeeds')?.label, 'Read and Write news items and newsfeeds');
    assert.equal(findScope('  READ   TAGS ')?.label, 'Read tags');
  });

  test('invents nothing for labels the Developer Hub does not have', () => {
    for (const label of ['Read jobs', 'Read content snippets', 'Read API activity logs', 'Read audiences', 'Read']) {
      assert.equal(findScope(label), undefined, label);
    }
    assert.throws(() => scope('Read jobs'), /Not a Developer Hub scope/);
  });

  test('Canvas Kit forces the four scopes the guide names', () => {
    assert.deepEqual(CANVAS_KIT_SCOPES.map((s) => s.label), [
      'Read and list users and companies', 'Read conversations', 'Read admins', 'Read data when entered into the app',
    ]);
  });

  test('coverage: broader scopes cover narrower ones, transitively, never the other way', () => {
    assert.ok(covers(scope('Read admins'), scope('Read one admin')));
    assert.ok(covers(scope('Read admin activity logs'), scope('Read one admin')), 'transitive');
    assert.ok(covers(scope('Read and Write Articles'), scope('Read and List articles')));
    assert.ok(covers(scope('Read and list users and companies'), scope('Read one user and one company')));
    assert.ok(!covers(scope('Read one admin'), scope('Read admins')));
    assert.ok(!covers(scope('Write tags'), scope('Read tags')), '"Create, update, use and delete" says nothing of listing');
    assert.ok(!covers(scope('Write conversations'), scope('Read conversations')));
    assert.equal(coveredBy(scope('Read tickets')).size, 0);
  });

  test('every coverage is marked inferred, explained, and stays within one section', () => {
    assert.ok(COVERAGE.length >= 7);
    for (const c of COVERAGE) {
      assert.equal(c.evidence, 'inferred');
      assert.ok(c.why.length > 10);
      assert.equal(c.broader.section, c.narrower.section, `${c.broader.label} → ${c.narrower.label}`);
      assert.notEqual(c.broader, c.narrower);
    }
  });
});
