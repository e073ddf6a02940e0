// The Markdown a text component may hold: bold (`**…**`) and links (`[label](url)`), nothing else. The
// result is plain strings with flags: the webview writes them as text nodes, never as HTML.

export interface TextSegment {
  text: string;
  bold: boolean;
  /** Only http(s) and mailto links are kept; others show their label as text. */
  href?: string;
}

type Token = { kind: 'text'; text: string } | { kind: 'bold' } | { kind: 'link'; label: string; href: string };

const LINK = /\[([^[\]]*)\]\(([^()\s]*)\)/y;
const SAFE_LINK = /^(https?:\/\/|mailto:)/i;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let plain = '';
  const flush = () => {
    if (plain) tokens.push({ kind: 'text', text: plain });
    plain = '';
  };
  for (let i = 0; i < text.length;) {
    if (text.startsWith('**', i)) {
      flush();
      tokens.push({ kind: 'bold' });
      i += 2;
      continue;
    }
    LINK.lastIndex = i;
    const link = text[i] === '[' ? LINK.exec(text) : null;
    if (link) {
      flush();
      tokens.push({ kind: 'link', label: link[1], href: link[2] });
      i = LINK.lastIndex;
      continue;
    }
    plain += text[i++];
  }
  flush();
  return tokens;
}

function push(out: TextSegment[], segment: TextSegment): void {
  if (!segment.text) return;
  const last = out[out.length - 1];
  if (last && last.bold === segment.bold && last.href === segment.href) last.text += segment.text;
  else out.push(segment);
}

/** Segments in order; a `**` without a partner stays literal. */
export function parseInlineText(text: string, outerBold = false, href?: string): TextSegment[] {
  const tokens = tokenize(text);
  const markers = tokens.filter((t) => t.kind === 'bold').length;
  let seen = 0;
  let open = false;
  const out: TextSegment[] = [];
  for (const token of tokens) {
    const bold = outerBold || open;
    if (token.kind === 'text') push(out, { text: token.text, bold, href });
    else if (token.kind === 'link') {
      const safe = href === undefined && SAFE_LINK.test(token.href) ? token.href : href;
      for (const s of parseInlineText(token.label, bold, safe)) push(out, s);
    } else if (++seen > markers - (markers % 2)) push(out, { text: '**', bold, href });
    else open = !open;
  }
  return out;
}
