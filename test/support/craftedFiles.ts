// Adversarial source files for the scope scanner: each repeats one pattern that used to make the scan
// quadratic. Shared by the unit tests (which count the scan's work) and scripts/bench-adversarial.mjs
// (which times each at 1 MB).

export interface CraftedFile {
  /** What the file repeats, for the benchmark's output. */
  readonly title: string;
  readonly file: string;
  /** The file's text, about `bytes` long. */
  readonly make: (bytes: number) => string;
}

function repeat(header: string, piece: (i: number) => string, bytes: number): string {
  const parts = [header];
  let length = header.length;
  for (let i = 0; length < bytes; i++) {
    const next = piece(i);
    parts.push(next);
    length += next.length;
  }
  return parts.join('');
}

export const CRAFTED_FILES: readonly CraftedFile[] = [
  {
    title: 'x = intercom0 + intercom1 + …',
    file: 'sum.js',
    make: (bytes) => `${repeat('x = intercom', (i) => `${i} + intercom`, bytes)}0;\n`,
  },
  {
    title: "a string concatenation chain ('https://api.intercom.io/contacts' + …)",
    file: 'chain.js',
    make: (bytes) => `${repeat('const url = ', () => "'https://api.intercom.io/contacts' + ", bytes)}'';\n`,
  },
  {
    title: 'a0.contacts.create();a1.… (a new receiver each time)',
    file: 'receivers.js',
    make: (bytes) => `${repeat('// intercom\n', (i) => `a${i}.contacts.create();`, bytes)}\n`,
  },
];
