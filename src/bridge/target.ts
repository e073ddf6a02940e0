// Where the redirect bridge may forward Intercom's answer: the allow-list of callback targets.
// Pure and DOM-free: it runs in the bridge page (browser) and in Node. Every decision is made on
// the WHATWG-parsed URL; the raw string is only screened for characters no callback ever has.
import { isLoopbackHost } from '../connect/authorize';
import { PAYLOAD_PARAM } from '../connect/uriPayload';
import { CALLBACK_PATH, MAX_CALLBACK_LENGTH, REFUSAL, type Refusal } from './refusals';

/** What the bridge page has baked in. */
export interface BridgeConfig {
  /** `publisher.name` of the extension whose URI handler receives the callback. */
  extensionId: string;
  /** More https hosts serving a web callback page: `host[:port]` or `*.domain[:port]` (`*` is one DNS label). */
  extraHosts: string[];
}

export type TargetCheck =
  | { ok: true; url: URL; /** a desktop editor's own scheme, not a web page */ editor: boolean }
  | { ok: false; reason: Refusal };

/** The `urlProtocol` of desktop editors built on VS Code. Add a fork here when its users need it. */
export const EDITOR_SCHEMES: readonly string[] = [
  'vscode', 'vscode-insiders', 'vscode-exploration', 'vscode-wsl',
  'code-oss', 'vscodium', 'vscodium-insiders',
  'cursor', 'windsurf', 'windsurf-next', 'trae', 'kiro', 'positron',
];

/** An allowed web host. A wildcard allows exactly one DNS label before `name`, as `*.` in a TLS
 * certificate does; port '' is the default https port. */
interface HostPattern {
  wildcard: boolean;
  name: string;
  port: string;
}

/**
 * Web editors with a /callback page: vscode.dev (which also serves Remote Tunnels) and Codespaces in
 * the browser, `<codespace>.github.dev`. One label only: `<codespace>-<port>.app.github.dev` is a
 * port forward, where anyone can serve a page. github.dev itself only runs web extensions, never this Node one.
 */
const WEB_EDITOR_HOSTS: readonly HostPattern[] = [
  { wildcard: false, name: 'vscode.dev', port: '' },
  { wildcard: false, name: 'insiders.vscode.dev', port: '' },
  { wildcard: true, name: 'github.dev', port: '' },
];

const EXTENSION_ID = /^[a-z0-9][a-z0-9-]*\.[a-z0-9][a-z0-9-]*$/i;
const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export function checkCallbackTarget(callback: string, config: BridgeConfig): TargetCheck {
  if (callback.length > MAX_CALLBACK_LENGTH) return refuse(REFUSAL.tooLong);
  // The editor percent-encodes callbacks: anything outside printable ASCII is a trick.
  if (!/^[\x21-\x7e]+$/.test(callback)) return refuse(REFUSAL.oddCharacters);
  // Browsers read `\` as `/` in http(s) URLs; other parsers do not. No callback has one.
  if (callback.includes('\\')) return refuse(REFUSAL.backslash);
  let url: URL;
  try {
    url = new URL(callback);
  } catch {
    return refuse(REFUSAL.notUrl);
  }
  if (url.username || url.password) return refuse(REFUSAL.userInfo);
  if (url.hash) return refuse(REFUSAL.fragment);
  const scheme = url.protocol.slice(0, -1);
  if (EDITOR_SCHEMES.includes(scheme)) return checkEditorTarget(url, config);
  if (scheme === 'https' || scheme === 'http') return checkWebTarget(url, config);
  return refuse(REFUSAL.otherScheme);
}

/** `vscode://<extension id>/callback?…` as the desktop editor hands it to the OS. */
function checkEditorTarget(url: URL, config: BridgeConfig): TargetCheck {
  if (url.port) return refuse(REFUSAL.editorPort);
  if (url.hostname.toLowerCase() !== config.extensionId.toLowerCase()) return refuse(REFUSAL.otherExtension);
  if (url.pathname !== CALLBACK_PATH) return refuse(REFUSAL.editorPath);
  // The desktop editor percent-decodes the query before the extension reads it.
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.search);
  } catch {
    return refuse(REFUSAL.brokenEncoding);
  }
  if (url.searchParams.has(PAYLOAD_PARAM) || new URLSearchParams(decoded).has(PAYLOAD_PARAM)) return refuse(REFUSAL.alreadyCarried);
  return { ok: true, url, editor: true };
}

/** A web editor's callback page, which hands `vscode-scheme://vscode-authority/vscode-path` to the editor. */
function checkWebTarget(url: URL, config: BridgeConfig): TargetCheck {
  const hostProblem = webHostProblem(url, config);
  if (hostProblem) return refuse(hostProblem);
  if (!url.pathname.endsWith(CALLBACK_PATH)) return refuse(REFUSAL.notCallbackPage);
  const params = url.searchParams;
  for (const name of new Set(params.keys())) {
    if (name.startsWith('vscode-') && params.getAll(name).length > 1) return refuse(REFUSAL.repeatedVscodeParam);
  }
  const authority = params.get('vscode-authority');
  if (authority === null) return refuse(REFUSAL.noAuthority);
  if (authority.toLowerCase() !== config.extensionId.toLowerCase()) return refuse(REFUSAL.otherExtension);
  if (params.get('vscode-path') !== CALLBACK_PATH) return refuse(REFUSAL.webPath);
  // The callback page lets vscode-query's parameters override the ones beside it.
  if (params.has(PAYLOAD_PARAM) || new URLSearchParams(params.get('vscode-query') ?? '').has(PAYLOAD_PARAM)) {
    return refuse(REFUSAL.alreadyCarried);
  }
  return { ok: true, url, editor: false };
}

function webHostProblem(url: URL, config: BridgeConfig): Refusal | undefined {
  const host = url.hostname;
  if (host.endsWith('.')) return REFUSAL.trailingDot;
  if (isLoopbackHost(host)) return undefined; // this machine: any port (code-server), http or https
  if (url.protocol !== 'https:') return REFUSAL.notHttps;
  const listed = config.extraHosts.map(parseHostPattern).filter((p): p is HostPattern => typeof p !== 'string');
  const matching = [...WEB_EDITOR_HOSTS, ...listed].filter((p) => hostMatches(p, host));
  if (matching.some((p) => p.port === url.port)) return undefined; // '' is 443 on both sides
  return matching.length > 0 ? REFUSAL.portNotAllowed : REFUSAL.hostNotAllowed;
}

function hostMatches(pattern: HostPattern, host: string): boolean {
  if (!pattern.wildcard) return host === pattern.name;
  const suffix = `.${pattern.name}`;
  return host.endsWith(suffix) && HOST_LABEL.test(host.slice(0, -suffix.length));
}

/** `code.example.com`, `*.example.com` (one label before example.com), either with `:port`; lower case. A string is the problem. */
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

function refuse(reason: Refusal): TargetCheck {
  return { ok: false, reason };
}
