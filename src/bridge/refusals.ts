// Every reason the bridge page gives for not forwarding a link. Fixed sentences only: whoever crafts a
// link chooses its host, scheme, extension id, port and path, and the page on the user's own domain must
// never display text they chose (a phishing line dressed as a host name, say).
import { PAYLOAD_PARAM } from '../connect/uriPayload';

/** Generous for a callback (~300 characters), small enough to refuse padding tricks. */
export const MAX_CALLBACK_LENGTH = 2048;
export const CALLBACK_PATH = '/callback';

export const REFUSAL = Object.freeze({
  // the bridge page's own address (forward.ts)
  repeatedParam: 'This address has more than one code, state, error or error_description.',
  noState: 'This address has no state, so there is no editor to return to. Start again with "Intercom: Connect" in VS Code.',
  badState: 'The state in this address was not made by VS Code: it does not decode to a callback address.',
  noAnswer: 'Intercom sent neither an authorization code nor an error.',
  // the callback address carried in the state (target.ts)
  tooLong: `The callback address is longer than ${MAX_CALLBACK_LENGTH} characters.`,
  oddCharacters: 'The callback address contains spaces, control characters or non-ASCII characters.',
  backslash: 'The callback address contains a backslash.',
  notUrl: 'The callback address is not a complete URL.',
  userInfo: 'The callback address has a user name or password before its host (…@host).',
  fragment: 'The callback address has a #fragment, which VS Code never adds.',
  otherScheme: 'The callback address is neither a link to a VS Code editor (vscode:, cursor:, …) nor a web page.',
  editorPort: 'An editor callback address never has a port.',
  otherExtension: 'The callback is for another extension, not for the one this page was made for.',
  editorPath: `The callback path is not ${CALLBACK_PATH}.`,
  brokenEncoding: 'The callback address has broken percent-encoding.',
  alreadyCarried: `The callback address already carries an "${PAYLOAD_PARAM}" answer; this page adds it.`,
  trailingDot: 'The callback host ends with a dot.',
  notHttps: 'The callback page is not https (http is only allowed on this machine).',
  hostNotAllowed: 'The callback host is not allowed. This page forwards only to this machine, vscode.dev, insiders.vscode.dev, '
    + 'a codespace (one name before .github.dev) and the hosts listed when it was made.',
  portNotAllowed: 'The callback page uses a port that is not allowed for its host: the default https port, '
    + 'or the port listed for that host when this page was made.',
  notCallbackPage: `The callback page is not a ${CALLBACK_PATH} page.`,
  repeatedVscodeParam: 'The callback address has more than one of the same vscode-* parameter.',
  noAuthority: 'The callback address does not name an extension (no vscode-authority).',
  webPath: `The callback address does not lead to ${CALLBACK_PATH} (vscode-path).`,
});

export type Refusal = (typeof REFUSAL)[keyof typeof REFUSAL];
