// A JSON Schema interpreter for the keywords canvas.schema.json uses, with messages a developer can act on.
// Why not a library: none of the project's chosen packages validates JSON Schema, and a general validator
// would answer "must match exactly one schema in oneOf" where a Canvas Kit developer needs "unknown component
// type "buton"; did you mean "button"?". So this reads the extracted schema and nothing else: there is no
// per-component code. Every keyword it meets is one it knows (the constructor checks), it picks a oneOf
// branch by the `type` constant when the branches have one, and it reads the annotations the generator adds
// (x-only, x-lenient, x-max-bytes; see generate/fixes.ts).
import { didYouMean } from './suggest';

export type Schema = { readonly [keyword: string]: unknown };
export type Severity = 'error' | 'warning';

export interface Problem {
  /** JSON pointer (RFC 6901) to the value concerned; "" is the whole body. */
  readonly pointer: string;
  /** What is wrong and what was expected, in a sentence or two. */
  readonly message: string;
  readonly severity: Severity;
}

export interface InterpretOptions {
  /** Where the body is used: checks x-only. Without it, no capability is checked (a fixture file). */
  readonly placement?: { readonly capability: 'messenger' | 'inbox'; readonly name: string };
  /** What the docs disagree on, or Intercom is not known to refuse, is an error too (default: a warning). */
  readonly strict?: boolean;
  /** How a key the schema does not define counts (default: an error). */
  readonly unknownKeys?: Severity;
}

/** A problem while a branch is being chosen: only `hard` ones make a oneOf/anyOf branch fail. */
interface Issue extends Problem {
  readonly hard: boolean;
}

interface Only {
  readonly capability: 'messenger' | 'inbox';
  readonly feature: string;
  readonly warning?: string;
}

interface Lenient {
  readonly because: string;
  readonly patch: Schema;
}

/** Keywords whose values are schemas, maps of schemas or lists of schemas; the others are plain values. */
const SCHEMA_VALUED = new Set(['items', 'additionalProperties']);
const SCHEMA_MAPS = new Set(['properties', '$defs']);
const SCHEMA_LISTS = new Set(['oneOf', 'anyOf', 'allOf']);
const PLAIN = new Set([
  '$schema', '$comment', '$ref', 'title', 'description', 'default', 'type', 'enum', 'const', 'required',
  'dependentRequired', 'minItems', 'maxItems', 'pattern', 'patternErrorMessage', 'x-only', 'x-max-bytes',
  'x-source', 'x-fixes',
]);
const CAPABILITY_NAMES = { messenger: 'Messenger', inbox: 'Inbox' };

export class SchemaInterpreter {
  private readonly defs: Record<string, Schema>;
  private readonly discriminators = new WeakMap<readonly unknown[], Discriminator | null>();
  private readonly merged = new WeakMap<Schema, Map<number, Schema>>();
  private readonly patterns = new Map<string, RegExp>();

  constructor(root: Schema) {
    assertKnownKeywords(root, '#');
    this.defs = (root.$defs ?? {}) as Record<string, Schema>;
  }

