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
  /** Shown in the picker: product names, not translated. */
  readonly label: string;
  readonly write: (request: PreparedRequest) => string;
}

export const SNIPPET_LANGUAGES: readonly SnippetLanguage[] = [
  { id: 'curl', label: 'curl', write: curlSnippet },
  { id: 'node', label: 'Node.js (fetch)', write: nodeSnippet },
  { id: 'python', label: 'Python (requests)', write: pythonSnippet },
  { id: 'ruby', label: 'Ruby (Net::HTTP)', write: rubySnippet },
  { id: 'php', label: 'PHP (curl)', write: phpSnippet },
  { id: 'go', label: 'Go (net/http)', write: goSnippet },
];
