// Text for a POSIX shell command line, shared by every "Copy as curl" and snippet.

/** 'text' for sh: a quote inside ends the string, adds an escaped quote and reopens it. Safe for any bytes but NUL. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