  /** The problems of `value` against the schema `$defs[name]`: errors first, then warnings, in document order. */
  validate(name: string, value: unknown, options: InterpretOptions = {}): Problem[] {
    const issues = this.check(this.def(name), value, '', options);
    const seen = new Set<string>();
    return issues
      .filter((i) => !seen.has(key(i)) && seen.add(key(i)))
      .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1))
      .map(({ pointer, message, severity }) => ({ pointer, message, severity }));
  }

  private def(name: string): Schema {
    const schema = this.defs[name];
    if (!schema) throw new Error(`canvas.schema.json has no schema ${name}`);
    return schema;
  }

  private resolve(schema: Schema): Schema {
    return typeof schema.$ref === 'string' ? this.resolve(this.def(schema.$ref.replace('#/$defs/', ''))) : schema;
  }

  private check(schema: Schema | boolean, value: unknown, pointer: string, options: InterpretOptions): Issue[] {
    if (schema === true) return [];
    if (schema === false) return [hard(pointer, 'No value is allowed here.')];
    const lenient = schema['x-lenient'] as readonly Lenient[] | undefined;
    const issues = this.checkKeywords(schema, value, pointer, options);
    if (!lenient || options.strict || !issues.some((i) => i.hard)) return issues;
    // What only a lenient reading accepts is a warning saying why; what it refuses too stays an error.
    const tolerated = this.checkKeywords(this.lenientSchema(schema, lenient, lenient.length), value, pointer, options).filter((i) => i.hard);
    const stillWrong = new Set(tolerated.map((i) => i.pointer));
    const flagged = new Set(issues.map((i) => i.pointer));
    return [
      ...issues.map((i) => (!i.hard || stillWrong.has(i.pointer) ? i : {
        ...i, hard: false, severity: 'warning' as const, message: `${i.message} Tolerated: ${this.because(schema, lenient, i, value, pointer, options)}.`,
      })),
      ...tolerated.filter((i) => !flagged.has(i.pointer)),
    ];
  }

  /** The reason of the first lenient reading that alone forgives the issue (all of them when it takes several). */
  private because(schema: Schema, lenient: readonly Lenient[], issue: Issue, value: unknown, pointer: string, options: InterpretOptions): string {
    if (lenient.length === 1) return lenient[0].because;
    const alone = lenient.findIndex((_, i) => !this.checkKeywords(this.lenientSchema(schema, lenient, i), value, pointer, options)
      .some((x) => x.hard && x.pointer === issue.pointer));
    return alone >= 0 ? lenient[alone].because : lenient.map((l) => l.because).join('; ');
  }

  private checkKeywords(schema: Schema, value: unknown, pointer: string, options: InterpretOptions): Issue[] {
    const issues: Issue[] = [];
    if (typeof schema.$ref === 'string') issues.push(...this.check(this.def(schema.$ref.replace('#/$defs/', '')), value, pointer, options));
    const only = schema['x-only'] as Only | undefined;
    if (only && options.placement && options.placement.capability !== only.capability) {
      const severity = only.warning && !options.strict ? 'warning' : 'error';
      issues.push({
        pointer, severity, hard: false,
        message: `${capitalize(only.feature)} works only in the ${CAPABILITY_NAMES[only.capability]}, not in ${options.placement.name}${only.warning ? ` (${only.warning})` : ''}.`,
      });
    }
    if (schema.type !== undefined && !hasType(value, schema.type)) {
      return [...issues, hard(pointer, `Expected ${typeNames(schema.type)}, got ${describe(value)}.`)];
    }
    if (schema.enum !== undefined || schema.const !== undefined) {
      const allowed = (schema.enum ?? [schema.const]) as unknown[];
      if (!allowed.some((a) => a === value)) {
        const suggestion = typeof value === 'string' ? didYouMean(value, allowed.filter((a): a is string => typeof a === 'string')) : undefined;
        issues.push(hard(pointer, `Expected ${oneOf(allowed)}, got ${describe(value)}.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`));
      }
    }
    if (typeof schema['x-max-bytes'] === 'number' && value !== undefined) {
      const bytes = new TextEncoder().encode(JSON.stringify(value)).length;
      const limit = schema['x-max-bytes'];
      if (bytes > limit) {
        issues.push({ pointer, severity: 'error', hard: false, message: `${lastKey(pointer)} takes ${bytes.toLocaleString('en')} bytes of JSON; Intercom's limit is ${limit.toLocaleString('en')} bytes (${limit / 1024} KB).` });
      }
    }
    if (isObject(value)) issues.push(...this.checkObject(schema, value, pointer, options));
    if (Array.isArray(value)) issues.push(...this.checkArray(schema, value, pointer, options));
    if (typeof value === 'string' && typeof schema.pattern === 'string' && !this.regExp(schema.pattern).test(value)) {
      const expected = typeof schema.patternErrorMessage === 'string' ? schema.patternErrorMessage : `Expected a string matching /${schema.pattern}/.`;
      issues.push(hard(pointer, `${expected} Got ${describe(value)}.`));
    }
    for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) {
      const branches = schema[keyword] as Schema[] | undefined;
      if (branches) issues.push(...this.checkBranches(keyword, branches, value, pointer, options));
    }
    return issues;
  }

  private checkObject(schema: Schema, value: Record<string, unknown>, pointer: string, options: InterpretOptions): Issue[] {
    const issues: Issue[] = [];
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    const missing = ((schema.required ?? []) as string[]).filter((k) => !Object.hasOwn(value, k));
    if (missing.length > 0) {
      const what = typeof schema.title === 'string' && schema.properties ? ` (${schema.title} requires ${list((schema.required as string[]).map(quote))})` : '';
      issues.push(hard(pointer, `Missing ${list(missing.map(quote))}${what}.`));
    }
    for (const [k, needs] of Object.entries((schema.dependentRequired ?? {}) as Record<string, string[]>)) {
      const absent = Object.hasOwn(value, k) ? needs.filter((n) => !Object.hasOwn(value, n)) : [];
      if (absent.length > 0) issues.push(hard(pointer, `Missing ${list(absent.map(quote))}, required when "${k}" is given.`));
    }
    for (const [k, v] of Object.entries(value)) {
      const here = `${pointer}/${escape(k)}`;
      // Own keys only: the app's JSON may name "constructor" or "__proto__".
      if (Object.hasOwn(properties, k)) issues.push(...this.check(properties[k], v, here, options));
      else if (schema.additionalProperties === false) {
        const known = Object.keys(properties);
        const suggestion = didYouMean(k, known);
        const where = typeof schema.title === 'string' ? ` in ${schema.title}` : '';
        const message = `Unknown key ${describe(k)}${where}.${suggestion ? ` Did you mean "${suggestion}"?` : ''} Expected ${oneOf(known)}.`;
        issues.push(options.unknownKeys === 'warning' ? { pointer: here, message, severity: 'warning', hard: false } : hard(here, message));
      } else if (isObject(schema.additionalProperties)) issues.push(...this.check(schema.additionalProperties as Schema, v, here, options));
    }
    return issues;
  }

  private checkArray(schema: Schema, value: unknown[], pointer: string, options: InterpretOptions): Issue[] {
    const issues: Issue[] = [];
    const min = schema.minItems as number | undefined;
    const max = schema.maxItems as number | undefined;
    if ((min !== undefined && value.length < min) || (max !== undefined && value.length > max)) {
      const range = min !== undefined && max !== undefined ? `${min} to ${max}` : min !== undefined ? `at least ${min}` : `at most ${max}`;
      issues.push(hard(pointer, `Expected ${range} items, got ${value.length}.`));
    }
    if (schema.items !== undefined) value.forEach((v, i) => issues.push(...this.check(schema.items as Schema, v, `${pointer}/${i}`, options)));
    return issues;
  }

  private checkBranches(keyword: 'allOf' | 'anyOf' | 'oneOf', branches: Schema[], value: unknown, pointer: string, options: InterpretOptions): Issue[] {
    if (keyword === 'allOf') return branches.flatMap((b) => this.check(b, value, pointer, options));
    const discriminator = this.discriminator(branches);
    if (discriminator) return this.checkDiscriminated(discriminator, value, pointer, options);
    const results = branches.map((b) => this.check(b, value, pointer, options));
    const passing = results.flatMap((issues, i) => (issues.some((x) => x.hard) ? [] : [i]));
    if (passing.length === 1 || (keyword === 'anyOf' && passing.length > 1)) return results[passing[0]];
    if (passing.length > 1) {
      return [hard(pointer, `Expected exactly one of ${list(passing.map((i) => this.describeBranch(branches[i])), 'or')}, but this is ${list(passing.map((i) => this.describeBranch(branches[i])))}.`)];
    }
    // None fits: the branch that got furthest (deepest first error, then fewest errors) is what was meant.
    const scores = results.map((issues) => {
      const hardOnes = issues.filter((x) => x.hard);
      return { depth: Math.min(...hardOnes.map((x) => depth(x.pointer))), count: hardOnes.length };
    });
    const best = scores.map((_, i) => i).filter((i) => scores.every((s) => s.depth < scores[i].depth || (s.depth === scores[i].depth && s.count >= scores[i].count)));
    if (best.length === 1) return results[best[0]];
    const described = branches.map((b, i) => `${this.describeBranch(b)} (${uncapitalize(results[i].find((x) => x.hard)!.message.replace(/\.$/, ''))})`);
    return [hard(pointer, `Expected ${list(described, 'or')}.`)];
  }

  private checkDiscriminated(d: Discriminator, value: unknown, pointer: string, options: InterpretOptions): Issue[] {
    const expected = `Expected "${d.key}" to be ${oneOf([...d.branches.keys()])}`;
    if (!isObject(value)) return [hard(pointer, `Expected an object whose "${d.key}" is ${oneOf([...d.branches.keys()])}, got ${describe(value)}.`)];
    const tag = value[d.key];
    if (tag === undefined) return [hard(pointer, `Missing "${d.key}". ${expected}.`)];
    const branch = typeof tag === 'string' ? d.branches.get(tag) : undefined;
    if (!branch) {
      const suggestion = typeof tag === 'string' ? didYouMean(tag, [...d.branches.keys()]) : undefined;
      return [hard(`${pointer}/${escape(d.key)}`, `${expected}, got ${describe(tag)}.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`)];
    }
    return this.check(branch, value, pointer, options);
  }

  /** A property every branch requires with one constant value of its own (`type` for components and actions). */
  private discriminator(branches: readonly Schema[]): Discriminator | null {
    if (this.discriminators.has(branches)) return this.discriminators.get(branches)!;
    const resolved = branches.map((b) => this.resolve(b));
    const candidates = Object.keys((resolved[0]?.properties ?? {}) as object);
    let found: Discriminator | null = null;
    for (const k of candidates) {
      const tags = resolved.map((b) => constantOf(b, k));
      if (tags.every((t): t is string => typeof t === 'string') && new Set(tags).size === tags.length) {
        found = { key: k, branches: new Map(tags.map((t, i) => [t, branches[i]])) };
        break;
      }
    }
    this.discriminators.set(branches, found);
    return found;
  }

  private describeBranch(branch: Schema): string {
    const b = typeof branch.title === 'string' ? branch : this.resolve(branch);
    if (typeof b.title === 'string') return b.title;
    return `an object with ${list(((b.required ?? []) as string[]).map(quote))}`;
  }

  private regExp(pattern: string): RegExp {
    let re = this.patterns.get(pattern);
    if (!re) this.patterns.set(pattern, (re = new RegExp(pattern, 'u')));
    return re;
  }

  /** The schema read with lenient reading `index`, or with all of them when `index` is their count. */
  private lenientSchema(schema: Schema, lenient: readonly Lenient[], index: number): Schema {
    let readings = this.merged.get(schema);
    if (!readings) this.merged.set(schema, (readings = new Map()));
    let merged = readings.get(index);
    if (!merged) {
      const strict: Record<string, unknown> = { ...schema };
      delete strict['x-lenient'];
      merged = (index === lenient.length ? lenient : [lenient[index]]).reduce((s, l) => deepMerge(s, l.patch), strict as Schema);
      readings.set(index, merged);
    }
    return merged;
  }
}

