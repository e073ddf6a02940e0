// One place in the user's code that shows the app uses Intercom: the evidence the checklist cites.

import type { HttpMethod, Operation, OperationRule } from './operations';
import type { TopicRule } from './topics';

export interface Located {
  /** As the caller named it (the vscode layer passes workspace paths). */
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based, in UTF-16 code units like VS Code's. */
  readonly column: number;
  /** The line, trimmed and shortened; empty where the caller asked for none (scanText's options). */
  readonly snippet: string;
}

/** A REST call (`rest`) or an Intercom SDK call (`sdk`). */
export interface RequestFinding extends Located {
  readonly kind: 'rest' | 'sdk';
  readonly operation: Operation;
  /**
   * False when the code does not show the HTTP method, and the path decides what the call needs (Intercom takes one
   * method there, or every method needs the same): that method, or GET, is assumed. Where the method would decide,
   * the call is an UnseenMethod instead.
   */
  readonly methodSeen: boolean;
  /** SDK calls: the resource and method as written, e.g. "contacts.create". */
  readonly call?: string;
  /** The matching rules (see matchOperation); empty when the operation is not mapped. */
  readonly rules: readonly OperationRule[];
}

/** A webhook topic string such as 'conversation.user.created'. */
export interface WebhookFinding extends Located {
  readonly kind: 'webhook';
  readonly topic: string;
  readonly rule: TopicRule;
}

export type Finding = RequestFinding | WebhookFinding;

/**
 * A REST call to Intercom whose HTTP method the code does not show, on a path where the method decides the
 * permission (`GET /conversations` reads, `POST /conversations` writes): listed to check by hand, never a reason to
 * preselect or tick a permission.
 */
export interface UnseenMethod extends Located {
  /** The path and query as normalized (no method). */
  readonly target: Omit<Operation, 'method'>;
  /** The methods Intercom takes on that path, in the order GET, POST, PUT, PATCH, DELETE. */
  readonly methods: readonly HttpMethod[];
}

/** A call on an Intercom SDK client whose method no SDK table knows: what it needs cannot be told. */
export interface UnknownSdkCall extends Located {
  /** The resource and method as written, e.g. "contacts.frobnicate". */
  readonly call: string;
}

/** "GET /contacts/{id}" or the topic: what the finding needs a scope for. */
export function findingSubject(f: Finding): string {
  if (f.kind === 'webhook') return f.topic;
  return `${f.operation.method} ${f.operation.path}`;
}

// Test code: test/, spec/, mocks and fixtures folders, and the test-file names of the five languages.
const TEST_FOLDER = /(?:^|[\\/])(?:tests?|specs?|__tests__|__mocks__|mocks?|fixtures|testdata)[\\/]/i;
const TEST_NAME = /(?:^|[\\/])(?:[^\\/]*[._-](?:test|spec)s?\.\w+|test[-_][^\\/]+\.\w+|conftest\.py|[^\\/]*Tests?\.php|[^\\/]*[._](?:mock|mocks)\.\w+)$/;

/**
 * A route of a file-based router (Next.js' `app/…/route.ts`, `pages/api/…`) and what precedes the router: below
 * it, folders are URL segments (`app/api/intercom/test/route.ts` serves /api/intercom/test), not test folders.
 */
const ROUTE = /^(.*?)(?:^|[\\/])(?:app[\\/](?:[^\\/]+[\\/])*route\.[cm]?[jt]s|pages[\\/]api[\\/](?:[^\\/]+[\\/])*[^\\/]+\.[cm]?[jt]sx?)$/;

/** Whether a path is test code (test folders, mocks, fixtures, the languages' test-file names). */
export const isTestFile = (file: string): boolean => {
  if (TEST_NAME.test(file)) return true;
  const route = ROUTE.exec(file);
  return TEST_FOLDER.test(route ? `${route[1]}/` : file);
};

/** Whether a finding sits in test code: cited, but never a reason to choose a capability. */
export const inTestCode = (finding: Finding): boolean => isTestFile(finding.file);
