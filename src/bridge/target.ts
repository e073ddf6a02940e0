// Where the redirect bridge may forward Intercom's answer: the allow-list of callback targets.
// Pure and DOM-free: it runs in the bridge page (browser) and in Node. Every decision is made on
// the WHATWG-parsed URL; the raw string is only screened for characters no callback ever has.
import { isLoopbackHost } from '../connect/authorize';
import { PAYLOAD_PARAM } from '../connect/wire';

/** What the bridge page has baked in. */
export interface BridgeConfig {
  /** `publisher.name` of the extension whose URI handler receives the callback. */
  extensionId: string;
  /** More https hosts serving a web callback page: `host[:port]` or `*.domain[:port]`. */
  extraHosts: string[];
}

export type TargetCheck =
  | { ok: true; url: URL; /** a desktop editor's own scheme, not a web page */ editor: boolean }
  | { ok: false; reason: string };

/** The `urlProtocol` of desktop editors built on VS Code. Add a fork here when its users need it. */
export const EDITOR_SCHEMES: readonly string[] = [
  'vscode', 'vscode-insiders', 'vscode-exploration', 'vscode-wsl',
  'code-oss', 'vscodium', 'vscodium-insiders',
  'cursor', 'windsurf', 'windsurf-next', 'trae', 'kiro', 'positron',
];

/** Web editors with a /callback page (vscode.dev also serves Remote Tunnels). */
const WEB_EDITOR_HOSTS: readonly string[] = ['vscode.dev', 'insiders.vscode.dev'];
/** Codespaces in the browser. github.dev itself only runs web extensions, never this Node one. */
const CODESPACES_SUFFIX = '.github.dev';

/** Generous for a callback (~300 characters), small enough to refuse padding tricks. */
export const MAX_CALLBACK_LENGTH = 2048;
const CALLBACK_PATH = '/callback';

const EXTENSION_ID = /^[a-z0-9][a-z0-9-]*\.[a-z0-9][a-z0-9-]*$/i;
const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export function checkCallbackTarget(callback: string, config: BridgeConfig): TargetCheck {
  if (callback.length > MAX_CALLBACK_LENGTH) {
    return refuse(`The callback address is longer than ${MAX_CALLBACK_LENGTH} characters.`);
  }
  // The editor percent-encodes callbacks: anything outside printable ASCII is a trick.
  if (!/^[\x21-\x7e]+$/.test(callback)) {
    return refuse('The callback address contains spaces, control characters or non-ASCII characters.');
  }
  // Browsers read `\` as `/` in http(s) URLs; other parsers do not. No callback has one.
  if (callback.includes('\\')) return refuse('The callback address contains a backslash.');
  let url: URL;
  try {
    url = new URL(callback);
  } catch {
    return refuse('The callback address is not a complete URL.');
  }
  if (url.username || url.password) {
    return refuse('The callback address has a user name or password before its host (…@host).');
  }
  if (url.hash) return refuse('The callback address has a #fragment, which VS Code never adds.');
  const scheme = url.protocol.slice(0, -1);
  if (EDITOR_SCHEMES.includes(scheme)) return checkEditorTarget(url, config);
  if (scheme === 'https' || scheme === 'http') return checkWebTarget(url, config);
  return refuse(`"${scheme}:" addresses are not editor callbacks.`);
}

/** `vscode://<extension id>/callback?…` as the desktop editor hands it to the OS. */
function checkEditorTarget(url: URL, config: BridgeConfig): TargetCheck {
  if (url.port) return refuse('An editor callback address never has a port.');
  if (url.hostname.toLowerCase() !== config.extensionId.toLowerCase()) return otherExtension(url.hostname, config);
  if (url.pathname !== CALLBACK_PATH) return refuse(`The callback path is not ${CALLBACK_PATH}.`);
  // The desktop editor percent-decodes the query before the extension reads it.
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.search);
  } catch {
    return refuse('The callback address has broken percent-encoding.');
  }
  if (url.searchParams.has(PAYLOAD_PARAM) || new URLSearchParams(decoded).has(PAYLOAD_PARAM)) return alreadyCarried();
  return { ok: true, url, editor: true };
}

