// The bridge page's decision, kept out of the DOM so Node tests can run it: given the page's own
// query (Intercom's code/error and our state) and its baked-in config, the URL to forward to with
// the `intercom` payload merged in, or the reason nothing is forwarded.
import { PAYLOAD_PARAM, decodeState, encodePayload, type CallbackPayload } from '../connect/uriPayload';
import { REFUSAL, type Refusal } from './refusals';
import { bridgeConfigProblem, checkCallbackTarget, type BridgeConfig } from './target';

export type BridgeDecision =
  | { forward: true; url: string; editor: boolean; payload: CallbackPayload }
  | { forward: false; reason: Refusal };

const INTERCOM_PARAMS = ['code', 'state', 'error', 'error_description'];

export function decideForward(search: string, config: BridgeConfig): BridgeDecision {
  const params = new URLSearchParams(search);
  for (const name of INTERCOM_PARAMS) {
    if (params.getAll(name).length > 1) return refuse(REFUSAL.repeatedParam);
  }
  const state = params.get('state');
  if (!state) return refuse(REFUSAL.noState);
  const callback = decodeState(state);
  if (callback === undefined) return refuse(REFUSAL.badState);
  // Checked before the answer is read, so an error answer (which needs no Intercom) is held to the same list.
  const target = checkCallbackTarget(callback, config);
  if (!target.ok) return refuse(target.reason);
  const payload = readPayload(params);
  if (!payload) return refuse(REFUSAL.noAnswer);
  target.url.searchParams.set(PAYLOAD_PARAM, encodePayload(payload));
  return { forward: true, url: target.url.href, editor: target.editor, payload };
}

function readPayload(params: URLSearchParams): CallbackPayload | undefined {
  const error = params.get('error');
  if (error) {
    const description = params.get('error_description');
    return description ? { error, error_description: description } : { error };
  }
  // A code never holds a space: a space here is a `+` that arrived unencoded and was form-decoded.
  const code = params.get('code')?.replace(/ /g, '+');
  return code ? { code } : undefined;
}

/** Reads the page's `bridge-config` JSON; throws with a readable message when it is damaged. */
export function parseBridgeConfig(json: string): BridgeConfig {
  const damaged = 'This page was generated with a damaged configuration. Create it again with "Intercom: Create Redirect Bridge Page".';
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new Error(damaged);
  }
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const { extensionId, extraHosts } = v;
  if (typeof extensionId !== 'string' || !Array.isArray(extraHosts) || !extraHosts.every((h) => typeof h === 'string')) {
    throw new Error(damaged);
  }
  const config: BridgeConfig = { extensionId, extraHosts };
  const problem = bridgeConfigProblem(config);
  if (problem) throw new Error(`${damaged} ${problem}`);
  return config;
}

function refuse(reason: Refusal): BridgeDecision {
  return { forward: false, reason };
}
