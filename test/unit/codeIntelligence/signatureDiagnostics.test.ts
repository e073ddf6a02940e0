import assert from 'node:assert/strict';
import { analyze, applyFix, flagged, only } from './documents';

const lines = (...l: string[]) => `${l.join('\n')}\n`;

suite('code analysis: signature checks done wrong', () => {
  suite('an HMAC over a re-serialised body', () => {
    test('JS/TS: JSON.stringify(req.body) fed to the HMAC, directly or through a variable', () => {
      const direct = lines(
        "app.post('/hooks', (req, res) => {",
        "  const signature = req.headers['x-hub-signature'];",
        "  const digest = 'sha1=' + crypto.createHmac('sha1', secret).update(JSON.stringify(req.body)).digest('hex');",
        '  if (!crypto.timingSafeEqual(Buffer.from(digest), Buffer.from(signature))) return res.sendStatus(401);',
        '});',
      );
      const d = only(analyze('hooks.ts', direct), 'intercom.signature-reserialised');
      assert.equal(d.severity, 'warning');
      assert.deepEqual(flagged(direct, analyze('hooks.ts', direct), 'intercom.signature-reserialised'), ['JSON.stringify(req.body)']);
      assert.match(d.reason, /#signature-checks-in-the-code$/);
      const viaVariable = direct.replace("update(JSON.stringify(req.body))", 'update(payload)').replace('  const digest', '  const payload = JSON.stringify(req.body);\n  const digest');
      assert.deepEqual(flagged(viaVariable, analyze('hooks.ts', viaVariable), 'intercom.signature-reserialised'), ['JSON.stringify(req.body)']);
      // Vercel and Next.js hand a parsed body: the branch that serialises it again is the one that runs.
      const branch = viaVariable.replace('const payload = JSON.stringify(req.body);', "const payload = typeof req.body === 'string' ? req.body : JSON.stringify(req.body);");
      assert.deepEqual(flagged(branch, analyze('hooks.ts', branch), 'intercom.signature-reserialised'), ['JSON.stringify(req.body)']);
      // Assigned something else after the serialisation, the variable fed to the HMAC is not it.
      const other = viaVariable.replace('const payload = JSON.stringify(req.body);', 'const payload = raw, logged = JSON.stringify(req.body);');
      assert.deepEqual(flagged(other, analyze('hooks.ts', other), 'intercom.signature-reserialised'), []);
    });

    test('Python, Ruby, PHP and Go: json.dumps(request.json), params.to_json, json_encode($request->all()), json.Marshal', () => {
      const py = lines(
        'import hashlib, hmac, json',
        "sig = request.headers.get('X-Hub-Signature')",
        "expected = 'sha1=' + hmac.new(secret, json.dumps(request.json).encode(), hashlib.sha1).hexdigest()",
        'if not hmac.compare_digest(expected, sig): abort(401)',
      );
      assert.deepEqual(flagged(py, analyze('hooks.py', py), 'intercom.signature-reserialised'), ['json.dumps(request.json)']);
      const rb = lines(
        "signature = request.env['HTTP_X_HUB_SIGNATURE']",
        "expected = 'sha1=' + OpenSSL::HMAC.hexdigest('sha1', secret, params.to_json)",
        'halt 401 unless Rack::Utils.secure_compare(expected, signature)',
      );
      assert.deepEqual(flagged(rb, analyze('hooks.rb', rb), 'intercom.signature-reserialised'), ['.to_json']);
      const php = lines(
        '<?php',
        "$signature = $_SERVER['HTTP_X_HUB_SIGNATURE'];",
        "$expected = 'sha1=' . hash_hmac('sha1', json_encode($request->all()), $secret);",
        'if (!hash_equals($expected, $signature)) abort(401);',
      );
      assert.deepEqual(flagged(php, analyze('hooks.php', php), 'intercom.signature-reserialised'), ['json_encode($request->all())']);
      const go = lines(
        'func hook(w http.ResponseWriter, r *http.Request) {',
        '\tsig := r.Header.Get("X-Hub-Signature")',
        '\tbody, _ := json.Marshal(payload)',
        '\tmac := hmac.New(sha1.New, []byte(secret))',
        '\tmac.Write(body)',
        '\tif !hmac.Equal([]byte(sig), mac.Sum(nil)) { w.WriteHeader(401) }',
        '}',
      );
      assert.deepEqual(flagged(go, analyze('hooks.go', go), 'intercom.signature-reserialised'), ['json.Marshal(payload)']);
    });

    test('through a copy: the serialised text encoded into another name, then fed to the HMAC', () => {
      const py = lines(
        'def verify(body, header, secret):',
        '    signature = header["X-Hub-Signature"]',
        '    data_str = json.dumps(body)',
        '    data_bytes = data_str.encode("utf-8")',
        '    local = hmac.new(secret.encode("utf-8"), msg=data_bytes, digestmod=hashlib.sha1)',
        '    return hmac.compare_digest(local.hexdigest(), signature)',
      );
      assert.deepEqual(flagged(py, analyze('intercom.py', py), 'intercom.signature-reserialised'), ['json.dumps(body)']);
      const js = lines(
        "const signature = req.headers['x-hub-signature'];",
        'const text = JSON.stringify(req.body);',
        "const bytes = Buffer.from(text, 'utf8');",
        "const digest = crypto.createHmac('sha1', secret).update(bytes).digest('hex');",
      );
      assert.deepEqual(flagged(js, analyze('hook.js', js), 'intercom.signature-reserialised'), ['JSON.stringify(req.body)']);
      // A copy the HMAC is not fed: the log line's.
      const logged = js.replace("const bytes = Buffer.from(text, 'utf8');", "const line = 'got ' + text;").replace('update(bytes)', 'update(req.rawBody)');
      assert.deepEqual(flagged(logged, analyze('hook.js', logged), 'intercom.signature-reserialised'), []);
    });

    test('a signature check named after what it does, whose HMAC lives elsewhere, fed JSON.stringify(req.body)', () => {
      const text = lines(
        "const signature = req.headers['x-body-signature'];",
        'if (!signatureValidator(JSON.stringify(req.body), signature)) return res.sendStatus(401);',
      );
      assert.deepEqual(flagged(text, analyze('canvas.ts', text), 'intercom.signature-reserialised'), ['JSON.stringify(req.body)']);
    });

    test('not flagged: the raw body in each language, serialising for a log, a sender signing what it sends', () => {
      const none = (file: string, text: string) => assert.deepEqual(analyze(file, text).diagnostics, [], text);
      none('a.ts', lines("const sig = req.headers['x-hub-signature'];", "console.log(JSON.stringify(req.body));", "const digest = crypto.createHmac('sha1', secret).update(req.rawBody).digest('hex');", 'ok = crypto.timingSafeEqual(Buffer.from(digest), Buffer.from(sig));'));
      none('a.py', lines("sig = request.headers.get('X-Hub-Signature')", "ok = hmac.compare_digest(sig, 'sha1=' + hmac.new(key, request.get_data(), hashlib.sha1).hexdigest())"));
      none('a.rb', lines("sig = request.env['HTTP_X_HUB_SIGNATURE']", "ok = Rack::Utils.secure_compare(sig, 'sha1=' + OpenSSL::HMAC.hexdigest('sha1', key, request.body.read))"));
      none('a.php', lines('<?php', "$sig = $_SERVER['HTTP_X_HUB_SIGNATURE'];", "$ok = hash_equals('sha1=' . hash_hmac('sha1', file_get_contents('php://input'), $key), $sig);"));
      none('a.go', lines('sig := r.Header.Get("X-Hub-Signature")', 'body, _ := ioutil.ReadAll(r.Body)', 'mac := hmac.New(sha1.New, key)', 'mac.Write(body)', 'ok := hmac.Equal([]byte(sig), mac.Sum(nil))'));
      // The raw body handed to the check is request.data, a member: the parsed JSON read into `data` after it is not fed.
      none('hook.py', lines(
        'def verify(body, signature):',
        "    expected = 'sha1=' + hmac.new(SECRET, body, hashlib.sha1).hexdigest()",
        '    return hmac.compare_digest(expected, signature)',
        '',
        '@app.route("/webhook/intercom", methods=["POST"])',
        'def webhook():',
        '    signature = request.headers.get("X-Hub-Signature", "")',
        '    if not verify(request.data, signature):',
        '        abort(401)',
        '    data = request.json',
      ));
      // A test sender signs the JSON it sends: right, and it reads no signature.
      none('send.js', lines('const body = JSON.stringify(payload);', "const sig = 'sha1=' + crypto.createHmac('sha1', secret).update(body).digest('hex');", "await fetch(url, { method: 'POST', body, headers: { 'X-Hub-Signature': sig } });"));
      // Test code signs the delivery it builds and hands over, though its fake request answers for X-Hub-Signature.
      const spec = lines(
        "const fakeRequest = (signature) => ({ header: (key) => (key === 'X-Hub-Signature' ? signature : null) });",
        "it('accepts a signed delivery', () => {",
        "  const body = JSON.stringify({ topic: 'ping' });",
        "  const req = fakeRequest('sha1=' + crypto.createHmac('sha1', secret).update(body).digest('hex'));",
        '  expect(() => verifyHmac(secret)(req, {}, Buffer.from(body))).not.to.throw();',
        '});',
      );
      none('test/middlewareTest.js', spec);
      none('spec/hooks_spec.rb', lines('def signed', "  \"sha1=#{OpenSSL::HMAC.hexdigest('SHA1', secret, body.to_json)}\"", 'end', "header 'X-Hub-Signature', signed"));
      assert.deepEqual(flagged(spec, analyze('src/middleware.js', spec), 'intercom.signature-reserialised'), ['JSON.stringify({ topic: \'ping\' })'], 'outside test code it is flagged');
    });
  });

  suite('an Intercom receiver reading GitHub\'s X-Hub-Signature-256', () => {
    test('flagged where the lines around name Intercom or one of its topics, in each language', () => {
      const route = lines(
        "app.post('/webhooks/intercom', express.raw({ type: 'application/json' }), (req, res) => {",
        "  const signature = req.headers['x-hub-signature-256'];",
        "  if (!verifySignature(req.body, signature)) return res.sendStatus(401);",
        '  res.sendStatus(200);',
        '});',
      );
      const d = only(analyze('hooks.js', route), 'intercom.signature-header');
      assert.equal(d.severity, 'warning');
      assert.match(d.message, /^Intercom sends no X-Hub-Signature-256: it signs webhook notifications in X-Hub-Signature \(sha1=…/);
      assert.match(d.reason, /#signature-checks-in-the-code$/);
      assert.deepEqual(flagged(route, analyze('hooks.js', route), 'intercom.signature-header'), ["'x-hub-signature-256'"]);
      const topic = lines(
        '@app.post("/hooks")',
        'async def hooks(request: Request):',
        '    signature = request.headers.get("X-Hub-Signature-256", "")',
        '    event = json.loads(await request.body())',
        '    if event["topic"] == "conversation.user.replied":',
        '        await forward(event)',
      );
      assert.deepEqual(flagged(topic, analyze('hooks.py', topic), 'intercom.signature-header'), ['"X-Hub-Signature-256"']);
      const php = lines('<?php', 'function handle_intercom_webhook() {', "  $signature = $_SERVER['HTTP_X_HUB_SIGNATURE_256'] ?? '';", '}');
      assert.deepEqual(flagged(php, analyze('hooks.php', php), 'intercom.signature-header'), ["'HTTP_X_HUB_SIGNATURE_256'"]);
      // A comment naming Intercom is no evidence: comments are not read.
      const comment = php.replace('handle_intercom_webhook', 'handle_webhook').replace('<?php', '<?php\n// Intercom');
      assert.deepEqual(flagged(comment, analyze('hooks.php', comment), 'intercom.signature-header'), []);
    });

    test('flagged where the file\'s path is Intercom\'s route (app/api/webhooks/intercom/route.ts), not where it also names GitHub', () => {
      const handler = lines(
        'export async function POST(req: Request) {',
        '  const rawBody = await req.text();',
        "  const signature = req.headers.get('x-hub-signature-256');",
        '  return new Response(verify(rawBody, signature) ? null : "Invalid signature", { status: verify(rawBody, signature) ? 200 : 401 });',
        '}',
      );
      assert.deepEqual(flagged(handler, analyze('src/app/api/webhooks/intercom/route.ts', handler), 'intercom.signature-header'), ["'x-hub-signature-256'"]);
      assert.deepEqual(flagged(handler, analyze('src/app/api/webhooks/github/route.ts', handler), 'intercom.signature-header'), []);
      assert.deepEqual(flagged(handler, analyze('src/app/api/intercom-sync/github/route.ts', handler), 'intercom.signature-header'), []);
    });

    test('not flagged: GitHub\'s or Meta\'s receiver in a file that talks to Intercom, a header the file sends, X-Hub-Signature, or both read', () => {
      const none = (file: string, text: string) => assert.deepEqual(flagged(text, analyze(file, text), 'intercom.signature-header'), [], text);
      const github = lines(
        "const intercom = new IntercomClient({ token: process.env.INTERCOM_ACCESS_TOKEN });",
        ...Array.from({ length: 8 }, (_, i) => `const step${i} = ${i};`),
        "app.post('/github', (req, res) => {",
        "  const signature = req.headers['x-hub-signature-256'];",
        '  res.sendStatus(verify(req.body, signature) ? 200 : 401);',
        '});',
      );
      none('bridge.js', github);
      none('bridge.js', lines('// Intercom conversations from Facebook pages', "app.post('/webhook/facebook', (req, res) => {", "  const signature = req.headers['x-hub-signature-256'];", '});'));
      none('send.js', lines('// Intercom test sender', "await fetch(url, { method: 'POST', headers: { 'X-Hub-Signature-256': sig }, body });"));
      none('hooks.js', lines("app.post('/webhooks/intercom', (req, res) => {", "  const signature = req.headers['x-hub-signature'];", '});'));
      // Read as a fallback beside X-Hub-Signature: Intercom's deliveries are still checked.
      none('hooks.js', lines("app.post('/webhooks/intercom', (req, res) => {", "  const signature = req.headers['x-hub-signature'];", "  const signature256 = req.headers['x-hub-signature-256'];", '});'));
    });
  });

  suite('the wrong hash for the header', () => {
    test('SHA-256 for X-Hub-Signature: a quick fix to SHA-1 where the name is a string or a hashlib name', () => {
      // The file's path or text names Intercom (a comment, one of its topics): the header is Intercom's.
      const js = lines("const sig = req.headers['x-hub-signature'];", "const digest = crypto.createHmac('sha256', secret).update(req.rawBody).digest('hex');");
      const d = only(analyze('webhooks/intercom.js', js), 'intercom.signature-algorithm');
      assert.equal(d.message, 'Intercom signs webhook notifications (X-Hub-Signature) with HMAC-SHA1: an HMAC-SHA256 never matches.');
      assert.match(applyFix(js, d.fixes[0]), /createHmac\('sha1', secret\)/);
      const py = lines('# Intercom webhook notifications', "sig = request.headers.get('X-Hub-Signature')", 'digest = hmac.new(key, body, hashlib.sha256).hexdigest()');
      assert.match(applyFix(py, only(analyze('a.py', py), 'intercom.signature-algorithm').fixes[0]), /hashlib\.sha1\)/);
      const rb = lines("sig = request.env['HTTP_X_HUB_SIGNATURE']", "digest = OpenSSL::HMAC.hexdigest('SHA256', key, body)", "handle(payload) if payload['topic'] == 'conversation.user.created'");
      assert.match(applyFix(rb, only(analyze('a.rb', rb), 'intercom.signature-algorithm').fixes[0]), /hexdigest\('SHA1', key, body\)/);
      const go = lines('sig := r.Header.Get("X-Hub-Signature")', 'mac := hmac.New(sha256.New, key)');
      assert.deepEqual(only(analyze('intercom/hook.go', go), 'intercom.signature-algorithm').fixes, [], 'the import would change too');
      // Web Crypto (Workers, Deno): the HMAC key's hash, spelled as Web Crypto names it.
      const subtle = lines(
        "const signature = request.headers.get('X-Hub-Signature');",
        "const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);",
        "const mac = await crypto.subtle.sign('HMAC', key, encoder.encode(body));",
      );
      const webCrypto = only(analyze('intercom-worker.ts', subtle), 'intercom.signature-algorithm');
      assert.equal(webCrypto.fixes[0].title, 'Use SHA-1');
      assert.match(applyFix(subtle, webCrypto.fixes[0]), /hash: 'SHA-1' \}/);
      const aes = subtle.replace("{ name: 'HMAC', hash: 'SHA-256' }", "{ name: 'AES-GCM' }").replace("sign('HMAC'", "encrypt({ name: 'AES-GCM', iv }");
      assert.deepEqual(flagged(aes, analyze('intercom-worker.ts', aes), 'intercom.signature-algorithm'), [], 'a key for another algorithm');
      const prefixed = lines("const sig = req.headers['x-hub-signature'];", "const digest = 'sha256=' + crypto.createHmac('sha256', secret).update(req.rawBody).digest('hex');");
      assert.deepEqual(only(analyze('intercom.js', prefixed), 'intercom.signature-algorithm').fixes, [], 'the sha256= prefix would change too');
    });

    test('SHA-1 for Canvas Kit\'s X-Body-Signature', () => {
      const php = lines('<?php', "$sig = $_SERVER['HTTP_X_BODY_SIGNATURE'];", "$digest = hash_hmac('sha1', file_get_contents('php://input'), $secret);");
      const d = only(analyze('canvas.php', php), 'intercom.signature-algorithm');
      assert.equal(d.message, 'Canvas Kit signs its requests (X-Body-Signature) with HMAC-SHA256: an HMAC-SHA1 never matches.');
      assert.match(applyFix(php, d.fixes[0]), /hash_hmac\('sha256',/);
    });

    test('not flagged: the right hash for each header, GitHub\'s X-Hub-Signature-256, an HMAC for another purpose', () => {
      const none = (file: string, text: string) => assert.deepEqual(flagged(text, analyze(file, text), 'intercom.signature-algorithm'), [], text);
      none('a.js', lines("const sig = req.headers['x-hub-signature'];", "createHmac('sha1', secret)"));
      none('a.js', lines("const sig = req.headers['x-body-signature'];", "createHmac('sha256', secret)"));
      none('a.py', lines('# Intercom', "sig = request.headers.get('X-Hub-Signature-256')", 'digest = hmac.new(key, body, hashlib.sha256)'));
      none('a.py', lines('# Intercom identity verification', 'user_hash = hmac.new(secret, user_id.encode(), hashlib.sha256).hexdigest()'));
      // X-Hub-Signature is WebSub's header: Jira signs it with SHA-256. A file naming no Intercom is another sender's receiver.
      none('webhook/jira-webhook-routing.ts', lines(
        "const signature = headers['x-hub-signature'];",
        "const calculated = `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;",
        'if (!timingSafeEqual(Buffer.from(calculated), Buffer.from(signature))) return res.status(401).send();',
      ));
      // Identity verification's user_hash in a file that also receives webhooks, its function far from the header.
      const messenger = lines(
        'def receive(self):',
        "    received = request.headers.get('x-hub-signature')",
        '    mac = hmac.new(self.hub_secret.encode(), request.data, hashlib.sha1).hexdigest()',
        '    return hmac.compare_digest(mac, received)',
        ...Array.from({ length: 16 }, (_, i) => `STEP_${i} = ${i}`),
        'def _user_hash(self, user_id):',
        '    return hmac.new(self.secret_key.encode(), str(user_id).encode(), hashlib.sha256).hexdigest()',
      );
      none('ext.py', messenger);
      none('ext.js', lines("const sig = req.headers['x-hub-signature'];", "const userHash = crypto.createHmac('sha256', IDENTITY_SECRET).update(user.id).digest('hex');"));
      // One check for both headers: each branch its hash, or the hash chosen at run time.
      none('verify.ts', lines(
        'const hub = req.headers.get("X-Hub-Signature");',
        'const body = req.headers.get("X-Body-Signature");',
        'if (hub) {',
        '  want = "sha1=" + crypto.createHmac("sha1", secret).update(raw).digest("hex");',
        '} else if (body) {',
        '  want = crypto.createHmac("sha256", secret).update(raw).digest("hex");',
        '} else {',
        '  throw new Error("Missing X-Hub-Signature or X-Body-Signature header.");',
        '}',
      ));
      none('verify.ts', lines(
        'const isHub = !!headers["x-hub-signature"];',
        'const digest = crypto.createHmac(isHub ? "sha1" : "sha256", secret).update(raw).digest("hex");',
      ));
      // Not a way out for a webhook's HMAC: named for the user it is not.
      assert.deepEqual(flagged(messenger.replace('_user_hash', '_digest'), analyze('intercom_ext.py', messenger.replace('_user_hash', '_digest')), 'intercom.signature-algorithm'), ['sha256']);
    });
  });

  suite('a comparison that is not constant-time', () => {
    test('flagged across lines: an operator starting its line, a digest assigned by a chain that goes on below', () => {
      const assert_ = lines(
        'import hmac, hashlib',
        "received = request.headers.get('x-hub-signature', '')",
        'assert (',
        "    f'sha1={hmac.new(secret, raw, hashlib.sha1).hexdigest()}'",
        '    == received',
        "), 'bad signature'",
      );
      const d = only(analyze('hooks.py', assert_), 'intercom.signature-compare');
      assert.deepEqual(flagged(assert_, analyze('hooks.py', assert_), 'intercom.signature-compare'), ["f'sha1={hmac.new(secret, raw, hashlib.sha1).hexdigest()}'\n    == received"]);
      assert.match(applyFix(assert_, d.fixes[0]), /assert \(\n {4}hmac\.compare_digest\(f'sha1=\{hmac\.new\(secret, raw, hashlib\.sha1\)\.hexdigest\(\)\}', received\)\n\)/);
      const chain = lines(
        'export function verify(rawBody, headers) {',
        '  const appSignature = crypto',
        "    .createHmac('sha256', process.env.CLIENT_SECRET)",
        '    .update(rawBody)',
        "    .digest('hex');",
        "  if (headers['x-body-signature'] !== appSignature) return false;",
        '  return true;',
        '}',
      );
      assert.deepEqual(flagged(chain, analyze('canvas.js', chain), 'intercom.signature-compare'), ["headers['x-body-signature'] !== appSignature"]);
    });

    test('flagged on a template that interpolates the digest (`sha1=${computed}` !== signature); not on a constant template', () => {
      const template = lines(
        "const signature = req.header('X-Hub-Signature');",
        "const computed = crypto.createHmac('sha1', secret).update(req.rawBody).digest('hex');",
        'if (`sha1=${computed}` !== signature) return res.sendStatus(401);',
      );
      assert.deepEqual(flagged(template, analyze('hooks.ts', template), 'intercom.signature-compare'), ['`sha1=${computed}` !== signature']);
      const constant = template.replace('`sha1=${computed}` !== signature', 'signature === `none`');
      assert.deepEqual(flagged(constant, analyze('hooks.ts', constant), 'intercom.signature-compare'), []);
    });

    test('flagged on a copy of the received signature: its prefix cut off into a name that sounds like a digest', () => {
      const copy = lines(
        'function verifyHmac(req, buf) {',
        '  const hashHeader = req.header("X-Hub-Signature");',
        '  const hash = hashHeader.replace("sha1=", "");',
        '  const hmac = crypto.createHmac("sha1", hubSecret);',
        '  hmac.update(buf);',
        '  if (hash !== hmac.digest("hex")) throw new HmacValidationError();',
        '}',
      );
      assert.deepEqual(flagged(copy, analyze('middleware.js', copy), 'intercom.signature-compare'), ['hash !== hmac.digest("hex")']);
      // Not a copy: a name assigned through the HMAC, and a comparison of the copy with a literal.
      const digest = copy.replace('const hash = hashHeader.replace("sha1=", "");', 'const hash = hmac2.digest(hashHeader);').replace('hash !== hmac.digest("hex")', 'hash !== ""');
      assert.deepEqual(flagged(digest, analyze('middleware.js', digest), 'intercom.signature-compare'), []);
    });

    test('each language: flagged, with the constant-time call as a quick fix where it needs nothing new', () => {
      const fix = (file: string, text: string) => {
        const d = only(analyze(file, text), 'intercom.signature-compare');
        return d.fixes.length ? applyFix(text, d.fixes[0]).split('\n').find((l) => /compare|equals|Equal|secure/.test(l) && !l.includes('hmac.new')) : undefined;
      };
      const head = (...l: string[]) => lines(...l);
      assert.equal(fix('a.py', head('import hmac, hashlib', "sig = request.headers.get('X-Hub-Signature')", "expected = 'sha1=' + hmac.new(key, request.get_data(), hashlib.sha1).hexdigest()", 'if expected != sig:', '    abort(401)')),
        'if not hmac.compare_digest(expected, sig):');
      assert.equal(fix('a.rb', head("sig = request.env['HTTP_X_HUB_SIGNATURE']", "expected = 'sha1=' + OpenSSL::HMAC.hexdigest('sha1', key, request.body.read)", 'halt 401 unless expected == sig')),
        'halt 401 unless Rack::Utils.secure_compare(expected, sig)');
      assert.equal(fix('a.php', head('<?php', "$signature = $_SERVER['HTTP_X_HUB_SIGNATURE'];", "$expected = 'sha1=' . hash_hmac('sha1', $raw, $secret);", 'if ($expected !== $signature) { exit; }')),
        'if (!hash_equals($expected, $signature)) { exit; }');
      // The HMAC is made in a function of the file, far below: its callers get a digest.
      assert.equal(fix('a.go', head('sig := r.Header.Get("X-Hub-Signature")', 'expected := sign(body)', 'if expected != sig[5:] {', '}', ...Array(20).fill('// …'), 'func sign(b []byte) string {', '\th := hmac.New(sha1.New, key)', '\th.Write(b)', '\treturn hex.EncodeToString(h.Sum(nil))', '}')),
        'if !hmac.Equal([]byte(expected), []byte(sig[5:])) {');
      const js = head("const signature = req.headers['x-hub-signature'];", "const digest = 'sha1=' + crypto.createHmac('sha1', secret).update(req.rawBody).digest('hex');", 'if (digest !== signature) return res.sendStatus(401);');
      assert.deepEqual(flagged(js, analyze('a.js', js), 'intercom.signature-compare'), ['digest !== signature']);
      assert.deepEqual(only(analyze('a.js', js), 'intercom.signature-compare').fixes, [], 'timingSafeEqual throws on unequal lengths: left to the developer');
      const strcmp = head('<?php', "$signature = $_SERVER['HTTP_X_HUB_SIGNATURE'];", "$expected = 'sha1=' . hash_hmac('sha1', $raw, $secret);", 'if (strcmp($expected, $signature) !== 0) { exit; }');
      assert.deepEqual(flagged(strcmp, analyze('a.php', strcmp), 'intercom.signature-compare'), ['strcmp']);
    });

    test('not flagged: a constant-time compare nearby, presence and length checks, other comparisons, no signature received', () => {
      const none = (file: string, text: string) => assert.deepEqual(flagged(text, analyze(file, text), 'intercom.signature-compare'), [], text);
      const head = "const signature = req.headers['x-hub-signature'];\nconst digest = 'sha1=' + crypto.createHmac('sha1', secret).update(req.rawBody).digest('hex');\n";
      none('a.js', `${head}if (digest.length !== signature.length || !crypto.timingSafeEqual(Buffer.from(digest), Buffer.from(signature))) return;\n`);
      none('a.js', `${head}if (signature === undefined || signature == null) return;\nif (digest.length !== signature.length) return;\n`);
      none('a.js', `${head}if (algorithm === 'sha1') log(digest);\n`);
      none('a.py', "sig = request.headers.get('X-Hub-Signature')\nif sig == '':\n    abort(400)\ndigest = hmac.new(key, body, hashlib.sha1).hexdigest()\n");
      none('a.js', `${head}log('match?', digest === signature);\nif (!crypto.timingSafeEqual(Buffer.from(digest), Buffer.from(signature))) return;\n`);
      // Intercom's sample receivers print whether the signature matched: printing gates nothing.
      none('a.js', `${head}console.log('Match?: ' + (digest == signature));\n`);
      none('a.py', "sig = request.headers.get('X-Hub-Signature')\ncalculated = 'sha1=' + hmac.new(key, data, hashlib.sha1).hexdigest()\nprint('Match?: ' + str(calculated == sig))\n");
      // A test sender compares what it signed; it reads no signature from a request.
      none('send.js', "const sig = crypto.createHmac('sha1', secret).update(body).digest('hex');\nassert(sig === expectedSignature);\nawait post(url, body, { 'X-Hub-Signature': sig });\n");
    });
  });
});
