import assert from 'node:assert/strict';
import { scope } from '../../../src/scopes/catalog';
import { grantedButUnneeded, renderScopeCheck } from '../../../src/scopes/checkReport';
import { classifyProbe } from '../../../src/scopes/probe';

suite('Scope check report', () => {
  const forbidden = { type: 'error.list', errors: [{ code: 'forbidden', message: 'You do not have the required scope (read_conversations) to access this resource' }] };

  test('marks granted, missing and unknown, and flags a needed scope the token lacks', () => {
    const lines = renderScopeCheck({
      workspace: 'Hogwarts (drzzt019)',
      checks: [
        { scope: scope('Read admins'), path: '/admins', result: classifyProbe(200, {}) },
        { scope: scope('Read conversations'), path: '/conversations?per_page=1', result: classifyProbe(403, forbidden) },
        { scope: scope('Read tags'), path: '/tags', result: classifyProbe(500, undefined) },
      ],
      uncheckable: [{ scope: scope('Write tags'), reason: 'a check would have to write' }],
      needed: new Set(['Read conversations', 'Read admins']),
    });
    const text = lines.join('\n');
    assert.match(text, /## Checked against Hogwarts \(drzzt019\)/);
    assert.match(text, /\| Read admins \| yes \| ✓ granted \| `GET \/admins` \|/);
    assert.match(text, /\| Read conversations \| yes \| ✗ missing \| `GET \/conversations` \|/);
    assert.match(text, /\| Read tags \| no \| \? unknown \|/);
    assert.doesNotMatch(text, /\p{Extended_Pictographic}/u, 'plain-text marks: no emoji font needed');
    assert.match(text, /The token lacks a permission this checklist needs:\*\* Read conversations\./);
    assert.match(text, /- Write tags — a check would have to write/);
  });

  test('what to untick: the permissions found granted that the checklist does not need', () => {
    const checks = [
      { scope: scope('Read admins'), path: '/admins', result: classifyProbe(200, {}) },
      { scope: scope('Read tags'), path: '/tags', result: classifyProbe(200, {}) },
      { scope: scope('Read conversations'), path: '/conversations', result: classifyProbe(403, forbidden) },
    ];
    assert.deepEqual(grantedButUnneeded(checks, new Set(['Read admins'])), ['Read tags']);
  });

  test('no warning when every needed scope is granted; an early stop is said', () => {
    const text = renderScopeCheck({
      workspace: 'W',
      checks: [{ scope: scope('Read admins'), path: '/admins', result: classifyProbe(200, {}) }],
      uncheckable: [],
      needed: new Set(['Read admins']),
      stoppedBecause: 'cancelled.',
    }).join('\n');
    assert.doesNotMatch(text, /lacks/);
    assert.match(text, /_The check stopped early: cancelled\._/);
  });
});
