// Fake Intercom: a real HTTP server on 127.0.0.1 that behaves as Intercom's docs say (quirks included),
// controlled per test from code. Node built-ins only; used by unit, extension-host and E2E tests and by
// `npm start` (cli.ts). Facts it follows: ../shared/reference/intercom-facts.md and intercom-setting-up-oauth.md.
//
//   const fake = await FakeIntercom.start();            // { port?, consent?, nextGrant?, clients?, now?, rateLimit? }
//   fake.url                                             // "http://127.0.0.1:PORT" — both app and API base
//   fake.addClient({ clientId, clientSecret, redirectUrls, appName? });
//   fake.consent = 'page' | 'approve' | 'deny';          // 'approve'/'deny': GET /oauth redirects at once
//   fake.nextGrant = europeWorkspace({ me: { email_verified: null }, scopes: [SCOPES.readAdmins] });
//   fake.createCode(clientId, { redirectUri?, profile? }) // a code without a browser
//   fake.expireCodes(); fake.advanceClock(ms); fake.now();
//   fake.addToken(token?, profile?, scopes?) → token;    // Access Token of a private app (default: US sample, all scopes)
//   fake.tokenInfo(token) → { token, kind, profile (live), revoked, clientId? };  fake.issuedTokens
//   fake.isRevoked(token); fake.revoke(token);
//   fake.failNext('GET /me', Faults.rateLimit({ retryAfter: null }), times = 1);  // route '*' = any route
//        Faults.error(status, code?, message?) · serverError(500|502|503) · rateLimit({ retryAfter?, resetIn?, limit?,
//        remaining? }) (null leaves a header out) · delay(ms, then?) · invalidJson() · html(502) · reset() · hang()
//        · redirect(location, 307) · hugeBody({ bytes?, declareLength? }) · stallBody() · echoSecrets(401)
//   fake.clearFaults(); fake.rateLimit = { limit, windowSeconds };
//   fake.count('GET /me'); fake.count(); fake.requests; fake.requestsTo(route); fake.lastRequest(route?)
//   fake.serveStatic('/bridge/', html, contentType?) → url
//   fake.reset();                                        // faults, counters, log, codes, clock, consent, nextGrant, rateLimit
//   await fake.close();
//
// Webhooks (deliverer.ts): deliverNotification({ url, topic, secret, flaw?, copies?, retryDelaysMs? }) →
//   one report per copy { id, body, signature, attempts: [{ attempt, status | error }], delivered }.
//   flaw: 'none' | 'badSignature' | 'sha256' | 'reserialised' | 'unsigned'. Retries after a non-2xx or no answer.
//   deliverSamplesWhenListening(url, secret, report) → stop(): `npm start` sends SAMPLE_DELIVERIES whenever the
//   receiver comes up.
//
// Routes
//   GET  /oauth?client_id&state&redirect_uri  unknown client or unregistered redirect_uri → 400 page; else the
//                                             consent page "Intercom – Authorize <app>" (buttons "Authorize access",
//                                             "Cancel" POST to /oauth/decision), or an immediate redirect (consent).
//        approve → 302 redirect_uri + code (contains '+', '/', ends '=') + state; deny → error=access_denied,
//        error_description, state. Parameters are merged with URL.searchParams.
//   POST /auth/eagle/token   form or JSON {code, client_id, client_secret}; codes single use, 5 minutes;
//                            any failure → 401 error.list [{unauthorized, "Unauthorized Code"}];
//                            200 {token_type:"Bearer", token, access_token}.
//   GET  /me                 Bearer (or Basic token:); the token's profile.me; image_url "/…" made absolute.
//                            401 unauthorized "Access Token Invalid"; revoked → 401 token_revoked.
//   POST /auth/uninstall     revokes → 200 {}.
//   GET  /admins /admins/activity_logs /contacts /companies /conversations /tickets /ticket_types /articles
//        /tags /counts /news/news_items /data_connectors → 200 small list, or 403 forbidden
//        "You do not have the required scope (<scope>) to access this resource" (table: scopes.ts).
//   GET  /avatars/<id>.png   a small PNG.      Anything else: 404 error.list not_found (or a static page).
// API routes answer JSON with X-Request-Id and X-RateLimit-Limit/-Remaining/-Reset; beyond rateLimit.limit
// requests per window they answer 429 rate_limit_exceeded (no Retry-After, like Intercom).

export { FakeIntercom, normalizeRoute, type StartOptions } from './server';
export { Faults } from './faults';
export { SAMPLE_DELIVERIES, deliverNotification, deliverSamplesWhenListening, type DeliveryFlaw, type DeliveryOptions, type DeliveryReport } from './deliverer';
export { auWorkspace, applyPatch, cloneProfile, europeWorkspace, usWorkspace } from './profiles';
export { ALL_SCOPES, ROUTE_SCOPES, SCOPES, scopeMessage } from './scopes';
export { CODE_LIFETIME_MS } from './state';
export { ACCESS_TOKEN_INVALID, TOKEN_REVOKED } from './routes/api';
export { DENIED_DESCRIPTION, UNAUTHORIZED_CODE } from './routes/oauth';
export type {
  ClientRegistration, ConsentMode, Fault, Loose, MeBody, ProfilePatch, RateLimitSettings, RecordedRequest, Region,
  TokenInfo, WorkspaceProfile,
} from './types';
