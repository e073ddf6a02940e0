// The language-neutral half of scripts/sdk-tables.mjs: split a source file into methods, evaluate the
// path expression of a request into a template, and follow calls between a resource's own methods.

/** Stands for any interpolated value while a path is evaluated; becomes `{id}`. */
const HOLE = '\u0001';

/**
 * Methods of one class or file: `header` matches a method's first line and captures its name; the body
 * runs to the next header at the same or a smaller indentation. Returns [{ name, indent, body }].
 */
export function splitMethods(text, header) {
  const lines = text.split('\n');
  const starts = [];
  lines.forEach((line, i) => {
    const m = header.exec(line);
    if (m) starts.push({ i, name: m[1], indent: /^\s*/.exec(line)[0].length, line });
  });
  return starts.map((s, k) => {
    let end = lines.length;
    for (const next of starts.slice(k + 1)) {
      if (next.indent <= s.indent) { end = next.i; break; }
    }
    return { name: s.name, indent: s.indent, header: s.line, body: lines.slice(s.i, end).join('\n') };
  });
}

/**
 * The characters of `text` from `from` that are outside quoted strings, each with its bracket depth; a
 * bracket counts as outside its own pair, so a closer without an opener is at depth -1.
 */
function* outsideQuotes(text, from = 0) {
  let depth = 0;
  let quote;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      quote = c;
      continue;
    }
    if (')]}'.includes(c)) depth--;
    yield { i, c, depth };
    if ('([{'.includes(c)) depth++;
  }
}

/** The text of a call's arguments, from the index just after `(`, up to the matching `)`. */
export function callArguments(text, from) {
  for (const { i, depth } of outsideQuotes(text, from)) if (depth < 0) return text.slice(from, i);
  return text.slice(from);
}