/** A web editor's callback page, which hands `vscode-scheme://vscode-authority/vscode-path` to the editor. */
function checkWebTarget(url: URL, config: BridgeConfig): TargetCheck {
  const hostProblem = webHostProblem(url, config);
  if (hostProblem) return refuse(hostProblem);
  if (!url.pathname.endsWith(CALLBACK_PATH)) return refuse(`The callback page is not a ${CALLBACK_PATH} page.`);
  const params = url.searchParams;
  for (const name of new Set(params.keys())) {
    if (name.startsWith('vscode-') && params.getAll(name).length > 1) {
      return refuse(`The callback address has more than one ${name}.`);
    }
  }
  const authority = params.get('vscode-authority');
  if (authority === null) return refuse('The callback address does not name an extension (no vscode-authority).');
  if (authority.toLowerCase() !== config.extensionId.toLowerCase()) return otherExtension(authority, config);
  if (params.get('vscode-path') !== CALLBACK_PATH) {
    return refuse(`The callback address does not lead to ${CALLBACK_PATH} (vscode-path).`);
  }
  // The callback page lets vscode-query's parameters override the ones beside it.
  if (params.has(PAYLOAD_PARAM) || new URLSearchParams(params.get('vscode-query') ?? '').has(PAYLOAD_PARAM)) {
    return alreadyCarried();
  }
  return { ok: true, url, editor: false };
}

function webHostProblem(url: URL, config: BridgeConfig): string | undefined {
  const host = url.hostname;
  if (host.endsWith('.')) return `The callback host "${host}" ends with a dot.`;
  if (isLoopbackHost(host)) return undefined; // this machine: any port (code-server), http or https
  if (url.protocol !== 'https:') return `The callback page on ${host} is not https (http is only allowed on this machine).`;
  const builtIn = WEB_EDITOR_HOSTS.includes(host) || (host.endsWith(CODESPACES_SUFFIX) && host.length > CODESPACES_SUFFIX.length);
  if (builtIn) return url.port ? `The callback page on ${host} uses port ${url.port}; only the default https port is allowed.` : undefined;
  const listed = config.extraHosts.map(parseHostPattern).filter((p): p is HostPattern => typeof p !== 'string');
  const matching = listed.filter((p) => hostMatches(p, host));
  if (matching.some((p) => p.port === url.port)) return undefined; // '' is 443 on both sides
  if (matching.length > 0) return `The callback page on ${host} uses port ${url.port || '443'}, which is not the listed one.`;
  return `"${host}" is not an allowed callback host (this machine, vscode.dev, insiders.vscode.dev, *.github.dev, or a host listed when this page was made).`;
}

interface HostPattern {
  wildcard: boolean;
  name: string;
  port: string;
}

function hostMatches(pattern: HostPattern, host: string): boolean {
  return pattern.wildcard ? host.endsWith(`.${pattern.name}`) : host === pattern.name;
}

/** `code.example.com`, `*.example.com`, either with `:port`; lower case. A string is the problem. */
function parseHostPattern(text: string): HostPattern | string {
  const problem = `"${text}" is not a host name or *.domain wildcard (for example code.example.com or *.example.com, optionally with :port).`;
  const match = /^(\*\.)?([^:*]+)(?::(\d{1,5}))?$/.exec(text);
  if (!match) return problem;
  const [, star, name, port] = match;
  const labels = name.split('.');
  const tld = labels[labels.length - 1];
  if (name.length > 253 || labels.length < 2 || !labels.every((l) => HOST_LABEL.test(l)) || !/^[a-z]/.test(tld)) {
    return problem;
  }
  if (port !== undefined && (port.startsWith('0') || Number(port) > 65535)) return `"${text}" has an invalid port.`;
  return { wildcard: star !== undefined, name, port: port === '443' ? '' : (port ?? '') };
}

/** Why a config cannot be baked into (or read from) a bridge page; undefined when it is sound. */
export function bridgeConfigProblem(config: BridgeConfig): string | undefined {
  if (!EXTENSION_ID.test(config.extensionId)) return `"${config.extensionId}" is not an extension id (publisher.name).`;
  for (const host of config.extraHosts) {
    const parsed = parseHostPattern(host);
    if (typeof parsed === 'string') return parsed;
  }
  return undefined;
}

function refuse(reason: string): TargetCheck {
  return { ok: false, reason };
}

/** Names the other extension only when it looks like one: the page must not display arbitrary text. */
function otherExtension(id: string, config: BridgeConfig): TargetCheck {
  const named = EXTENSION_ID.test(id) ? `"${id}"` : 'another extension';
  return refuse(`The callback is for ${named}, not for ${config.extensionId}.`);
}

function alreadyCarried(): TargetCheck {
  return refuse(`The callback address already carries an "${PAYLOAD_PARAM}" answer; this page adds it.`);
}
