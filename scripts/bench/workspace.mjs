// The 10,000-file workspace of `npm run bench`'s scan section, generated from a fixed seed: 5 languages, a few
// percent calling Intercom, plus dependencies, a binary and a very large file that the scan must skip. Its own
// module so a profiling script can build the same tree.
import { Buffer } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';

export const FILES = 10_000;
export const SEED = 20261120;
const INTERCOM_SHARE = 0.03;

/** mulberry32: small, fast, deterministic. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Set by each generateWorkspace call, so every call writes the same tree. */
let random;
const pick = (list) => list[Math.floor(random() * list.length)];
const int = (n) => Math.floor(random() * n);

const WORDS = ['order', 'invoice', 'customer', 'report', 'session', 'payment', 'widget', 'account', 'export', 'profile', 'cart', 'audit'];
const RESOURCES = ['contacts', 'conversations', 'companies', 'tags', 'events', 'admins', 'tickets', 'articles'];
const name = () => `${pick(WORDS)}${pick(WORDS).replace(/^./, (c) => c.toUpperCase())}${int(1000)}`;

/** Filler code in each language: functions, routes named like API resources, other vendors' clients. */
const FILLER = {
  js: () => `export function ${name()}(items) {\n  const total = items.reduce((sum, it) => sum + it.price * it.qty, 0);\n  if (total > ${int(500)}) return { total, discount: total * 0.1 };\n  return { total, discount: 0 };\n}\n\napp.get('/${pick(RESOURCES)}', async (req, res) => res.json(await db.${pick(WORDS)}.findMany()));\nconst ${name()} = await fetch('https://api.example.com/${pick(RESOURCES)}', { method: 'POST' });\nif (event.type === 'user.created') notify(event);\n`,
  python: () => `def ${name()}(rows):\n    total = sum(r.price * r.qty for r in rows)\n    if total > ${int(500)}:\n        return {"total": total, "discount": total * 0.1}\n    return {"total": total}\n\n\n@app.route("/${pick(RESOURCES)}")\ndef ${name()}():\n    return requests.get(f"{API}/${pick(RESOURCES)}").json()\n\n`,
  ruby: () => `def ${name()}(rows)\n  total = rows.sum { |r| r.price * r.qty }\n  return { total: total, discount: total * 0.1 } if total > ${int(500)}\n  { total: total }\nend\n\nget '/${pick(RESOURCES)}' do\n  HTTParty.post('https://api.example.com/${pick(RESOURCES)}', body: { kind: 'ticket.created' })\nend\n\n`,
  php: () => `function ${name()}(array $rows): array\n{\n    $total = array_sum(array_map(fn ($r) => $r['price'] * $r['qty'], $rows));\n    return $total > ${int(500)} ? ['total' => $total, 'discount' => $total * 0.1] : ['total' => $total];\n}\n\nRoute::get('/${pick(RESOURCES)}', [Controller::class, 'index']);\n$client->${pick(RESOURCES)}->create(['email' => 'a@example.com']);\n\n`,
  go: () => `func ${name()}(rows []Row) (total float64) {\n\tfor _, r := range rows {\n\t\ttotal += r.Price * float64(r.Qty)\n\t}\n\tif total > ${int(500)} {\n\t\ttotal *= 0.9\n\t}\n\treturn total\n}\n\nfunc init() { http.HandleFunc("/${pick(RESOURCES)}", handler) }\n\n`,
};

/** One Intercom call per language, chosen at random; each must give the scanner a finding. */
const INTERCOM = {
  js: () => pick([
    `import { IntercomClient } from 'intercom-client';\nconst client = new IntercomClient({ token });\nawait client.${pick(['contacts', 'conversations', 'companies'])}.list();\n`,
    `const res = await fetch(\`https://api.intercom.io/${pick(RESOURCES)}/\${id}\`, { headers });\n`,
    `switch (topic) {\n  case 'conversation.user.created': break;\n}\n`,
  ]),
  python: () => pick([
    `BASE = "https://api.intercom.io"\nrequests.post(f"{BASE}/${pick(RESOURCES)}", json=payload)\n`,
    `from intercom import Intercom\nclient = Intercom(token=TOKEN)\nclient.contacts.create(email=email)\n`,
  ]),
  ruby: () => pick([
    `intercom = Intercom::Client.new(token: ENV['INTERCOM_TOKEN'])\nintercom.${pick(['contacts', 'companies', 'events'])}.create(email: email)\n`,
    `uri = URI("https://api.eu.intercom.io/${pick(RESOURCES)}")\nNet::HTTP::Get.new(uri)\n`,
  ]),
  php: () => pick([
    `$http = new Client(['base_uri' => 'https://api.intercom.io/']);\n$http->request('POST', '/${pick(RESOURCES)}', ['json' => $body]);\n`,
    `$intercom = new IntercomClient($token, null);\n$intercom->contacts->create(['email' => $email]);\n`,
  ]),
  go: () => pick([
    `const baseURL = "https://api.intercom.io"\nreq, _ := http.NewRequest("POST", baseURL+"/${pick(RESOURCES)}", body)\n`,
    `ic := intercom.NewClient(token, "")\nic.Users.FindByID(id)\n`,
  ]),
};

const EXTENSIONS = { js: ['js', 'ts', 'tsx', 'mjs'], python: ['py'], ruby: ['rb'], php: ['php'], go: ['go'] };
const HEADERS = { js: '', python: '', ruby: '# frozen_string_literal: true\n\n', php: '<?php\n\n', go: 'package app\n\n' };

/** Writes the workspace under `root`; returns how many files call Intercom (each must give a finding). */
export function generateWorkspace(root) {
  random = prng(SEED);
  const languages = Object.keys(FILLER);
  let intercomFiles = 0;
  for (let i = 0; i < FILES; i++) {
    const lang = languages[i % languages.length];
    const dir = path.join(root, `pkg${int(40)}`, pick(['src', 'lib', 'app', 'internal']));
    fs.mkdirSync(dir, { recursive: true });
    let text = HEADERS[lang];
    for (let n = 3 + int(8); n > 0; n--) text += FILLER[lang]();
    if (random() < INTERCOM_SHARE) {
      text += INTERCOM[lang]();
      intercomFiles++;
    }
    fs.writeFileSync(path.join(dir, `${name()}_${i}.${pick(EXTENSIONS[lang])}`), text);
  }
  // Skipped on purpose: dependencies, a binary and a very large file, all mentioning Intercom.
  const modules = path.join(root, 'node_modules', 'intercom-client');
  fs.mkdirSync(modules, { recursive: true });
  for (let i = 0; i < 50; i++) fs.writeFileSync(path.join(modules, `m${i}.js`), "fetch('https://api.intercom.io/contacts');\n");
  fs.writeFileSync(path.join(root, 'pkg0', 'blob.js'), Buffer.concat([Buffer.from("fetch('https://api.intercom.io/me')"), Buffer.alloc(4)]));
  fs.writeFileSync(path.join(root, 'pkg0', 'bundle.js'), "fetch('https://api.intercom.io/me');\n".repeat(40_000));
  return intercomFiles;
}
