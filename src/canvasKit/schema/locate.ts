// Where a problem's JSON pointer is in the text of a body or fixture file, so an editor can underline it and
// the simulator can highlight it. Reads only along the pointer's path; other values are skipped, not built.

export interface Span {
  /** Offsets in the text, end excluded. */
  readonly start: number;
  readonly end: number;
}

export interface Location {
  /** The value the pointer names. */
  readonly value: Span;
  /** Its key, when the value is an object member. */
  readonly key?: Span;
}

/** The location of `pointer` (RFC 6901) in the JSON `text`; undefined when the text is not JSON or lacks it. */
export function locate(text: string, pointer: string): Location | undefined {
  const path = pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const scanner = new Scanner(text);
  try {
    let key: Span | undefined;
    for (const segment of path) {
      scanner.space();
      const found = scanner.text[scanner.at] === '{' ? scanner.member(segment) : scanner.element(segment);
      if (!found) return undefined;
      key = found.key;
    }
    scanner.space();
    const start = scanner.at;
    scanner.skipValue();
    return { value: { start, end: scanner.at }, ...(key ? { key } : {}) };
  } catch {
    return undefined;
  }
}

class Scanner {
  at = 0;
  // A JSON string (JSON.parse then refuses raw control characters, which this lets through).
  private readonly stringToken = /"(?:[^"\\]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
  private readonly literalToken = /true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  constructor(readonly text: string) {}

  private token(re: RegExp, what: string): string {
    re.lastIndex = this.at;
    const m = re.exec(this.text);
    if (!m) throw new Error(`expected ${what} at ${this.at}`);
    this.at += m[0].length;
    return m[0];
  }

  space(): void {
    while (/\s/.test(this.text[this.at] ?? '')) this.at++;
  }

  expect(c: string): void {
    this.space();
    if (this.text[this.at] !== c) throw new Error(`expected ${c} at ${this.at}`);
    this.at++;
  }

  /** Moves to the value of member `name` of the object here. */
  member(name: string): { key: Span } | undefined {
    this.expect('{');
    for (this.space(); this.text[this.at] !== '}';) {
      this.space();
      const start = this.at;
      const key = this.string();
      const span = { start, end: this.at };
      this.expect(':');
      this.space();
      if (key === name) return { key: span };
      this.skipValue();
      this.space();
      if (this.text[this.at] === ',') this.at++;
      else if (this.text[this.at] !== '}') throw new Error(`expected , or } at ${this.at}`);
      this.space();
    }
    return undefined;
  }

  /** Moves to element `index` of the array here. */
  element(index: string): { key: undefined } | undefined {
    this.expect('[');
    const wanted = /^(0|[1-9]\d*)$/.test(index) ? Number(index) : -1;
    for (let i = 0; ; i++) {
      this.space();
      if (this.text[this.at] === ']') return undefined;
      if (i === wanted) return { key: undefined };
      this.skipValue();
      this.space();
      if (this.text[this.at] === ',') this.at++;
      else if (this.text[this.at] !== ']') throw new Error(`expected , or ] at ${this.at}`);
    }
  }

  string(): string {
    return JSON.parse(this.token(this.stringToken, 'a string')) as string;
  }

  skipValue(): void {
    this.space();
    const c = this.text[this.at];
    if (c === '"') {
      this.string();
    } else if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      this.at++;
      for (this.space(); this.text[this.at] !== close;) {
        if (c === '{') {
          this.string();
          this.expect(':');
        }
        this.skipValue();
        this.space();
        if (this.text[this.at] === ',') this.at++;
        else if (this.text[this.at] !== close) throw new Error(`expected , or ${close} at ${this.at}`);
        this.space();
      }
      this.at++;
    } else {
      this.token(this.literalToken, 'a value');
    }
  }
}
