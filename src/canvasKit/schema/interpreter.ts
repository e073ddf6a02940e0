// A JSON Schema interpreter for the keywords canvas.schema.json uses, with messages a developer can act on.
// Why not a library: none of the project's chosen packages validates JSON Schema, and a general validator
// would answer "must match exactly one schema in oneOf" where a Canvas Kit developer needs "unknown component
// type "buton"; did you mean "button"?". So this reads the extracted schema and nothing else: there is no
// per-component code. Every keyword it meets is one it knows (the constructor checks), it picks a oneOf
// branch by the `type` constant when the branches have one, and it reads the annotations the generator adds
// (x-only, x-lenient, x-max-bytes; see generate/fixes.ts).
import type { Capability, SchemaProblem } from '../flows';
import { didYouMean } from './suggest';

export type Schema = { readonly [keyword: string]: unknown };
export type Severity = SchemaProblem['severity'];

export interface InterpretOptions {
  /** Where the body is used: checks x-only. Without it, no capability is checked (a fixture file). */
  readonly placement?: { readonly capability: Capability; readonly name: string };
  /** What the docs disagree on, or Intercom is not known to refuse, is an error too (default: a warning). */
  readonly strict?: boolean;
  /** How a key the schema does not define counts (default: an error). */
  readonly unknownKeys?: Severity;
}

/** A problem while a branch is being chosen: only `hard` ones make a oneOf/anyOf branch fail. */
interface Issue extends SchemaProblem {
  readonly hard: boolean;
}

interface Only {
  readonly capability: Capability;
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

/**
 * A schema read once into a fixed shape: validation runs for every value of a canvas, and objects of one
 * shape read their fields fast where the schema's own objects, each of its own shape, do not.
 */
class Node {
  readonly title: string | undefined;
  readonly ref: string | undefined;
  readonly never: boolean;
  readonly only: Only | undefined;
  readonly type: unknown;
  readonly allowed: readonly unknown[] | undefined;
  readonly maxBytes: number | undefined;
  /** A Map, so a key named "constructor" or "__proto__" in the app's JSON is no property. */
  readonly properties: ReadonlyMap<string, Node>;
  readonly required: readonly string[];
  /** additionalProperties: false. */
  readonly closed: boolean;
  readonly additional: Node | undefined;
  readonly dependentRequired: readonly (readonly [string, readonly string[]])[];
  readonly items: Node | undefined;
  readonly minItems: number | undefined;
  readonly maxItems: number | undefined;
  readonly pattern: RegExp | undefined;
  readonly patternMessage: string;
  readonly allOf: readonly Node[] | undefined;
  readonly anyOf: readonly Node[] | undefined;
  readonly oneOf: readonly Node[] | undefined;
  readonly lenient: readonly Lenient[] | undefined;
  /** The schema as written, for the lenient readings' patches. */
  readonly raw: Schema;

  constructor(schema: Schema | boolean) {
    const raw = typeof schema === 'boolean' ? {} : schema;
    const node = (s: unknown) => new Node(s as Schema | boolean);
    const nodes = (list: unknown) => (list as (Schema | boolean)[] | undefined)?.map(node);
    this.raw = raw;
    this.never = schema === false;
    this.title = typeof raw.title === 'string' ? raw.title : undefined;
    this.ref = typeof raw.$ref === 'string' ? raw.$ref : undefined;
    this.only = raw['x-only'] as Only | undefined;
    this.type = raw.type;
    this.allowed = (raw.enum ?? (raw.const !== undefined ? [raw.const] : undefined)) as unknown[] | undefined;
    this.maxBytes = raw['x-max-bytes'] as number | undefined;
    this.properties = new Map(Object.entries((raw.properties ?? {}) as Record<string, Schema>).map(([k, v]) => [k, node(v)]));
    this.required = (raw.required ?? []) as string[];
    this.closed = raw.additionalProperties === false;
    this.additional = typeof raw.additionalProperties === 'object' ? node(raw.additionalProperties) : undefined;
    this.dependentRequired = Object.entries((raw.dependentRequired ?? {}) as Record<string, string[]>);
    this.items = raw.items === undefined ? undefined : node(raw.items);
    this.minItems = raw.minItems as number | undefined;
    this.maxItems = raw.maxItems as number | undefined;
    this.pattern = typeof raw.pattern === 'string' ? new RegExp(raw.pattern, 'u') : undefined;
    this.patternMessage = typeof raw.patternErrorMessage === 'string' ? raw.patternErrorMessage : `Expected a string matching /${String(raw.pattern)}/.`;
    this.allOf = nodes(raw.allOf);
    this.anyOf = nodes(raw.anyOf);
    this.oneOf = nodes(raw.oneOf);
    this.lenient = raw['x-lenient'] as Lenient[] | undefined;
  }
}

/**
 * Where a value is, as a JSON pointer written out only when a problem is found there: a 64 KB canvas has
 * thousands of values, and writing each one's pointer took a third of the validation.
 */
class Pointer {
  private text: string | undefined;

