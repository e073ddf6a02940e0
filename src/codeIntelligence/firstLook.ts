// The first cheap look at an open document: does it mention Intercom at all? It decides whether the
// analysis bundle (scanner, SDK tables, catalog) is loaded, so it is one regex search and imports no code.
// The scanner's own prefilter (PREFILTER_PATTERNS) lives in the scanner's module, which is exactly what
// this look must not load; the unit tests hold the two to the same answer on the scanner's examples.
import type { ProjectContext } from '../scopes/scanState';

/**
 * "intercom" in any case (the scanner's marker); the start of an access token (base64 of `tok:`), a secret
 * even in a file that never names Intercom; the signature headers, which Intercom's own sample receivers
 * check without naming Intercom.
 */
const MENTION = /intercom|dG9rO|x[-_](?:hub|body)[-_]signature/i;

/**
 * Whether the document may give a call site or a diagnostic. `project`: what the last folder scan says
 * about the file; one that imports the project's Intercom wrapper may never say "intercom".
 */
export function mayMentionIntercom(text: string, project?: ProjectContext): boolean {
  return project?.importsIntercom === true || MENTION.test(text);
}
