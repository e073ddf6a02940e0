import assert from 'node:assert/strict';
import { blankComments } from '../../../src/scopes/comments';

/** The text with its comments blanked, each comment given as the number of spaces it becomes. */
const blanked = (text: string, comment: string): string => text.replace(comment, ' '.repeat(comment.length));

suite('scopes comments: JavaScript template literals', () => {
  // Braces are looked for only while a template's `${` is open: these pin where a template resumes.
  test("a `//` after a `${…}` holding an object literal is the template's text, not a comment", () => {
    const text = "const a = `${ { x: 1 }['x'] } // kept`; // gone";
    assert.equal(blankComments(text, 'js'), blanked(text, '// gone'));
  });

  test('unbalanced braces before a template do not decide where its `${…}` ends', () => {
    const text = '}}} const u = `${a} // kept`; // gone';
    assert.equal(blankComments(text, 'js'), blanked(text, '// gone'));
  });

  test('a template inside a `${…}` resumes its outer template when it ends', () => {
    const text = 'const n = `a ${ `b ${ { c: 1 }.c } // kept` } // kept too`; // gone';
    assert.equal(blankComments(text, 'js'), blanked(text, '// gone'));
  });

  test('a `}` in a string inside `${…}` does not end it; braces of code around a template do not either', () => {
    const text = "function f() { return { url: '//x' }; } // gone\n{ `${ '}' } // kept` } /* gone */";
    assert.equal(blankComments(text, 'js'), blanked(blanked(text, '// gone'), '/* gone */'));
  });
});
