// What VS Code renders as links in a notification: its parseLinkedText (vs/base/common/linkedText.ts), run on
// the message after it joined the lines, as the notification does. Unit and extension-host tests use it.
const VSCODE_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;

/** The targets of the links a notification would show for this text. */
export function notificationLinks(text: string): string[] {
  return [...text.replace(/(\r\n|\n|\r)/gm, ' ').matchAll(VSCODE_LINK)].map((m) => m[2]);
}
