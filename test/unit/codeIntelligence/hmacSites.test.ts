import assert from 'node:assert/strict';
import { hmacSites } from '../../../src/codeIntelligence/hmacSites';
import { LineIndex } from '../../../src/codeIntelligence/lines';
import { blankComments } from '../../../src/scopes/comments';
import type { Language } from '../../../src/scopes/source';

const lines = (...l: string[]) => `${l.join('\n')}\n`;

/** The functions hmacSites takes for makers of an HMAC, and the names its sites are at. */
function helpersOf(text: string, lang: Language): { helpers: string[]; sites: string[] } {
  const code = blankComments(text, lang);
  const found = hmacSites(code, lang, new LineIndex(text));
  return { helpers: [...found.helpers], sites: found.sites.map((s) => /^[\w$.:]+/.exec(code.slice(s.at))![0]) };
}

suite('code analysis: the functions that make an HMAC', () => {
  const header = "const HEADER = 'x-hub-signature';";

  test('a function whose body holds the HMAC call is its maker, in each language, and its calls are sites', () => {
    const cases: [Language, string, string][] = [
      ['js', lines(header, 'function sign(body) {', '  const key = secret;', "  return crypto.createHmac('sha1', key).update(body).digest('hex');", '}', 'const ok = sign(raw) === given;'), 'sign'],
      ['js', lines(header, 'const sign = (body) =>', "  crypto.createHmac('sha1', secret).update(body).digest('hex');", 'const ok = sign(raw) === given;'), 'sign'],
      ['js', lines(header, 'class Hooks {', '  digest(body) {', "    return crypto.createHmac('sha1', this.secret).update(body).digest('hex');", '  }', '}'), 'digest'],
      ['python', lines("HEADER = 'X-Hub-Signature'", 'def sign(body):', '    key = secret', '    return hmac.new(key, body, hashlib.sha1).hexdigest()', '', 'ok = sign(raw) == given'), 'sign'],
      ['ruby', lines("HEADER = 'HTTP_X_HUB_SIGNATURE'", 'def sign(body)', "  OpenSSL::HMAC.hexdigest('sha1', secret, body)", 'end', 'ok = sign(raw) == given'), 'sign'],
      ['php', lines('<?php', "$h = 'HTTP_X_HUB_SIGNATURE';", 'function sign($body)', '{', "    return hash_hmac('sha1', $body, SECRET);", '}', '$ok = sign($raw) == $given;'), 'sign'],
      ['go', lines('const header = "X-Hub-Signature"', 'func sign(body []byte) string {', '\tmac := hmac.New(sha1.New, secret)', '\tmac.Write(body)', '\treturn hex.EncodeToString(mac.Sum(nil))', '}'), 'sign'],
    ];
    for (const [lang, text, maker] of cases) {
      const found = helpersOf(text, lang);
      assert.deepEqual(found.helpers, [maker], `${lang}: ${text}`);
    }
    assert.ok(helpersOf(cases[0][1], 'js').sites.includes('sign'));
  });

  test('a function that ended above the HMAC call is not its maker, and its calls are no sites', () => {
    const cases: [Language, string][] = [
      ['js', lines(header, 'function formatRow(row) {', "  return row.join(',');", '}', "app.post('/hooks', (req, res) => {", "  const digest = crypto.createHmac('sha1', secret).update(req.body).digest('hex');", '  res.send(formatRow([digest]));', '});')],
      ['js', lines(header, 'const double = (x) =>', '  x * 2;', "app.post('/hooks', (req, res) => {", "  const digest = crypto.createHmac('sha1', secret).update(req.body).digest('hex');", '});')],
      ['python', lines("HEADER = 'X-Hub-Signature'", 'def format_row(row):', "    return ','.join(row)", '', "digest = hmac.new(secret, body, hashlib.sha1).hexdigest()", 'print(format_row([digest]))')],
      ['ruby', lines("HEADER = 'HTTP_X_HUB_SIGNATURE'", 'def format_row(row)', "  row.join(',')", 'end', "digest = OpenSSL::HMAC.hexdigest('sha1', secret, body)", 'puts format_row([digest])')],
      ['php', lines('<?php', "$h = 'HTTP_X_HUB_SIGNATURE';", 'function formatRow($row) {', "    return implode(',', $row);", '}', "$digest = hash_hmac('sha1', $body, SECRET);", 'echo formatRow([$digest]);')],
      ['go', lines('const header = "X-Hub-Signature"', 'func formatRow(row []string) string {', '\treturn strings.Join(row, ",")', '}', 'var mac = hmac.New(sha1.New, secret)')],
    ];
    for (const [lang, text] of cases) {
      const found = helpersOf(text, lang);
      assert.deepEqual(found.helpers, [], `${lang}: ${text}`);
      assert.deepEqual(found.sites.filter((name) => !/hmac/i.test(name)), [], `${lang}: only the HMAC call is a site`);
    }
  });
});

suite('code analysis: the header an HMAC is for', () => {
  /** The header of each HMAC call (not of its makers' calls) of a JS text. */
  const headersOf = (text: string): (string | undefined)[] =>
    hmacSites(blankComments(text, 'js'), 'js', new LineIndex(text)).sites.filter((s) => s.algorithm).map((s) => s.header);
  const signers = [
    'function signIntercom(body) {',
    "  return `sha1=${createHmac('sha1', secret).update(body).digest('hex')}`;",
    '}',
    'function signSlack(body, timestamp) {',
    "  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;",
    '}',
    ...Array.from({ length: 20 }, (_, i) => `const filler${i} = ${i};`),
  ];

  /** The headers of signIntercom's and signSlack's HMACs, where the file calls them on these lines. */
  const calledOn = (...calls: string[]): (string | undefined)[] => headersOf(lines(...signers, ...calls));

  test('in a function named beside no header, the one named where the function is called', () => {
    assert.deepEqual(calledOn("send({ 'x-hub-signature': signIntercom(raw) });", "send({ 'x-slack-signature': signSlack(raw, now) });"), ['hub', 'other']);
  });

  test('an Intercom header named where it is called wins, and one named around the HMAC comes first', () => {
    assert.deepEqual(calledOn(
      "send({ 'x-slack-signature': signSlack(raw, now), 'x-hub-signature': signSlack(raw, now) });",
      "send({ 'x-slack-signature': signIntercom(raw) });",
    ), ['other', 'hub']);
    assert.deepEqual(headersOf(lines("const HEADER = 'x-hub-signature';", ...signers, "send({ 'x-slack-signature': signSlack(raw, now) });")), ['hub', 'hub']);
  });
});