  constructor(private readonly parent: Pointer | undefined, readonly key: string) {}

  child(key: string): Pointer {
    return new Pointer(this, key);
  }

  toString(): string {
    return (this.text ??= this.parent ? `${this.parent.toString()}/${escape(this.key)}` : '');
  }
}

const ROOT = new Pointer(undefined, '');

export class SchemaInterpreter {
  private readonly defs: Record<string, Schema>;
  private readonly compiled = new Map<string, Node>();
  private readonly discriminators = new WeakMap<readonly Node[], Discriminator | null>();
  private readonly readings = new WeakMap<Node, Map<number, Node>>();

  constructor(root: Schema) {
    assertKnownKeywords(root, '#');
    this.defs = (root.$defs ?? {}) as Record<string, Schema>;
  }

  /** The problems of `value` against the schema `$defs[name]`: errors first, then warnings, in document order. */
  validate(name: string, value: unknown, options: InterpretOptions = {}): SchemaProblem[] {
    const issues: Issue[] = [];
    this.check(this.def(name), value, ROOT, options, issues);
    const seen = new Set<string>();
    return issues
      .filter((i) => !seen.has(key(i)) && seen.add(key(i)))
      .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1))
      .map(({ pointer, message, severity }) => ({ pointer, message, severity }));
  }

  /** The schema `$defs[name]` (or the `$ref` `#/$defs/name`), read on first use. */
  private def(name: string): Node {
    let node = this.compiled.get(name);
    if (!node) {
      const schema = this.defs[name.replace('#/$defs/', '')];
      if (!schema) throw new Error(`canvas.schema.json has no schema ${name.replace('#/$defs/', '')}`);
      this.compiled.set(name, (node = new Node(schema)));
    }
    return node;
  }

  private resolve(node: Node): Node {
    return node.ref ? this.resolve(this.def(node.ref)) : node;
  }

  // The checks below add what they find to `out`, the issues of the value being validated.

  private check(node: Node, value: unknown, pointer: Pointer, options: InterpretOptions, out: Issue[]): void {
    const start = out.length;
    this.checkKeywords(node, value, pointer, options, out);
    if (!node.lenient || options.strict || !hasHard(out, start)) return;
    const issues = out.splice(start);
    // What only a lenient reading accepts is a warning saying why; what it refuses too stays an error.
    const tolerated = this.issues(this.reading(node, node.lenient.length), value, pointer, options).filter((i) => i.hard);
    const stillWrong = new Set(tolerated.map((i) => i.pointer));
    const flagged = new Set(issues.map((i) => i.pointer));
    for (const i of issues) {
      out.push(!i.hard || stillWrong.has(i.pointer) ? i : {
        ...i, hard: false, severity: 'warning', message: `${i.message} Tolerated: ${this.because(node, i, value, pointer, options)}.`,
      });
    }
    out.push(...tolerated.filter((i) => !flagged.has(i.pointer)));
  }

  /** The issues of `value` against `node`, apart from those found so far. */
  private issues(node: Node, value: unknown, pointer: Pointer, options: InterpretOptions): Issue[] {
    const found: Issue[] = [];
    this.check(node, value, pointer, options, found);
    return found;
  }

  /** The reason of the first lenient reading that alone forgives the issue (all of them when it takes several). */
  private because(node: Node, issue: Issue, value: unknown, pointer: Pointer, options: InterpretOptions): string {
    const lenient = node.lenient!;
    if (lenient.length === 1) return lenient[0].because;
    const alone = lenient.findIndex((_, i) => !this.issues(this.reading(node, i), value, pointer, options)
      .some((x) => x.hard && x.pointer === issue.pointer));
    return alone >= 0 ? lenient[alone].because : lenient.map((l) => l.because).join('; ');
  }

  private checkKeywords(node: Node, value: unknown, pointer: Pointer, options: InterpretOptions, out: Issue[]): void {
    if (node.never) {
      out.push(hard(pointer, 'No value is allowed here.'));
      return;
    }
    if (node.ref) this.check(this.def(node.ref), value, pointer, options, out);
    const only = node.only;
    if (only && options.placement && options.placement.capability !== only.capability) {
      const severity = only.warning && !options.strict ? 'warning' : 'error';
      out.push({
        pointer: pointer.toString(), severity, hard: false,
        message: `${capitalize(only.feature)} works only in the ${CAPABILITY_NAMES[only.capability]}, not in ${options.placement.name}${only.warning ? ` (${only.warning})` : ''}.`,
      });
    }
    if (node.type !== undefined && !hasType(value, node.type)) {
      out.push(hard(pointer, `Expected ${typeNames(node.type)}, got ${describe(value)}.`));
      return;
    }
    if (node.allowed && !node.allowed.includes(value)) {
      const suggestion = typeof value === 'string' ? didYouMean(value, node.allowed.filter((a): a is string => typeof a === 'string')) : undefined;
      out.push(hard(pointer, `Expected ${oneOf(node.allowed)}, got ${describe(value)}.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`));
    }
    if (node.maxBytes !== undefined && value !== undefined) {
      // The bytes Intercom receives for the field: its JSON in UTF-8.
      const bytes = Buffer.byteLength(JSON.stringify(value), 'utf8');
      const limit = node.maxBytes;
      if (bytes > limit) {
        out.push({ pointer: pointer.toString(), severity: 'error', hard: false, message: `${pointer.key || 'The body'} takes ${bytes.toLocaleString('en')} bytes of JSON, over Intercom's limit of ${limit / 1024} KB (${limit.toLocaleString('en')} bytes) per field.` });
      }
    }
    if (isObject(value)) this.checkObject(node, value, pointer, options, out);
    else if (Array.isArray(value)) this.checkArray(node, value, pointer, options, out);
    else if (typeof value === 'string' && node.pattern && !node.pattern.test(value)) out.push(hard(pointer, `${node.patternMessage} Got ${describe(value)}.`));
    if (node.allOf) for (const branch of node.allOf) this.check(branch, value, pointer, options, out);
    if (node.anyOf) this.checkBranches('anyOf', node.anyOf, value, pointer, options, out);
    if (node.oneOf) this.checkBranches('oneOf', node.oneOf, value, pointer, options, out);
  }

  private checkObject(node: Node, value: Record<string, unknown>, pointer: Pointer, options: InterpretOptions, out: Issue[]): void {
    const has = (k: string) => Object.hasOwn(value, k);
    if (!node.required.every(has)) {
      const what = node.title && node.properties.size > 0 ? ` (${node.title} requires ${list(node.required.map(quote))})` : '';
      out.push(hard(pointer, `Missing ${list(node.required.filter((k) => !has(k)).map(quote))}${what}.`));
    }
    for (const [k, needs] of node.dependentRequired) {
      const absent = has(k) ? needs.filter((n) => !has(n)) : [];
      if (absent.length > 0) out.push(hard(pointer, `Missing ${list(absent.map(quote))}, required when "${k}" is given.`));
    }
    for (const k of Object.keys(value)) {
      const here = pointer.child(k);
      const property = node.properties.get(k);
      if (property) this.check(property, value[k], here, options, out);
      else if (node.closed) {
        const known = [...node.properties.keys()];
        const suggestion = didYouMean(k, known);
        const where = node.title ? ` in ${node.title}` : '';
        const message = `Unknown key ${describe(k)}${where}.${suggestion ? ` Did you mean "${suggestion}"?` : ''} Expected ${oneOf(known)}.`;
        out.push(options.unknownKeys === 'warning' ? { pointer: here.toString(), message, severity: 'warning', hard: false } : hard(here, message));
      } else if (node.additional) this.check(node.additional, value[k], here, options, out);
    }
  }

  private checkArray(node: Node, value: unknown[], pointer: Pointer, options: InterpretOptions, out: Issue[]): void {
    const { minItems: min, maxItems: max } = node;
    if ((min !== undefined && value.length < min) || (max !== undefined && value.length > max)) {
      const range = min !== undefined && max !== undefined ? `${min} to ${max}` : min !== undefined ? `at least ${min}` : `at most ${max}`;
      out.push(hard(pointer, `Expected ${range} items, got ${value.length}.`));
    }
    if (node.items) for (let i = 0; i < value.length; i++) this.check(node.items, value[i], pointer.child(String(i)), options, out);
  }

  private checkBranches(keyword: 'anyOf' | 'oneOf', branches: readonly Node[], value: unknown, pointer: Pointer, options: InterpretOptions, out: Issue[]): void {
    const discriminator = this.discriminator(branches);
    if (discriminator) {
      this.checkDiscriminated(discriminator, value, pointer, options, out);
      return;
    }
    const results = branches.map((b) => this.issues(b, value, pointer, options));
    const passing = results.flatMap((issues, i) => (issues.some((x) => x.hard) ? [] : [i]));
    if (passing.length === 1 || (keyword === 'anyOf' && passing.length > 1)) {
      out.push(...results[passing[0]]);
      return;
    }
    if (passing.length > 1) {
      out.push(hard(pointer, `Expected exactly one of ${list(passing.map((i) => this.describeBranch(branches[i])), 'or')}, but this is ${list(passing.map((i) => this.describeBranch(branches[i])))}.`));
      return;
    }
    // None fits: the branch that got furthest (deepest first error, then fewest errors) is what was meant.
    const scores = results.map((issues) => {
      const hardOnes = issues.filter((x) => x.hard);
      return { depth: Math.min(...hardOnes.map((x) => depth(x.pointer))), count: hardOnes.length };
    });
    const best = scores.map((_, i) => i).filter((i) => scores.every((s) => s.depth < scores[i].depth || (s.depth === scores[i].depth && s.count >= scores[i].count)));
    if (best.length === 1) {
      out.push(...results[best[0]]);
      return;
    }
    const described = branches.map((b, i) => `${this.describeBranch(b)} (${uncapitalize(results[i].find((x) => x.hard)!.message.replace(/\.$/, ''))})`);
    out.push(hard(pointer, `Expected ${list(described, 'or')}.`));
  }

  private checkDiscriminated(d: Discriminator, value: unknown, pointer: Pointer, options: InterpretOptions, out: Issue[]): void {
    const tags = () => oneOf([...d.branches.keys()]);
    if (!isObject(value)) {
      out.push(hard(pointer, `Expected an object whose "${d.key}" is ${tags()}, got ${describe(value)}.`));
      return;
    }
    const tag = value[d.key];
    const branch = typeof tag === 'string' ? d.branches.get(tag) : undefined;
    if (branch) this.check(branch, value, pointer, options, out);
    else if (tag === undefined) out.push(hard(pointer, `Missing "${d.key}". Expected "${d.key}" to be ${tags()}.`));
    else {
      const suggestion = typeof tag === 'string' ? didYouMean(tag, [...d.branches.keys()]) : undefined;
      out.push(hard(pointer.child(d.key), `Expected "${d.key}" to be ${tags()}, got ${describe(tag)}.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`));
    }
  }

  /** A property every branch requires with one constant value of its own (`type` for components and actions). */
  private discriminator(branches: readonly Node[]): Discriminator | null {
    if (this.discriminators.has(branches)) return this.discriminators.get(branches)!;
    const resolved = branches.map((b) => this.resolve(b));
    let found: Discriminator | null = null;
    for (const k of resolved[0]?.properties.keys() ?? []) {
      const tags = resolved.map((b) => constantOf(b, k));
      if (tags.every((t): t is string => typeof t === 'string') && new Set(tags).size === tags.length) {
        found = { key: k, branches: new Map(tags.map((t, i) => [t, branches[i]])) };
        break;
      }
    }
    this.discriminators.set(branches, found);
    return found;
  }

  private describeBranch(branch: Node): string {
    const b = branch.title ? branch : this.resolve(branch);
    return b.title ?? `an object with ${list(b.required.map(quote))}`;
  }

  /** `node` read with lenient reading `index`, or with all of them when `index` is their count. */
  private reading(node: Node, index: number): Node {
    let readings = this.readings.get(node);
    if (!readings) this.readings.set(node, (readings = new Map()));
    let read = readings.get(index);
    if (!read) {
      const lenient = node.lenient!;
      const strict: Record<string, unknown> = { ...node.raw };
      delete strict['x-lenient'];
      read = new Node((index === lenient.length ? lenient : [lenient[index]]).reduce((s, l) => deepMerge(s, l.patch), strict as Schema));
      readings.set(index, read);
    }
    return read;
  }
}

interface Discriminator {
  readonly key: string;
  readonly branches: ReadonlyMap<string, Node>;
}

function constantOf(node: Node, key: string): unknown {
  const allowed = node.required.includes(key) ? node.properties.get(key)?.allowed : undefined;
  return allowed?.length === 1 ? allowed[0] : undefined;
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

function hasHard(issues: readonly Issue[], from: number): boolean {
  for (let i = from; i < issues.length; i++) if (issues[i].hard) return true;
  return false;
}

function hard(pointer: Pointer, message: string): Issue {
  return { pointer: pointer.toString(), message, severity: 'error', hard: true };
}

function key(issue: SchemaProblem): string {
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
  const is = (t: unknown) => t === actual || (t === 'number' && actual === 'integer');
  return Array.isArray(type) ? type.some(is) : is(type);
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
  return k.includes('~') || k.includes('/') ? k.replace(/~/g, '~0').replace(/\//g, '~1') : k;
}

function depth(pointer: string): number {
  return pointer === '' ? 0 : pointer.split('/').length - 1;
}
