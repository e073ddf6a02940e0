import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { operationText } from '../../../src/scopes/operations';
import { scanText } from '../../../src/scopes/scanner';

const PATTERNS = path.resolve(__dirname, '../../../../test/fixtures/scopes/patterns');

/** "line operation → the first permission that suffices" for each request finding of a pattern fixture. */
function permissions(name: string): string[] {
  return scanText(name, fs.readFileSync(path.join(PATTERNS, name), 'utf8')).flatMap((f) =>
    f.kind === 'webhook' ? [] : [`${f.line} ${operationText(f.operation)} → ${f.rules.map((r) => r.anyOf[0]).join(' + ')}`],
  );
}

suite('scopes scanner: a lookup of one user is not a listing', () => {
  test('Go: Users.FindByUserID and FindByEmail need one user; ListByTag lists', () => {
    assert.deepEqual(permissions('lookup.go'), [
      '9 GET /users?user_id={id} → Read one user and one company',
      '13 GET /users?email={id} → Read one user and one company',
      '17 GET /users → Read and list users and companies',
    ]);
  });

  test('PHP: getUsers([\'user_id\' => …]) and get(\'users\', array(\'email\' => …)) need one user; paging and a tag list', () => {
    assert.deepEqual(permissions('lookup.php'), [
      '17 GET /users?user_id={id} → Read one user and one company',
      '22 GET /users?email={id} → Read one user and one company',
      '27 GET /users?page={id}&per_page={id} → Read and list users and companies',
      '32 GET /users?tag_id={id} → Read and list users and companies',
    ]);
  });

  test('JS/TS: get(\'/users\', { params: { email } }) needs one user; paging lists', () => {
    assert.deepEqual(permissions('lookup.ts'), [
      '7 GET /users?email={id} → Read one user and one company',
      '11 GET /users?user_id={id} → Read one user and one company',
      '15 GET /users?page={id}&per_page={id} → Read and list users and companies',
    ]);
  });
});
