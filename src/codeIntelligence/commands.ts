// The extension's commands the hover, the CodeLens and the quick fixes run, and what they are handed.
// Command links are built here only, from these ids and JSON-encoded arguments: nothing a source file
// contains can name a command or leave the arguments.
import type { RequestPrefill } from '../explorer/prefill';
import type { CallSite } from './callSites';

export const CALL_API = 'intercom.callApi';
export const COPY_SNIPPET = 'intercom.copySnippet';
export const OPEN_AS_HTTP = 'intercom.openAsHttp';
/** Generate Scope Checklist runs the scope check against the connected workspace. */
export const RUN_SCOPE_CHECK = 'intercom.generateScopeChecklist';
/** Lists a permission on the scope checklist (checklistEdit.ts); handed the Developer Hub label. */
export const ADD_TO_CHECKLIST = 'intercom.addPermissionToChecklist';

/** The commands a hover links to: the only ones its Markdown may run (MarkdownString.isTrusted). */
export const HOVER_COMMANDS: readonly string[] = [CALL_API, COPY_SNIPPET, OPEN_AS_HTTP];

/** Undefined for a call the catalog does not have: the commands work on catalog operations. */
export function requestPrefill(site: CallSite): RequestPrefill | undefined {
  if (!site.catalog) return undefined;
  const { version, operation } = site.catalog;
  return {
    version, method: operation.method, path: operation.path, operationId: operation.operationId,
    pathValues: site.values.path, query: site.values.query,
  };
}

/** Percent-encoded, parentheses and quotes too: a `)` from the code would end the Markdown link early. */
export const linkSafe = (text: string): string =>
  encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** A `command:` link target; the arguments travel JSON-encoded and percent-encoded, as VS Code reads them. */
export function commandLink(command: string, args: readonly unknown[]): string {
  return `command:${command}?${linkSafe(JSON.stringify(args))}`;
}
