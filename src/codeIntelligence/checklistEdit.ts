// "Add to the scope checklist" from a permission diagnostic: the permission's line in INTERCOM_SCOPES.md,
// added unticked (the token lacks it: it is still to be done in the Developer Hub) under a heading of its
// own when the checklist does not list it yet.
export const ADDED_HEADING = '## Added from the code';

export type ChecklistEdit =
  /** Insert `text` at `offset` (the end of the document, or of a new one). */
  | { readonly kind: 'insert'; readonly offset: number; readonly text: string }
  /** The permission is listed already, on this line (0-based). */
  | { readonly kind: 'listed'; readonly line: number };

export function addToChecklist(text: string, label: string): ChecklistEdit {
  const lines = text.split('\n');
  const listed = lines.findIndex((l) => /^- \[[ xX]\] /.test(l) && l.slice(6).trimEnd() === label);
  if (listed >= 0) return { kind: 'listed', line: listed };
  const item = `- [ ] ${label}\n`;
  const ending = text === '' || text.endsWith('\n') ? '' : '\n';
  const insert = lines.includes(ADDED_HEADING) ? `${ending}${item}` : `${ending}${text === '' ? '' : '\n'}${ADDED_HEADING}\n\n${item}`;
  return { kind: 'insert', offset: text.length, text: insert };
}
