// The redirect bridge page's script (inlined into media/redirect-bridge.html). The decision is in
// forward.ts; this file only reads the page and updates its DOM, always through textContent.
import { decideForward, parseBridgeConfig, type BridgeDecision } from './forward';

/** A web callback page replaces this one at once; wait a moment before offering the copy fallback. */
const FALLBACK_DELAY_MS = 1500;

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`The bridge page has no #${id}.`);
  return found as T;
}

/** A refusal, or why the page's own config is damaged (text its owner baked in, not the link's). */
function decide(): BridgeDecision | { forward: false; reason: string } {
  try {
    const config = parseBridgeConfig(element('bridge-config').textContent ?? '');
    return decideForward(location.search, config);
  } catch (e) {
    return { forward: false, reason: e instanceof Error ? e.message : String(e) };
  }
}

function showRefusal(reason: string): void {
  element('status').textContent = 'This link was not forwarded.';
  element('reason').textContent = reason;
  element('refused').hidden = false;
}

function prepareFallback(url: string, editor: boolean): void {
  const field = element<HTMLTextAreaElement>('callback-url');
  const copyStatus = element('copy-status');
  field.value = url;
  field.addEventListener('focus', () => field.select());
  const open = element<HTMLAnchorElement>('open');
  open.href = url;
  open.textContent = editor ? 'Open VS Code' : 'Continue to VS Code';
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      copyStatus.textContent = 'Copied.';
    } catch {
      // No clipboard access (insecure context, permission denied): let the person copy by hand.
      field.focus();
      field.select();
      copyStatus.textContent = 'Press Ctrl+C (⌘C on a Mac) to copy the selected URL.';
    }
  };
  element('copy').addEventListener('click', () => void copy());
}

function run(): void {
  const decision = decide();
  if (!decision.forward) {
    showRefusal(decision.reason);
    return;
  }
  // The error itself is not shown: this page must not display text chosen by whoever made the link.
  element('status').textContent = 'error' in decision.payload
    ? 'Intercom answered with an error. Passing it on to VS Code…'
    : 'Returning you to VS Code…';
  prepareFallback(decision.url, decision.editor);
  const showFallback = () => { element('fallback').hidden = false; };
  // A custom scheme can silently do nothing, so editors get the fallback at once.
  if (decision.editor) showFallback();
  else setTimeout(showFallback, FALLBACK_DELAY_MS);
  location.replace(decision.url);
}

run();