/** Top-level comma-separated parts of an argument list. */
export function splitTopLevel(args) {
  const parts = [];
  let start = 0;
  for (const { i, c, depth } of outsideQuotes(args)) {
    if (c === ',' && depth === 0) {
      parts.push(args.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(args.slice(start).trim());
  return parts.filter((p) => p !== '');
}

const OPENERS = { js: '${', ruby: '#{', python: '{' };

/** Interpolations in a literal's body as { index, length, inner }; braces may nest (`${a ? `/${b}` : ''}`). */
function interpolations(body, kind) {
  if (kind === 'php') return [...body.matchAll(/\{?\$([\w>-]+)\}?/g)].map((m) => ({ index: m.index, length: m[0].length, inner: `$${m[1]}` }));
  const open = OPENERS[kind];
  const found = [];
  for (let i = body.indexOf(open); i >= 0; i = body.indexOf(open, i + 1)) {
    let depth = 0;
    for (let j = i + open.length - 1; j < body.length; j++) {
      if (body[j] === '{') depth++;
      else if (body[j] === '}' && --depth === 0) {
        found.push({ index: i, length: j + 1 - i, inner: body.slice(i + open.length, j) });
        i = j;
        break;
      }
    }
  }
  return found;
}
const FORMAT_VERB = /%[-+#0 ]*\d*(?:\.\d+)?[sdvfq]/g;

/**
 * A path expression (a literal, a template, a concatenation, a printf/`%` format, a variable, a helper
 * call, a `c ? a : b`) → the paths it can produce, with HOLE for every value not known statically.
 * `lookup(expression)` gives the source text a name stands for (a constant, a local, a helper's return).
 */
export function evaluate(expression, lookup, depth = 0) {
  const expr = expression.trim();
  if (depth > 8) return [HOLE];
  const known = lookup(expr);
  if (known !== undefined) return known === HOLE ? [HOLE] : evaluate(known, lookup, depth + 1);
  const next = (e) => evaluate(e, lookup, depth + 1);
  const choice = splitConditional(expr);
  if (choice) return [...next(choice[0]), ...next(choice[1])];
  // printf style: fmt.Sprintf("…", a, b), Python's "…" % (a, b) and "…{}…".format(a)
  const format = /^((?:"[^"]*"|'[^']*'))\.format\(([\s\S]*)\)$/.exec(expr);
  if (format) {
    const args = splitTopLevel(format[2]);
    const pieces = literal(format[1]).split(/\{\w*\}/);
    return product(pieces.flatMap((piece, k) => (k === 0 ? [[piece]] : [args[k - 1] !== undefined ? next(args[k - 1]) : [HOLE], [piece]])));
  }
  const sprintf = /^(?:fmt\.)?Sprintf\(([\s\S]*)\)$/.exec(expr);
  const percent = /^((?:"[^"]*"|'[^']*'))\s*%\s*\(?([\s\S]*?)\)?$/.exec(expr);
  if (sprintf || percent) {
    const [format, ...args] = sprintf ? splitTopLevel(sprintf[1]) : [percent[1], ...splitTopLevel(percent[2])];
    const pieces = literal(format).split(FORMAT_VERB);
    return product(pieces.flatMap((piece, k) => (k === 0 ? [[piece]] : [args[k - 1] !== undefined ? next(args[k - 1]) : [HOLE], [piece]])));
  }
  const parts = splitConcatenation(expr);
  if (parts.length > 1) return product(parts.map(next));
  const quoted = /^([fF]?)(["'`])([\s\S]*)\2$/.exec(expr);
  if (quoted) {
    const [, fString, quote, body] = quoted;
    const kind = quote === '`' ? 'js' : fString ? 'python' : quote === '"' ? (body.includes('#{') ? 'ruby' : 'php') : undefined;
    if (!kind) return [body];
    const pieces = [];
    let last = 0;
    for (const m of interpolations(body, kind)) {
      pieces.push([body.slice(last, m.index)], next(m.inner));
      last = m.index + m.length;
    }
    pieces.push([body.slice(last)]);
    return product(pieces);
  }
  return [HOLE];
}

/** Every concatenation of one choice per part. */
function product(parts) {
  return parts.reduce((acc, options) => acc.flatMap((a) => options.map((o) => a + o)), ['']);
}

/** `c ? a : b` at the top level → [a, b]. */
function splitConditional(expr) {
  let question = -1;
  for (const { i, c, depth } of outsideQuotes(expr)) {
    if (depth !== 0) continue;
    if (c === '?' && question < 0 && expr[i + 1] !== '.' && expr[i + 1] !== '?') question = i;
    else if (c === ':' && question >= 0) return [expr.slice(question + 1, i), expr.slice(i + 1)];
  }
  return undefined;
}

function literal(text) {
  return text.trim().slice(1, -1);
}

/** `a + b`, `a . b` (PHP): splits on the operator outside quotes, parentheses and interpolations. */
function splitConcatenation(expr) {
  const parts = [];
  let start = 0;
  for (const { i, c, depth } of outsideQuotes(expr)) {
    if (depth === 0 && (c === '+' || (c === '.' && /\s/.test(expr[i - 1] ?? '') && /\s/.test(expr[i + 1] ?? '')))) {
      parts.push(expr.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(expr.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** An evaluated path → "/a/{id}/b": holes become `{id}`, the query and trailing slash go. */
export function template(path) {
  const noQuery = path.split('?')[0];
  const segments = noQuery.split('/').filter((s) => s !== '').map((s) => (s.includes(HOLE) ? '{id}' : s));
  return `/${segments.join('/')}`;
}

export { HOLE };

/**
 * A resource's methods → the operations each sends, following calls to the resource's own methods.
 * methods: Map name → { requests: string[] ("METHOD /path"), calls: string[] }.
 */
export function resolveCalls(methods) {
  const memo = new Map();
  const visit = (name, seen) => {
    if (memo.has(name)) return memo.get(name);
    const method = methods.get(name);
    if (!method || seen.has(name)) return [];
    seen.add(name);
    const ops = new Set(method.requests);
    for (const callee of method.calls) if (callee !== name) for (const op of visit(callee, seen)) ops.add(op);
    seen.delete(name);
    const result = [...ops].sort();
    memo.set(name, result);
    return result;
  };
  return new Map([...methods.keys()].map((name) => [name, visit(name, new Set())]));
}
