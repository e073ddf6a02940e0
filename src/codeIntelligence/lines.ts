// Offsets in a document's text ↔ line and character, found once per analysis: every finding, literal
// and diagnostic is placed through it by binary search.
import { countBefore } from '../scopes/sorted';
import type { Position, Range } from './model';

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** The offset of a 0-based line's first character. */
  lineStart(line: number): number {
    return this.starts[Math.min(Math.max(line, 0), this.starts.length - 1)];
  }

  /** The offset just past a 0-based line's last character (before its line break). */
  lineEnd(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts[line + 1] - 1 : this.text.length;
    return next > 0 && this.text[next - 1] === '\r' ? next - 1 : next;
  }

  /** The 0-based line an offset is on. */
  lineAt(offset: number): number {
    return countBefore(this.starts, (s) => s <= offset) - 1;
  }

  offset(position: Position): number {
    return this.lineStart(position.line) + position.character;
  }

  position(offset: number): Position {
    const line = this.lineAt(offset);
    return { line, character: offset - this.starts[line] };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }
}