interface Discriminator {
  readonly key: string;
  readonly branches: ReadonlyMap<string, Schema>;
}

function constantOf(schema: Schema, key: string): unknown {
  if (!((schema.required ?? []) as string[]).includes(key)) return undefined;
  const p = ((schema.properties ?? {}) as Record<string, Schema>)[key];
  if (p?.const !== undefined) return p.const;
  return Array.isArray(p?.enum) && p.enum.length === 1 ? p.enum[0] : undefined;
}

/** Throws on a keyword the interpreter does not know, so a new one in the extracted schema is never ignored. */
function assertKnownKeywords(schema: unknown, at: string): void {
  if (typeof schema === 'boolean') return;
  if (!isObject(schema)) throw new Error(`${at}: a schema must be an object or a boolean`);
  for (const [keyword, value] of Object.entries(schema)) {
    const here = `${at}/${keyword}`;
    if (SCHEMA_VALUED.has(keyword)) assertKnownKeywords(value, here);
    else if (SCHEMA_MAPS.has(keyword)) Object.entries(value as object).forEach(([k, v]) => assertKnownKeywords(v, `${here}/${k}`));
    else if (SCHEMA_LISTS.has(keyword)) (value as unknown[]).forEach((v, i) => assertKnownKeywords(v, `${here}/${i}`));
    else if (keyword === 'x-lenient') (value as Lenient[]).forEach((l, i) => assertKnownKeywords(l.patch, `${here}/${i}/patch`));
    else if (!PLAIN.has(keyword)) throw new Error(`${here}: the Canvas Kit validator does not interpret "${keyword}"; teach interpreter.ts what it means`);
  }
}

