// Renders the redirect bridge page the user hosts: the template from media/ with the allow-list
// baked in, the bundled script inlined, and a Content-Security-Policy admitting exactly the inlined
// script and style bytes. Runs in the extension (Node), never in the browser.
import { createHash } from 'node:crypto';
import { bridgeConfigProblem, type BridgeConfig } from './target';

export interface BridgePageParts {
  /** media/redirect-bridge.html */
  template: string;
  /** dist/bridge-page.js */
  script: string;
  extensionId: string;
  /** Host names or `*.domain` wildcards (optionally `:port`) of more https callback pages. */
  extraHosts: readonly string[];
}

const PLACEHOLDERS = ['csp', 'config', 'script'] as const;
type Placeholder = (typeof PLACEHOLDERS)[number];

export function renderBridgePage(parts: BridgePageParts): string {
  const config: BridgeConfig = {
    extensionId: parts.extensionId,
    extraHosts: parts.extraHosts.map((h) => h.trim().toLowerCase()),
  };
  const problem = bridgeConfigProblem(config);
  if (problem) throw new Error(problem);

  // The HTML parser turns CRLF into LF before hashing; do it first so the hashes match.
  const template = toLf(parts.template);
  const script = toLf(parts.script);
  if (/<\/script|<!--/i.test(script)) {
    throw new Error('The bridge script contains "</script" or "<!--", which would break out of its inline <script> element.');
  }
  const styles = [...template.matchAll(/<style>([\s\S]*?)<\/style>/g)];
  if (styles.length !== 1) throw new Error(`The bridge template must have exactly one <style> element (found ${styles.length}).`);

  const values: Record<Placeholder, string> = {
    csp: [
      "default-src 'none'",
      `script-src ${sha256Source(script)}`,
      `style-src ${sha256Source(styles[0][1])}`,
      "base-uri 'none'",
      "form-action 'none'",
    ].join('; '),
    // `<` escaped so the JSON can never close its <script type="application/json"> element.
    config: JSON.stringify(config).replace(/</g, '\\u003c'),
    script,
  };
  for (const name of PLACEHOLDERS) {
    const count = template.split(`{{${name}}}`).length - 1;
    if (count !== 1) throw new Error(`The bridge template must have {{${name}}} exactly once (found ${count}).`);
  }
  // One pass, with a function: inserted text is never rescanned, and `$&` in the script stays literal.
  return template.replace(/\{\{(csp|config|script)\}\}/g, (_, name: Placeholder) => values[name]);
}

function sha256Source(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

function toLf(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
