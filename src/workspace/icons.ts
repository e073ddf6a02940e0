// Text from Intercom (a workspace's name) shown where VS Code renders `$(name)` as a codicon, such as the
// status bar: a workspace named "$(bug)" must read as those characters, not as an icon.

/** The text with every `$(` escaped the way VS Code's label renderer reads it literally. */
export function escapeIcons(text: string): string {
  return text.replace(/\$\(/g, '\\$(');
}
