// Text from Intercom (/me's names, emails, titles) shown inside Markdown: escaped so it stays text.
// MarkdownString.appendText leaves ':', '.', '@' and '<' alone, so a bare URL, an email or an
// autolink would still render as a link; escaping every ASCII punctuation mark (CommonMark allows a
// backslash before any of them) also stops those.

/** The text as Markdown that renders literally, on one line. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[!-/:-@[-`{-~]/g, '\\$&');
}
