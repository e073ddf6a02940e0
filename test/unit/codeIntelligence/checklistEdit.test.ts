import assert from 'node:assert/strict';
import { ADDED_HEADING, addToChecklist } from '../../../src/codeIntelligence/checklistEdit';

const apply = (text: string, label: string): string => {
  const edit = addToChecklist(text, label);
  assert.equal(edit.kind, 'insert');
  return edit.kind === 'insert' ? text.slice(0, edit.offset) + edit.text + text.slice(edit.offset) : text;
};

suite('code analysis: adding a permission to the scope checklist', () => {
  const CHECKLIST = '# Intercom scopes\n\n## Conversations\n\n- [ ] Read conversations\n  - How sure: documented.\n- [x] Write conversations\n';

  test('a permission the checklist lists, ticked or not, is found on its line and not added again', () => {
    assert.deepEqual(addToChecklist(CHECKLIST, 'Read conversations'), { kind: 'listed', line: 4 });
    assert.deepEqual(addToChecklist(CHECKLIST, 'Write conversations'), { kind: 'listed', line: 6 });
  });

  test('one it lacks is added unticked under a heading of its own, once; a name that only starts the same does not count', () => {
    const once = apply(CHECKLIST, 'Read conversation');
    assert.equal(once, `${CHECKLIST}\n${ADDED_HEADING}\n\n- [ ] Read conversation\n`);
    assert.equal(apply(once, 'Read tickets'), `${once}- [ ] Read tickets\n`);
  });

  test('an empty or new checklist, and one without a final newline', () => {
    assert.equal(apply('', 'Read tickets'), `${ADDED_HEADING}\n\n- [ ] Read tickets\n`);
    assert.equal(apply('# Scopes', 'Read tickets'), `# Scopes\n\n${ADDED_HEADING}\n\n- [ ] Read tickets\n`);
  });
});
