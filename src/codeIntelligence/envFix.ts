// The quick fix for a secret in the source: the literal becomes a read of an environment variable, in
// the document's language, plus the import that read needs when the file lacks it (Python's os, Go's os).
import { HOLE } from '../scopes/operations';
import type { Language } from '../scopes/source';
import type { LiteralSpan } from './callRange';
import type { LineIndex } from './lines';
import type { QuickFix, TextEdit } from './model';

export function envRead(lang: Language, name: string): string {
  switch (lang) {
    case 'js': return `process.env.${name}`;
    case 'python': return `os.environ["${name}"]`;
    case 'ruby': return `ENV["${name}"]`;
    case 'php': return `getenv('${name}')`;
    case 'go': return `os.Getenv("${name}")`;
  }
}

const PY_IMPORTS_OS = /^[ \t]*import[ \t]+(?:[\w.]+[ \t]*,[ \t]*)*os\b(?![.\w])/m;
/** The first top-level import that `import os` can go before (after `from __future__`, which must be first). */
const PY_FIRST_IMPORT = /^(?:import|from)[ \t]+(?!__future__\b)/m;
const PY_HEADER = /^(?:#[^\n]*\n|[ \t]*\n)*(?:[rRuU]?("""|''')[\s\S]*?\1[^\n]*\n)?(?:from[ \t]+__future__[^\n]*\n)*/y;
const GO_IMPORTS_OS = /^[ \t]*(?:import[ \t]+)?(?:\w+[ \t]+)?"os"[ \t]*$/m;
const GO_IMPORT_BLOCK = /^import[ \t]*\([ \t]*\n/m;
const GO_PACKAGE = /^package[ \t]+\w+[^\n]*\n?/m;

/** The edit adding the import the read needs, or undefined when the file has it (or needs none). */
export function importEdit(text: string, lang: Language, lines: LineIndex): TextEdit | undefined {
  const insert = (offset: number, newText: string): TextEdit => ({ range: lines.range(offset, offset), newText });
  if (lang === 'python' && !PY_IMPORTS_OS.test(text)) {
    const first = PY_FIRST_IMPORT.exec(text);
    if (first) return insert(first.index, 'import os\n');
    PY_HEADER.lastIndex = 0;
    return insert(PY_HEADER.exec(text)?.[0].length ?? 0, 'import os\n');
  }
  if (lang === 'go' && !GO_IMPORTS_OS.test(text)) {
    const block = GO_IMPORT_BLOCK.exec(text);
    if (block) return insert(block.index + block[0].length, '\t"os"\n');
    const pkg = GO_PACKAGE.exec(text);
    const at = pkg ? pkg.index + pkg[0].length : 0;
    return insert(at, `${pkg && !pkg[0].endsWith('\n') ? '\n' : ''}\nimport "os"\n`);
  }
  return undefined;
}

/** PHP class constants and property defaults, and Go constants in a block, take constant expressions only. */
const PHP_CONSTANT_CONTEXT = /^[ \t]*(?:(?:public|private|protected|static|readonly|var|const)\s+)+/;
const GO_CONST = /^([ \t]*)const(\s)/;
const GO_CONST_BLOCK = /^const[ \t]*\([^)]*$/;

/** An edit turning `const NAME = "…"` into a variable in Go, `[]` when none is needed, undefined when the fix cannot be made. */
function constantEdits(text: string, lang: Language, lines: LineIndex, at: number): TextEdit[] | undefined {
  const lineStart = lines.lineStart(lines.lineAt(at));
  const prefix = text.slice(lineStart, at);
  if (lang === 'php') return PHP_CONSTANT_CONTEXT.test(prefix) ? undefined : [];
  if (lang !== 'go') return [];
  const single = GO_CONST.exec(prefix);
  if (single) {
    const from = lineStart + single[1].length;
    return [{ range: lines.range(from, from + 'const'.length), newText: 'var' }];
  }
  // Inside `const ( … )`: the block has not been closed before this line.
  const before = text.slice(0, lineStart);
  const block = before.lastIndexOf('\nconst');
  return block >= 0 && GO_CONST_BLOCK.test(before.slice(block + 1)) ? undefined : [];
}

/**
 * Replaces `secret` (offsets within `literal`) with a read of `name`: the whole literal when the secret is
 * all of it, else the literal's other parts joined to the read (`'Bearer ' + process.env.X`). Undefined when
 * the literal interpolates or has a string prefix, or where the language takes a constant only: rewriting
 * those is not certain.
 */
export function envFix(text: string, lang: Language, lines: LineIndex, literal: LiteralSpan, secret: { start: number; end: number }, name: string): QuickFix | undefined {
  if (literal.value.includes(HOLE) || (literal.open > 0 && /[A-Za-z]/.test(text[literal.open - 1]))) return undefined;
  const constant = constantEdits(text, lang, lines, literal.open);
  if (!constant) return undefined;
  const quote = text[literal.open];
  const read = envRead(lang, name);
  const before = text.slice(literal.open + 1, secret.start);
  const after = text.slice(secret.end, literal.end - 1);
  const join = lang === 'php' ? ' . ' : ' + ';
  let replacement: string;
  if (!before && !after) replacement = read;
  else if (quote === '`' && lang === 'js') replacement = `\`${before}\${${read}}${after}\``;
  else replacement = [before && `${quote}${before}${quote}`, read, after && `${quote}${after}${quote}`].filter(Boolean).join(join);
  const edits: TextEdit[] = [...constant, { range: lines.range(literal.open, literal.end), newText: replacement }];
  const imported = importEdit(text, lang, lines);
  if (imported) edits.push(imported);
  const needs = imported ? (lang === 'python' ? ' (adds import os)' : ' (adds the "os" import)') : '';
  return { kind: 'edit', title: `Read it from the ${name} environment variable${needs}`, edits };
}
