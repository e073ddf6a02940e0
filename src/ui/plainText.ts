// Notifications (progress ones included) render `[label](target)` as a link, `command:` targets too, and
// a click runs the command. What they show carries text that a folder's settings, a server or a webhook
// sender chose, so every `](` is written `] (` before it is shown: VS Code then shows the text as it was
// typed, never as a link. Links the extension writes itself pass only when their target is exactly one of
// `ownTargets` (commands without arguments that open the extension's own prompts).
const LINK_MIDDLE = /\]\(([^)\s]*\)?)/g;

export function plainText(text: string, ownTargets: readonly string[] = []): string {
  return text.replace(LINK_MIDDLE, (middle, rest: string) => (ownTargets.some((target) => rest === `${target})`) ? middle : `] (${rest}`));
}