function deepMerge(base: Schema, patch: Schema): Schema {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) out[k] = isObject(v) && isObject(out[k]) ? deepMerge(out[k] as Schema, v) : v;
  return out;
}

function hard(pointer: string, message: string): Issue {
  return { pointer, message, severity: 'error', hard: true };
}

function key(issue: Problem): string {
  return `${issue.severity} ${issue.pointer} ${issue.message}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function hasType(value: unknown, type: unknown): boolean {
  const actual = jsonType(value);
  return (Array.isArray(type) ? type : [type]).some((t) => t === actual || (t === 'number' && actual === 'integer'));
}

function typeNames(type: unknown): string {
  const article = (t: string) => (/^[aeiou]/.test(t) ? `an ${t}` : t === 'null' ? 'null' : `a ${t}`);
  return list((Array.isArray(type) ? type : [type]).map(String).map(article), 'or');
}

function describe(value: unknown): string {
  const type = jsonType(value);
  if (type === 'null' || type === 'boolean') return String(value);
  if (type === 'string') {
    const s = value as string;
    return `"${s.length > 60 ? `${s.slice(0, 57)}…` : s}"`;
  }
  if (type === 'integer' || type === 'number') return `the number ${String(value)}`;
  return type === 'array' ? 'an array' : 'an object';
}

function oneOf(values: readonly unknown[]): string {
  return values.length === 1 ? JSON.stringify(values[0]) : `one of ${list(values.map((v) => JSON.stringify(v)), 'or')}`;
}

function quote(s: string): string {
  return `"${s}"`;
}

function list(items: readonly string[], conjunction = 'and'): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function uncapitalize(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function escape(k: string): string {
  return k.replace(/~/g, '~0').replace(/\//g, '~1');
}

function depth(pointer: string): number {
  return pointer === '' ? 0 : pointer.split('/').length - 1;
}

function lastKey(pointer: string): string {
  return pointer.slice(pointer.lastIndexOf('/') + 1).replace(/~1/g, '/').replace(/~0/g, '~') || 'The body';
}
