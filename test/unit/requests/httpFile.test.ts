import assert from 'node:assert/strict';
import { httpFile } from '../../../src/requests/httpFile';
import { fillPath } from '../../../src/explorer/call';
import { prepareRequest } from '../../../src/requests/request';

/** The file variables (`@name = value`) and the request block after them. */
function parse(text: string) {
  const lines = text.split('\n');
  const variables = Object.fromEntries(lines.filter((l) => l.startsWith('@')).map((l) => l.slice(1).split(' = ') as [string, string]));
  const start = lines.findIndex((l) => /^[A-Z]+ /.test(l));
  const blank = lines.indexOf('', start);
  return { variables, requestLine: lines[start], headers: lines.slice(start + 1, blank), body: lines.slice(blank + 1).join('\n').trim() };
}

suite('.http request file', () => {
  test('host, version and token are variables; the token variable reads the environment', () => {
    const text = httpFile(prepareRequest({ call: { method: 'GET', path: fillPath('/contacts/{id}', { id: '42 a' }), query: { per_page: '5' } }, apiBase: 'https://api.eu.intercom.io/', version: '2.16' }), { title: 'retrieveContact' });
    const { variables, requestLine, headers, body } = parse(text);
    assert.deepEqual(variables, { host: 'https://api.eu.intercom.io', version: '2.16', token: '{{$processEnv INTERCOM_ACCESS_TOKEN}}' });
    assert.equal(requestLine, 'GET {{host}}/contacts/42%20a?per_page=5');
    assert.deepEqual(headers, ['Authorization: Bearer {{token}}', 'Accept: application/json', 'Intercom-Version: {{version}}']);
    assert.equal(body, '');
    assert.match(text, /^# retrieveContact: GET \/contacts\/42%20a\?per_page=5$/m);
  });

  test('a write carries Content-Type and the JSON body; `{{` inside a string cannot become a variable', () => {
    const sent = { email: 'h@hogwarts.example', note: 'say {{token}} or {{$processEnv HOME}}', tags: [{ id: 1 }] };
    const text = httpFile(prepareRequest({ call: { method: 'POST', path: '/contacts', query: {}, body: sent }, apiBase: 'https://api.intercom.io', version: '2.15' }), { title: 'createContact', reference: 'https://developers.intercom.com/docs/references/rest-api/api.intercom.io/contacts/createcontact' });
    const { requestLine, headers, body } = parse(text);
    assert.equal(requestLine, 'POST {{host}}/contacts');
    assert.ok(headers.includes('Content-Type: application/json'));
    assert.doesNotMatch(body, /\{\{/, 'no variable in the body');
    assert.deepEqual(JSON.parse(body), sent, 'the same JSON value');
    assert.match(text, /^# https:\/\/developers\.intercom\.com\/\S+createcontact$/m);
  });

  test('no line can be injected through the version or the title', () => {
    const text = httpFile(prepareRequest({ call: { method: 'GET', path: '/me', query: {} }, apiBase: 'https://api.intercom.io', version: '2.16\n@token = stolen' }), { title: 'x\nGET https://evil.example' });
    assert.deepEqual(parse(text).variables.token, '{{$processEnv INTERCOM_ACCESS_TOKEN}}');
    assert.doesNotMatch(text, /^GET https:/m);
  });
});
