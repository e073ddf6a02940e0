// Verifying X-Body-Signature in the guide's languages: HMAC-SHA256 of the raw request body (the bytes as
// received, before any JSON parsing, which would change them), keyed with the client secret, compared in
// constant time. Each is a function to call first thing in a Canvas Kit route.

export interface SignatureSnippet {
  readonly id: 'node' | 'python' | 'ruby' | 'php' | 'go';
  /** Shown in the picker: product names, not translated. */
  readonly label: string;
  readonly text: string;
}

const NODE = `import { createHmac, timingSafeEqual } from 'node:crypto';

// rawBody: the request body exactly as received (a Buffer), before any JSON parsing.
// Express: app.post('/submit', express.raw({ type: 'application/json' }), (req, res) => { ... req.body is the Buffer ... })
// header: req.get('X-Body-Signature'); clientSecret: your app's client secret (Developer Hub > Basic info).
export function verifyCanvasKitSignature(rawBody, header, clientSecret) {
  const expected = createHmac('sha256', clientSecret).update(rawBody).digest();
  const received = Buffer.from(typeof header === 'string' ? header : '', 'hex');
  return received.length === expected.length && timingSafeEqual(received, expected);
}
`;

const PYTHON = `import hashlib
import hmac
from typing import Optional


def verify_canvas_kit_signature(raw_body: bytes, header: Optional[str], client_secret: str) -> bool:
    """raw_body: the request body exactly as received, before any JSON parsing.
    Flask: request.get_data(); Django: request.body. header: request.headers.get("X-Body-Signature")."""
    if header is None:
        return False
    expected = hmac.new(client_secret.encode("utf-8"), raw_body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected.encode("ascii"), header.encode("utf-8"))
`;

const RUBY = `require 'openssl'

# raw_body: the request body exactly as received, before any JSON parsing.
# Rails: request.raw_post; Sinatra: request.body.read. header: request.headers['X-Body-Signature'].
def verify_canvas_kit_signature(raw_body, header, client_secret)
  return false if header.nil?

  expected = OpenSSL::HMAC.hexdigest('SHA256', client_secret, raw_body)
  OpenSSL.secure_compare(expected, header)
end
`;

const PHP = `<?php
// $rawBody: the request body exactly as received, before any JSON parsing: file_get_contents('php://input').
// $header: $_SERVER['HTTP_X_BODY_SIGNATURE'] ?? null.
function verify_canvas_kit_signature(string $rawBody, ?string $header, string $clientSecret): bool
{
    if ($header === null) {
        return false;
    }
    return hash_equals(hash_hmac('sha256', $rawBody, $clientSecret), $header);
}
`;

const GO = `package main

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
)

// VerifyCanvasKitSignature checks X-Body-Signature against the raw body, read before any JSON decoding:
// rawBody, err := io.ReadAll(r.Body); header := r.Header.Get("X-Body-Signature").
func VerifyCanvasKitSignature(rawBody []byte, header string, clientSecret string) bool {
	mac := hmac.New(sha256.New, []byte(clientSecret))
	mac.Write(rawBody)
	received, err := hex.DecodeString(header)
	return err == nil && hmac.Equal(received, mac.Sum(nil))
}
`;

export const SIGNATURE_SNIPPETS: readonly SignatureSnippet[] = [
  { id: 'node', label: 'Node.js', text: NODE },
  { id: 'python', label: 'Python', text: PYTHON },
  { id: 'ruby', label: 'Ruby', text: RUBY },
  { id: 'php', label: 'PHP', text: PHP },
  { id: 'go', label: 'Go', text: GO },
];
