// One reader per SDK generation: where the resources are, how a method starts, how a request and a
// call to a sibling method look. Each returns { resource name → { method name → ["METHOD /path"] } }.
// `repo` is a gitReader (scripts/lib/git-source.mjs).
import { callArguments, evaluate, HOLE, resolveCalls, splitMethods, splitTopLevel, template } from './sdk-extract.mjs';


/** Requests found by `pattern` (verb in group 1, the match ends at the call's `(`), path = argument `index`. */
function requestsIn(body, pattern, lookup, verbOf = (v) => v.toUpperCase(), index = 0) {
  const ops = [];
  for (const m of body.matchAll(pattern)) {
    const args = splitTopLevel(callArguments(body, m.index + m[0].length));
    const arg = args[index];
    if (arg !== undefined) for (const path of evaluate(arg, lookup)) ops.push(`${verbOf(m[1])} ${template(path)}`);
  }
  return ops;
}

/** `name = expr` style local assignments in a body (first one wins): the lookup for its paths. */
function localAssignments(body, assignment) {
  const vars = new Map();
  for (const m of body.matchAll(assignment)) {
    if (!vars.has(m[1])) vars.set(m[1], m[2].trim().replace(/;$/, ''));
  }
  return vars;
}

function sibling(calls, names) {
  return [...new Set(calls)].filter((c) => names.has(c));
}

function finish(methods, isPublic) {
  const resolved = resolveCalls(methods);
  const table = {};
  for (const [name, ops] of resolved) if (isPublic(name) && ops.length > 0) table[name] = ops;
  return table;
}

// ---- Node intercom-client v2 (lib/*.js) and v3–v5 (lib/*.ts): one class per resource ----

