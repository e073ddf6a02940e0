// Shared by the bridge tests: a refusal shown on the hosted page must not repeat what whoever crafted the
// link chose (host, scheme, extension id, port, path), or the page becomes their billboard.
import assert from 'node:assert/strict';
import { EDITOR_SCHEMES } from '../../../src/bridge/target';

/** Words our own sentences may use, and that a link may contain too. */
const OUR_WORDS = new Set([
  'http', 'https', 'callback', 'intercom', 'code', 'state', 'error', 'error_description',
  'vscode.dev', 'insiders.vscode.dev', 'github.dev', 'seedworks.intercom-devtools',
  'vscode-reqid', 'vscode-scheme', 'vscode-authority', 'vscode-path', 'vscode-query',
  ...EDITOR_SCHEMES,
]);

/** Every run of 4+ host-name characters in `input` (percent-decoded when it can be) that is not one of our words. */
function chosenParts(input: string): string[] {
  let text = input;
  try {
    text = decodeURIComponent(input);
  } catch {
    // broken percent-encoding: look at the raw text
  }
  return [...new Set(text.toLowerCase().split(/[^a-z0-9._-]+/))]
    .map((t) => t.replace(/^[._-]+|[._-]+$/g, ''))
    .filter((t) => t.length >= 4 && !OUR_WORDS.has(t));
}

export function assertEchoesNothing(reason: string, ...inputs: string[]): void {
  const lower = reason.toLowerCase();
  for (const part of inputs.flatMap(chosenParts)) {
    const at = new RegExp(`(?<![a-z0-9])${part.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}(?![a-z0-9])`);
    assert.doesNotMatch(lower, at, `the refusal repeats "${part}" from the link: ${reason}`);
  }
}
