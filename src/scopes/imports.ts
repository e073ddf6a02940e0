// The project-level part of the scan: which of the project's own modules a file imports, and the names
// it takes from them. A file that imports a module talking to Intercom (a wrapper around the SDK or an
// HTTP client on Intercom's host) is itself an Intercom file, even if it never says "intercom".
// Text only: JS/TS `import`/`require`, Python `from … import`, Ruby `require(_relative)`, PHP
// `use`/`require`, Go import paths. Paths are the scan's own (workspace-relative, `/` or `\`).

import type { Language } from './source';

export interface ModuleImport {
  /** As written: `./http`, `.support.client`, `App\Support\Http`, `github.com/acme/shop/internal/x`. */
  readonly specifier: string;
  /** Relative to the importing file (`./x`, `../x`, Python `.x`, Ruby require_relative, PHP __DIR__). */
  readonly relative: boolean;
  /** Names the file binds from it (`import { http as api }` → api); empty when it binds none. */
  readonly names: readonly string[];
}

// Each pattern starts at a line start and stops at a brace or line end, so a crafted file cannot make
// them quadratic.
const JS_FROM = /^[ \t]*import\s+((?:type\s+)?(?:[\w$]+\s*,?\s*)?(?:\{[^{}]{0,2000}\}|\*\s*as\s+[\w$]+)?)\s*from\s*['"]([^'"\n]+)['"]|^[ \t]*(?:export\s+)?(?:const|let|var)\s+([\w$]+|\{[^{}]{0,400}\})\s*=\s*require\(\s*['"]([^'"\n]+)['"]\s*\)|^[ \t]*(?:import|require)\s*\(?\s*['"](\.[^'"\n]*)['"]/gm;
// Names span lines only inside parentheses: otherwise the next line's `from` would be taken for a name.
const PY_FROM = /^[ \t]*from\s+(\.*[\w.]{0,200})\s+import[ \t]+(?:\(([\w\s,]{1,400})\)|([\w \t,]{1,400}))|^[ \t]*import\s+([\w.]{1,200})(?:\s+as\s+(\w+))?/gm;
const RB_REQUIRE = /\brequire(_relative)?\s*\(?\s*['"]([^'"\n]+)['"]/g;
const PHP_USE = /^[ \t]*use\s+([\w\\]+)(?:\s+as\s+(\w+))?\s*;|\b(?:require|include)(?:_once)?\s*\(?\s*(__DIR__\s*\.\s*)?['"]([^'"\n]+)['"]/gm;
const GO_IMPORT = /^[ \t]*(?:import\s+)?(\w+\s+)?"([\w.\-/]+)"/gm;
/**
 * Words every import in the language contains (Go's import block lines do not, but a file without the
 * `import` keyword imports nothing), as a pattern: a file without one has no import.
 */
export const IMPORT_WORDS: Readonly<Record<Language, string>> = {
  js: 'import|require', python: 'import', ruby: 'require', php: '\\buse\\s|require|include', go: '\\bimport\\b',
};
const HAS_IMPORT_WORD = Object.fromEntries(Object.entries(IMPORT_WORDS).map(([lang, words]) => [lang, new RegExp(words)]));

/** Bound names in `{ a, b as c }`, `* as ns`, `def`, `{ a: b }`. */
function jsNames(clause: string): string[] {
  return clause
    .replace(/^type\s+/, '')
    .replace(/[{}]/g, ',')
    .split(',')
    .map((part) => part.trim().split(/\s+as\s+|\s*:\s*/).pop()!.replace(/^\*\s*/, '').trim())
    .filter((name) => /^[A-Za-z_$][\w$]*$/.test(name));
}

export function importsOf(text: string, lang: Language): ModuleImport[] {
  const found: ModuleImport[] = [];
  if (!HAS_IMPORT_WORD[lang].test(text)) return found;
  switch (lang) {
    case 'js':
      for (const m of text.matchAll(JS_FROM)) {
        const specifier = m[2] ?? m[4] ?? m[5];
        found.push({ specifier, relative: specifier.startsWith('.'), names: jsNames(m[1] ?? m[3] ?? '') });
      }
      break;
    case 'python':
      for (const m of text.matchAll(PY_FROM)) {
        if (m[1] !== undefined) {
          const names = (m[2] ?? m[3]).split(',').map((n) => n.trim().split(/\s+as\s+/).pop()!).filter(Boolean);
          found.push({ specifier: m[1], relative: m[1].startsWith('.'), names });
        } else found.push({ specifier: m[4], relative: false, names: [m[5] ?? m[4].split('.')[0]] });
      }
      break;
    case 'ruby':
      for (const m of text.matchAll(RB_REQUIRE)) found.push({ specifier: m[2], relative: m[1] !== undefined, names: [] });
      break;
    case 'php':
      for (const m of text.matchAll(PHP_USE)) {
        if (m[1] !== undefined) found.push({ specifier: m[1], relative: false, names: [m[2] ?? m[1].split('\\').pop()!] });
        else found.push({ specifier: m[4], relative: m[3] !== undefined || m[4].startsWith('.'), names: [] });
      }
      break;
    case 'go':
      for (const m of text.matchAll(GO_IMPORT)) {
        if (m[2].includes('/')) found.push({ specifier: m[2], relative: false, names: [m[1]?.trim() || m[2].split('/').pop()!] });
      }
      break;
  }
  return found;
}

const stem = (file: string): string => file.replace(/\.[^./]+$/, '');
const dirname = (file: string): string => file.slice(0, Math.max(0, file.lastIndexOf('/')));

/** `a/b/../c/./d` → `a/c/d`; undefined when it climbs above the root. */
function normalize(path: string): string | undefined {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(part);
  }
  return out.join('/');
}

/** Python's `..pkg.mod` from `app/sub/x.py` → `app/pkg/mod`. */
function pythonRelative(from: string, specifier: string): string | undefined {
  const dots = /^\.+/.exec(specifier)![0].length;
  let dir = dirname(from);
  for (let i = 1; i < dots; i++) dir = dirname(dir);
  return normalize(`${dir}/${specifier.slice(dots).replace(/\./g, '/')}`);
}

/**
 * The names an import can give a project file: its path without extension (`index` and `__init__`
 * stand for their folder), and for Go, whose imports name packages, its folder.
 */
export function moduleKeys(file: string): string[] {
  const slashed = file.replace(/\\/g, '/');
  const keys = [stem(slashed).replace(/\/(?:index|__init__)$/, '')];
  if (slashed.endsWith('.go')) keys.push(dirname(slashed));
  return keys;
}

type Target = { readonly relative: true; readonly path: string | undefined } | { readonly relative: false; readonly parts: string[] };

/** What an import names before the project is consulted: a path for a relative import, else a module path's segments. */
function targetOf(from: string, lang: Language, imported: ModuleImport): Target {
  const importer = from.replace(/\\/g, '/');
  const spec = imported.specifier.replace(/\\/g, '/').replace(/\.(?:[cm]?[jt]sx?|py|rb|php|go)$/, '');
  if (imported.relative) {
    return { relative: true, path: lang === 'python' ? pythonRelative(importer, spec) : normalize(`${dirname(importer)}/${spec}`) };
  }
  return { relative: false, parts: (lang === 'python' ? spec.replace(/\./g, '/') : spec).split('/').filter(Boolean) };
}

const tailOf = (key: string): string => key.split('/').pop()!.toLowerCase();
/** Where a PHP package's classes start (composer's autoload psr-4: `"Acme\\Intercom\\": "src/"`). */
const PSR4_FOLDER = /(?:^|\/)(?:src|lib)\/$/;

/**
 * A few module keys (the project's modules that talk to Intercom), with a quick test of whether an
 * import may resolve to one of them: most imports are settled without indexing the whole project.
 */
export class ModuleKeySet {
  private readonly tails: Set<string>;

  constructor(readonly keys: ReadonlySet<string>) {
    this.tails = new Set([...keys].map(tailOf));
  }

  /** False when ProjectModules.resolve cannot give one of the keys; true when it may. */
  mayName(from: string, lang: Language, imported: ModuleImport): boolean {
    const target = targetOf(from, lang, imported);
    if (target.relative) return target.path !== undefined && this.keys.has(target.path);
    return this.tails.has(target.parts.at(-1)?.toLowerCase() ?? '');
  }
}

/** The project's files, to resolve imports to their module keys. */
export class ProjectModules {
  private readonly keys = new Set<string>();
  /** Last segment of each key, lower-cased → the keys ending with it. */
  private readonly byTail = new Map<string, string[]>();

  constructor(files: readonly string[]) {
    for (const key of files.flatMap(moduleKeys)) {
      if (this.keys.has(key)) continue;
      this.keys.add(key);
      const tail = tailOf(key);
      const same = this.byTail.get(tail);
      if (same) same.push(key);
      else this.byTail.set(tail, [key]);
    }
  }

  /** The module key of the project file or package an import names, if it is one of the project's. */
  resolve(from: string, lang: Language, imported: ModuleImport): string | undefined {
    const target = targetOf(from, lang, imported);
    if (target.relative) return target.path !== undefined && this.keys.has(target.path) ? target.path : undefined;
    // Module paths (Python packages, PHP namespaces, Ruby load paths, Go import paths) end with the
    // project path they name: the longest suffix of two or more segments (or the whole, if one) a key has.
    const { parts } = target;
    const candidates = this.byTail.get(parts.at(-1)?.toLowerCase() ?? '') ?? [];
    for (let k = 0; k <= parts.length - Math.min(2, parts.length); k++) {
      const suffix = parts.slice(k).join('/').toLowerCase();
      const key = candidates.find((c) => c.toLowerCase() === suffix || c.toLowerCase().endsWith(`/${suffix}`));
      if (key) return key;
    }
    // A PHP package maps its namespace's prefix to its source folder (PSR-4): `Acme\Intercom\IntercomClient` is
    // src/IntercomClient.php.
    if (lang === 'php' && parts.length > 1) return candidates.find((c) => PSR4_FOLDER.test(c.slice(0, c.lastIndexOf('/') + 1)));
    return undefined;
  }
}