export function nodeClassic(repo) {
  const client = repo.read(repo.list('lib/').find((f) => /^lib\/client\.(js|ts)$/.test(f)));
  const imports = new Map([...client.matchAll(/import (\w+)(?:, \{[^}]*\})? from '\.\/([\w.-]+)'/g)].map((m) => [m[1], m[2]]));
  const classes = new Map();
  for (const m of client.matchAll(/this\.(\w+) = new (\w+)\(this\)/g)) {
    const file = imports.get(m[2]);
    const path = repo.list('lib/').find((f) => f === `lib/${file}.js` || f === `lib/${file}.ts`);
    if (path) classes.set(m[1], repo.read(path));
  }
  // `this.client.contacts.baseUrl`: another resource's collection path
  const shared = new Map();
  for (const [name, text] of classes) {
    const base = /(?:readonly|private|public) baseUrl = (['"`][^'"`]*['"`])/.exec(text);
    if (base) shared.set(`this.client.${name}.baseUrl`, base[1]);
  }
  const resources = {};
  for (const [name, text] of classes) {
    // A file can hold helper classes a resource exposes as children: helpCenter.collections, helpCenter.sections.
    const parts = new Map([...text.matchAll(/^(?:export default )?class (\w+)[\s\S]*?(?=^(?:export default )?class |(?![\s\S]))/gm)].map((m) => [m[1], m[0]]));
    const main = /^export default class (\w+)/m.exec(text)?.[1];
    resources[name] = nodeClass(parts.get(main) ?? text, shared);
    for (const child of (parts.get(main) ?? '').matchAll(/this\.(\w+) = new (\w+)\(client\)/g)) {
      if (parts.has(child[2])) resources[`${name}.${child[1]}`] = nodeClass(parts.get(child[2]), shared);
    }
  }
  return resources;
}

function nodeClass(text, shared) {
  const constants = new Map([
    ...shared,
    ...[...text.matchAll(/(?:(?:readonly|private|public) |this\.)(\w+)\s*=\s*(['"`][^'"`]*['"`])/g)].map((m) => [`this.${m[1]}`, m[2]]),
  ]);
  const blocks = splitMethods(text, /^ {2,4}(?:public |async )*(?!if\b|for\b|while\b|switch\b|return\b|constructor\b)(\w+)\s*(?:<[^>]*>)?\(/);
  const names = new Set(blocks.map((b) => b.name));
  const methods = new Map();
  for (const b of blocks) {
    const locals = localAssignments(b.body, /(?:const|let|var)\s+(\w+)\s*=\s*([^;]+);/g);
    const lookup = (e) => constants.get(e) ?? locals.get(e);
    const requests = requestsIn(b.body, /this\.client\.(get|post|put|delete)(?:<[^(]*>)?\(/g, (e) => lookup(e) ?? urlProperty(e, lookup));
    // v2's bulk jobs: `new Bulk(this.client, 'user').bulk(…)` posts to /bulk/users
    for (const m of b.body.matchAll(/new Bulk\(this\.client, '(\w+)'\)/g)) requests.push(`POST /bulk/${m[1]}s`);
    methods.set(b.name, { requests, calls: sibling([...b.body.matchAll(/this\.(\w+)\(/g)].map((c) => c[1]), names) });
  }
  // `this.delete = deprecate(this.archive…)`: an alias kept for old callers
  for (const m of text.matchAll(/this\.(\w+) = deprecate\(this\.(\w+)/g)) methods.set(m[1], { requests: [], calls: [m[2]] });
  // Scroll helpers carry the resource's name: `new Scroll(this.client, 'user')`, `new Scroll<Company>(this.client, this.baseUrl)`
  for (const m of text.matchAll(/this\.(\w+) = new Scroll(?:<\w+>)?\(this\.client, ([^)]+)\)/g)) {
    const [collection] = evaluate(m[2], (e) => constants.get(e));
    methods.set(m[1], { requests: [`GET /${m[2].startsWith("'") ? `${collection}s` : collection}/scroll`], calls: [] });
  }
  return finish(methods, (n) => !n.startsWith('_') && !/\bprivate\b/.test(blocks.find((b) => b.name === n)?.header ?? ''));
}

/** v3–v5 pass `{ url: …, data }`: the path is the `url` property. */
function urlProperty(arg, lookup) {
  if (!arg.startsWith('{')) return undefined;
  const url = splitTopLevel(arg.slice(1, -1)).find((p) => /^url\b/.test(p));
  if (!url) return HOLE;
  const value = url.replace(/^url\s*:?\s*/, '');
  return value === '' ? (lookup('url') ?? HOLE) : value;
}

// ---- Node intercom-client v6+ (Fern): src/api/resources/<name>[/resources/<child>]/client/Client.ts ----

export function nodeFern(repo) {
  const resources = {};
  for (const file of repo.list('src/api/resources/').filter((f) => f.endsWith('/client/Client.ts'))) {
    const parts = file.replace('src/api/resources/', '').replace('/client/Client.ts', '').split('/resources/');
    const text = repo.read(file);
    const blocks = splitMethods(text, /^ {4}(?:public |private |protected )(?:async )?(\w+)\(/);
    const names = new Set(blocks.map((b) => b.name));
    const methods = new Map();
    for (const b of blocks) {
      const requests = [];
      for (const m of b.body.matchAll(/url:\s*([\s\S]*?),\s*method:\s*"(\w+)"/g)) {
        const literals = [...m[1].matchAll(/(["'`])((?:(?!\1)[\s\S])*)\1/g)].map((l) => l[0]);
        const path = literals.at(-1);
        if (path) for (const p of evaluate(path, () => undefined)) requests.push(`${m[2]} ${template(p)}`);
      }
      methods.set(b.name, { requests, calls: sibling([...b.body.matchAll(/this\.(\w+)\(/g)].map((c) => c[1]), names) });
    }
    const publicNames = new Set(blocks.filter((b) => /^\s*public /.test(b.header)).map((b) => b.name));
    const table = finish(methods, (n) => publicNames.has(n));
    if (Object.keys(table).length > 0) resources[parts.join('.')] = table;
  }
  return resources;
}

// ---- python-intercom v4+ (Fern): src/intercom/<name>[/<child>]/raw_client.py ----

export function pythonFern(repo) {
  const resources = {};
  for (const file of repo.list('src/intercom/').filter((f) => f.endsWith('/raw_client.py'))) {
    const parts = file.replace('src/intercom/', '').replace('/raw_client.py', '').split('/');
    const text = repo.read(file);
    // Only the synchronous class: the async one repeats the same requests.
    const sync = text.split(/^class Async/m)[0];
    const table = {};
    for (const b of splitMethods(sync, /^ {4}def (\w+)\(/)) {
      if (b.name.startsWith('_')) continue;
      const ops = [];
      for (const m of b.body.matchAll(/\.request\(\s*([\s\S]*?),\s*method="(\w+)"/g)) {
        for (const p of evaluate(m[1], () => undefined)) ops.push(`${m[2]} ${template(p)}`);
      }
      if (ops.length > 0) table[b.name] = [...new Set(ops)].sort();
    }
    if (Object.keys(table).length > 0) resources[parts.join('.')] = table;
  }
  return resources;
}

// ---- python-intercom v2–v3: intercom/service/*.py classes built from api_operations mixins ----

export function pythonClassic(repo) {
  const client = repo.read('intercom/client.py');
  const resources = {};
  const mixinFiles = repo.list('intercom/').filter((f) => /intercom\/(extended_)?api_operations\/\w+\.py$/.test(f));
  const mixins = new Map();
  for (const f of mixinFiles) {
    for (const m of repo.read(f).matchAll(/^class (\w+)\(object\):\n([\s\S]*?)(?=^class |(?![\s\S]))/gm)) mixins.set(m[1], m[2]);
  }
  for (const m of client.matchAll(/def (\w+)\(self\):\s*\n\s*from intercom\.service import (\w+)\s*\n\s*return \2\.(\w+)\(self\)/g)) {
    const service = repo.read(`intercom/service/${m[2]}.py`);
    const cls = new RegExp(`^class ${m[3]}\\(([^)]*)\\):\\n([\\s\\S]*)`, 'm').exec(service);
    if (!cls) continue;
    const bases = cls[1].split(',').map((s) => s.trim());
    const collection = pythonCollection(cls[2]) ?? m[1];
    const body = [cls[2], ...bases.map((b) => mixins.get(b) ?? '')].join('\n');
    resources[m[1]] = pythonClass(body, collection);
  }
  return resources;
}

function pythonCollection(classBody) {
  const explicit = /def collection\(self\):(?:\s*"{3}[^"]*"{3})?\s*return ['"]([^'"]+)['"]/.exec(classBody);
  if (explicit) return explicit[1];
  const cls = /return (\w+)\.(\w+)\s*$/m.exec(/def collection_class[\s\S]*?\n\s*return [^\n]+/.exec(classBody)?.[0] ?? '');
  if (!cls) return undefined;
  const snake = cls[2].replace(/(.)([A-Z])/g, '$1_$2').toLowerCase();
  return snake.endsWith('y') ? `${snake.slice(0, -1)}ies` : `${snake}s`;
}

function pythonClass(body, collection) {
  const blocks = splitMethods(body, /^ {4}def (\w+)\(/);
  const names = new Set(blocks.map((b) => b.name));
  const returns = new Map(blocks.map((b) => [b.name, /return ([^\n]+)/.exec(b.body)?.[1]]));
  const methods = new Map();
  for (const b of blocks) {
    const locals = localAssignments(b.body, /^\s*(\w+)\s*=\s*([^\n]+)/gm);
    const lookup = (e) => {
      if (/^(self\.)?collection(_name)?$/.test(e) || e.startsWith('utils.')) return `'${collection}'`;
      const helper = /^self\.(\w+)\(/.exec(e);
      return helper ? returns.get(helper[1]) : locals.get(e);
    };
    const requests = requestsIn(b.body, /self\.client\.(get|post|put|delete)\(/g, lookup);
    // Finders hand a URL to a collection proxy that GETs it later.
    for (const u of b.body.matchAll(/(?:finder_url|url)\s*=\s*([^\n]+)/g)) {
      if (!/^\s*self\.client/.test(u[1])) for (const p of evaluate(u[1], lookup)) requests.push(`GET ${template(p)}`);
    }
    methods.set(b.name, { requests, calls: sibling([...b.body.matchAll(/self\.(\w+)\(/g)].map((c) => c[1]), names) });
  }
  return finish(methods, (n) => !n.startsWith('_'));
}

// ---- intercom-ruby v3–v4: lib/intercom/service/*.rb built from api_operations modules ----

export function ruby(repo) {
  const client = repo.read('lib/intercom/client.rb');
  const modules = new Map();
  for (const f of repo.list('lib/intercom/').filter((p) => /(extended_)?api_operations\/[\w/]+\.rb$/.test(p))) {
    // The innermost module (Intercom::ApiOperations::Find) is the mixin.
    const text = repo.read(f);
    const inner = [...text.matchAll(/^\s*module (\w+)\s*$/gm)].at(-1);
    if (inner) modules.set(inner[1], text.slice(inner.index));
  }
  // Service classes by name, wherever they live (`Counts` in service/count.rb, `Section` in section.rb), from the
  // `class X < BaseService` line on.
  const services = new Map(repo.list('lib/intercom/').filter((f) => f.endsWith('.rb')).map((f) => repo.read(f)).flatMap((text) => {
    const service = /^\s*class (\w+) < BaseService/m.exec(text);
    return service ? [[service[1], text.slice(service.index)]] : [];
  }));
  const resources = {};
  for (const m of client.matchAll(/def (\w+)\s*\n\s*Intercom::Service::(\w+)\.new\(self\)/g)) {
    const service = services.get(m[2]);
    if (!service) continue;
    const included = [...service.matchAll(/include (?:ApiOperations|ExtendedApiOperations)::(\w+)/g)].map((i) => modules.get(i[1]) ?? '');
    const collection = rubyCollection(service) ?? m[1];
    resources[m[1]] = rubyClass([service, ...included], collection);
  }
  return resources;
}

function rubyCollection(service) {
  const explicit = /def collection_name\s*\n\s*['"]([^'"]+)['"]/.exec(service);
  if (explicit) return explicit[1];
  const cls = /def collection_class\s*\n\s*Intercom::(\w+)/.exec(service);
  if (!cls) return undefined;
  const snake = cls[1].replace(/(.)([A-Z])/g, '$1_$2').toLowerCase();
  return snake.endsWith('y') ? `${snake.slice(0, -1)}ies` : `${snake}s`;
}

/** Names a Ruby file makes private: `private def x`, or any def after a bare `private` line. */
function rubyPrivate(text) {
  const names = [...text.matchAll(/^\s*private def (\w+[?!]?)/gm)].map((m) => m[1]);
  const after = /^\s*private\s*$/m.exec(text);
  if (after) names.push(...[...text.slice(after.index).matchAll(/^\s*def (\w+[?!]?)/gm)].map((m) => m[1]));
  return names;
}

/** `texts`: the service class, then the modules it includes. Its own methods win over theirs, aliases included. */
function rubyClass(texts, collection) {
  const body = texts.join('\n');
  const blocks = splitMethods(body, /^\s*(?:private )?def (?:self\.)?(\w+[?!]?)/);
  const names = new Set(blocks.map((b) => b.name));
  const privateNames = new Set(texts.flatMap(rubyPrivate));
  const methods = new Map();
  for (const b of blocks) {
    if (methods.has(b.name)) continue;
    const locals = localAssignments(b.body, /^\s*(\w+)\s*=\s*([^\n]+)/gm);
    const lookup = (e) => (e === 'collection_name' ? `'${collection}'` : locals.get(e));
    const requests = requestsIn(b.body, /@client\.(get|post|put|delete)\(/g, lookup);
    // Finders hand a URL to a collection proxy: search proxies POST it, scroll proxies GET `<url>/scroll`.
    const search = /SearchCollectionProxy/.test(b.body);
    const scroll = /ScrollCollectionProxy/.test(b.body) ? '/scroll' : '';
    for (const u of b.body.matchAll(/(?:\[:url\]\s*=|\burl:)\s*("(?:[^"\\]|\\.)*"|'[^']*'|\w+)/g)) {
      for (const p of evaluate(u[1], lookup)) requests.push(`${search ? 'POST' : 'GET'} ${template(p)}${scroll}`);
    }
    if (/collection_proxy_class\.new\(collection_name, collection_class, client: @client\)/.test(b.body)) requests.push(`GET /${collection}`);
    const calls = [...b.body.matchAll(/(?:^|[\s(])(\w+[?!]?)(?=[\s(]|$)/gm)].map((c) => c[1]).filter((c) => c !== b.name);
    methods.set(b.name, { requests, calls: sibling(calls, names) });
  }
  const own = new Set(splitMethods(texts[0], /^\s*(?:private )?def (?:self\.)?(\w+[?!]?)/).map((b) => b.name));
  for (const a of body.matchAll(/alias_method '(\w+)', '(\w+)'/g)) if (!own.has(a[1])) methods.set(a[1], { requests: [], calls: [a[2]] });
  return finish(methods, (n) => !privateNames.has(n) && !n.endsWith('?') && !/^(collection_|from_api|identity_hash|raise_)/.test(n));
}

// ---- intercom-php v3–v4: src/Intercom<Name>.php ----

export function php(repo) {
  const client = repo.read('src/IntercomClient.php');
  const resources = {};
  for (const m of client.matchAll(/\$this->(\w+) = new (Intercom\w+)\(\$this\)/g)) {
    const file = `src/${m[2]}.php`;
    if (!repo.list('src/').includes(file)) continue;
    const text = repo.read(file);
    const blocks = splitMethods(text, /^\s*(?:public |private |protected )?(?:static )?function (\w+)\(/);
    const names = new Set(blocks.map((b) => b.name));
    const returns = new Map(blocks.map((b) => [b.name, /return ([^;]+);/.exec(b.body)?.[1]]));
    const methods = new Map();
    for (const b of blocks) {
      const locals = localAssignments(b.body, /^\s*(\$\w+)\s*=\s*([^;]+);/gm);
      const lookup = (e) => {
        if (locals.has(e)) return locals.get(e);
        const helper = /^\$this->(\w+)\(/.exec(e);
        return helper && returns.get(helper[1]) && !/->client->/.test(returns.get(helper[1])) ? returns.get(helper[1]) : undefined;
      };
      const verb = (v) => ({ nextSearchPage: 'POST', nextCursorPage: 'GET' })[v] ?? v.toUpperCase();
      const requests = requestsIn(b.body, /\$this->client->(get|post|put|delete|nextSearchPage|nextCursorPage)\(/g, lookup, verb);
      methods.set(b.name, { requests, calls: sibling([...b.body.matchAll(/\$this->(\w+)\(/g)].map((c) => c[1]), names) });
    }
    const publicNames = new Set(blocks.filter((b) => /public function/.test(b.header) && !/Path$/.test(b.name)).map((b) => b.name));
    resources[m[1]] = finish(methods, (n) => publicNames.has(n));
  }
  return resources;
}

// ---- intercom-go v1–v2: <name>.go services calling <name>_api.go repositories ----

export function go(repo) {
  const files = repo.list('').filter((f) => /^\w+\.go$/.test(f) && !f.endsWith('_test.go'));
  const text = files.map((f) => repo.read(f)).join('\n');
  const client = /type Client struct \{([\s\S]*?)\n\}/.exec(text)[1];
  const methods = new Map();
  const blocks = splitMethods(text, /^func \(\w+ \*?(\w+\) \w+)\(/);
  for (const b of blocks) {
    const [type, name] = b.name.split(') ');
    const locals = localAssignments(b.body, /(\w+)\s*:?=\s*([^\n]+)/g);
    const requests = requestsIn(b.body, /\.httpClient\.(Get|Post|Put|Patch|Delete)\(/g, (e) => locals.get(e));
    const repoCalls = [...b.body.matchAll(/\.Repository\.(\w+)\(/g)].map((c) => `${type.replace(/Service$/, 'API')}.${c[1]}`);
    const own = [...b.body.matchAll(/\b\w+\.(\w+)\(/g)].map((c) => `${type}.${c[1]}`);
    methods.set(`${type}.${name}`, { requests, calls: [...repoCalls, ...own] });
  }
  for (const m of methods.values()) m.calls = sibling(m.calls, new Set(methods.keys()));
  const resolved = resolveCalls(methods);
  const resources = {};
  for (const f of client.matchAll(/^\s*(\w+)\s+(\w+Service)\s*$/gm)) {
    const table = {};
    for (const [key, ops] of resolved) {
      const [type, name] = key.split('.');
      if (type === f[2] && /^[A-Z]/.test(name) && ops.length > 0) table[name] = ops;
    }
    resources[f[1]] = table;
  }
  return resources;
}

