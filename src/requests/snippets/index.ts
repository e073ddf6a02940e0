// The snippet languages: the OAuth guide's five plus curl. Each reads the token from the environment.
import type { PreparedRequest } from '../request';
import { curlSnippet } from './curl';
import { goSnippet } from './go';
import { nodeSnippet } from './node';
import { phpSnippet } from './php';
import { pythonSnippet } from './python';
import { rubySnippet } from './ruby';

export interface SnippetLanguage {
  readonly id: 'curl' | 'node' | 'python' | 'ruby' | 'php' | 'go';
  /** Shown in the picker. */
  readonly label: string;
  /** What the snippet needs to run. */
  readonly runtime: string;
  /** File name extension a runner saves it under. */
  readonly extension: string;
  readonly write: (request: PreparedRequest) => string;
}

export const SNIPPET_LANGUAGES: readonly SnippetLanguage[] = [
  { id: 'curl', label: 'curl', runtime: 'a POSIX shell', extension: 'sh', write: curlSnippet },
  { id: 'node', label: 'Node.js (fetch)', runtime: 'Node 18+, as an ES module', extension: 'mjs', write: nodeSnippet },
  { id: 'python', label: 'Python (requests)', runtime: 'Python 3 with requests', extension: 'py', write: pythonSnippet },
  { id: 'ruby', label: 'Ruby (Net::HTTP)', runtime: 'Ruby', extension: 'rb', write: rubySnippet },
  { id: 'php', label: 'PHP (curl)', runtime: 'PHP with the curl extension', extension: 'php', write: phpSnippet },
  { id: 'go', label: 'Go (net/http)', runtime: 'Go', extension: 'go', write: goSnippet },
];
