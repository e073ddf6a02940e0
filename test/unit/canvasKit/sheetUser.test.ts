// The fixed vector was made once with python's `cryptography` (AESGCM, backed by OpenSSL), independent of
// node's crypto: key = sha256(b"sandbox-secret"), IV = 00 01 … 0b, plaintext = the JSON of USER below as
// JSON.stringify writes it; printed base64(iv + AESGCM(key).encrypt(iv, plaintext, None)).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { decryptSheetUser, encryptSheetUser } from '../../../src/canvasKit/sheetUser';

const SECRET = 'sandbox-secret';
const USER = { type: 'user', id: '5f7a1c0b', email: 'hermione@hogwarts.example', name: 'Hermione Granger é😀' };
const IV = Buffer.from('000102030405060708090a0b', 'hex');
const VECTOR = 'AAECAwQFBgcICQoLg7b6rwguL9qP5Q+kUf0rt9aWSTf5su6SqBCFMS8mDxFFyE8ezFergVfWl8/KGxCUvz2eSRf1D1Yi9IjmEWUdtKvHA2hlSLov8zp96Y+jzBYMSSHX8cuO8LcwXhQ2BSUeL/4s9tLbXHcpAo+5FW94f1rNzrQ=';

const hasPythonCryptography = () => spawnSync('python3', ['-c', 'import cryptography'], { stdio: 'ignore' }).status === 0;

suite('canvas kit: the sheet user (AES-256-GCM)', () => {
  test('encrypts to the independent vector: base64 of IV ‖ ciphertext ‖ tag, key = SHA-256 of the client secret', () => {
    assert.equal(encryptSheetUser(USER, SECRET, IV), VECTOR);
  });

  test('decrypts the independent vector', () => {
    assert.deepEqual(decryptSheetUser(VECTOR, SECRET), USER);
  });

  test('a fresh IV each time; another secret or one altered byte fails to decrypt', () => {
    const a = encryptSheetUser(USER, SECRET);
    assert.notEqual(a, encryptSheetUser(USER, SECRET));
    assert.throws(() => decryptSheetUser(a, 'other-secret'));
    const bytes = Buffer.from(a, 'base64');
    bytes[20] ^= 1;
    assert.throws(() => decryptSheetUser(bytes.toString('base64'), SECRET));
    assert.throws(() => decryptSheetUser('c2hvcnQ=', SECRET), /Too short/);
  });

  test('python (cryptography) decrypts what we encrypt, the way the docs tell apps to', function () {
    if (!hasPythonCryptography()) {
      console.log('      skipped: python3 with cryptography is not installed');
      this.skip();
    }
    const script = [
      'import base64, hashlib, sys',
      'from cryptography.hazmat.primitives.ciphers.aead import AESGCM',
      'raw = base64.b64decode(sys.argv[1])',
      'key = hashlib.sha256(sys.argv[2].encode()).digest()',
      'sys.stdout.buffer.write(AESGCM(key).decrypt(raw[:12], raw[12:], None))',
    ].join('\n');
    const r = spawnSync('python3', ['-c', script, encryptSheetUser(USER, SECRET), SECRET], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), USER);
  });
});
