// The open-sheet POST is unsigned; instead `user` inside `intercom_data` is encrypted as Intercom documents:
// AES-256-GCM with key = SHA-256(client secret), sent as base64 of IV (12 bytes) ‖ ciphertext ‖ tag (16 bytes).
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;

const keyOf = (clientSecret: string) => createHash('sha256').update(clientSecret).digest();

/** `iv` is for fixed test vectors only: each encryption must use a fresh one. */
export function encryptSheetUser(user: unknown, clientSecret: string, iv: Uint8Array = randomBytes(IV_BYTES)): string {
  if (iv.byteLength !== IV_BYTES) throw new RangeError(`The IV must be ${IV_BYTES} bytes.`);
  const cipher = createCipheriv('aes-256-gcm', keyOf(clientSecret), iv);
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(user), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, ciphertext, cipher.getAuthTag()]).toString('base64');
}

/** The user object back; throws when the text was not encrypted with this secret or was altered. */
export function decryptSheetUser(encrypted: string, clientSecret: string): unknown {
  const bytes = Buffer.from(encrypted, 'base64');
  if (bytes.length < IV_BYTES + TAG_BYTES) throw new Error('Too short to be an encrypted Intercom user.');
  const decipher = createDecipheriv('aes-256-gcm', keyOf(clientSecret), bytes.subarray(0, IV_BYTES));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  const plain = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]);
  return JSON.parse(plain.toString('utf8'));
}
