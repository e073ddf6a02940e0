// Webhook outcomes in words: a short label for the tree and a sentence that says what to do.
import * as vscode from 'vscode';
import type { WebhookEvent } from '../../webhooks/eventLog';
import type { ForwardResult, ForwardTargetProblem } from '../../webhooks/forwarder';
import type { Rejection } from '../../webhooks/receiver';
import type { SignatureProblem } from '../../webhooks/signature';

const SIGNATURE: Record<SignatureProblem, { label: string; text: string }> = {
  missingHeader: {
    label: vscode.l10n.t('no signature'),
    text: vscode.l10n.t('No X-Hub-Signature header. Intercom signs every notification: this request did not come from Intercom, or something on the way dropped the header.'),
  },
  noSecret: {
    label: vscode.l10n.t('no secret'),
    text: vscode.l10n.t('No client secret is configured, so the signature cannot be checked. Run "Intercom: Configure OAuth App" with the app that sends these notifications.'),
  },
  sha256: {
    label: vscode.l10n.t('SHA-256'),
    text: vscode.l10n.t('The signature is SHA-256. Intercom signs with HMAC-SHA1 of the raw body: X-Hub-Signature: sha1=<hex>.'),
  },
  reserialised: {
    label: vscode.l10n.t('re-serialised'),
    text: vscode.l10n.t('The signature matches the JSON re-serialised, not the bytes received. Sign and verify the raw body exactly as sent, before any JSON parsing.'),
  },
  otherApp: {
    label: vscode.l10n.t('other app'),
    text: vscode.l10n.t('Signed with the client secret of another app you configured before. Configure the app that sends these notifications ("Intercom: Configure OAuth App").'),
  },
  mismatch: {
    label: vscode.l10n.t('mismatch'),
    text: vscode.l10n.t('The signature does not match. Check that the configured client secret belongs to the app that sends these notifications and that nothing changes the body on the way.'),
  },
};

const REJECTION: Record<Rejection, { label: string; text?: string }> = {
  notJson: { label: vscode.l10n.t('400 not JSON') },
  tooLarge: { label: vscode.l10n.t('413 over 1 MiB') },
  method: { label: vscode.l10n.t('405 method not allowed') },
  timeout: { label: vscode.l10n.t('408 upload timed out') },
  contentType: {
    label: vscode.l10n.t('415 not application/json'),
    text: vscode.l10n.t('The body was not declared Content-Type: application/json. Intercom declares it; a web page cannot without asking first (CORS), so the receiver refuses it.'),
  },
  host: {
    label: vscode.l10n.t('421 unknown host'),
    text: vscode.l10n.t('The Host header named another host than this receiver: a web page pointing its own name at 127.0.0.1 does that. A tunnel that keeps its own host name does too: add that name to intercom.webhooks.tunnelHosts in your user settings, or have the tunnel rewrite Host to localhost (ngrok: --host-header=rewrite).'),
  },
  loop: {
    label: vscode.l10n.t('508 forwarding loop'),
    text: vscode.l10n.t('This request was forwarded by a webhook receiver of this extension, so it was refused instead of forwarded again. Point intercom.webhooks.forwardTo at your app, not at a receiver.'),
  },
  busy: {
    label: vscode.l10n.t('503 busy'),
    text: vscode.l10n.t('The receiver was reading other large requests (it holds at most 16 MiB of bodies at once), so this one was asked to retry. Notifications under 64 KiB are always read.'),
  },
};

export const signatureLabel = (event: WebhookEvent) =>
  !event.signature ? undefined : event.signature.ok ? vscode.l10n.t('✓ verified') : `✗ ${SIGNATURE[event.signature.problem].label}`;

export const signatureText = (event: WebhookEvent) =>
  !event.signature ? undefined : event.signature.ok ? vscode.l10n.t('Signature verified with the configured app\'s client secret.') : SIGNATURE[event.signature.problem].text;

export const rejectionLabel = (rejected: Rejection) => REJECTION[rejected].label;

export const rejectionText = (rejected: Rejection) => REJECTION[rejected].text;

const DROPPED: Record<NonNullable<WebhookEvent['dropped']>, string> = {
  eventLimit: vscode.l10n.t('Its body is not kept: the log keeps up to 256 KiB of each event (it was verified and forwarded in full).'),
  logLimit: vscode.l10n.t('Its body is no longer kept: the log keeps 16 MiB of bodies in all and drops the oldest first.'),
};

/** Why an event's body cannot be shown, replayed or copied. */
export const notKeptText = (event: WebhookEvent) => (event.dropped ? DROPPED[event.dropped] : vscode.l10n.t('Its body was not kept.'));

export function forwardLabel(result: ForwardResult): string {
  if (result.ok) return vscode.l10n.t('→ {0} in {1} ms', result.status, result.ms);
  switch (result.failure) {
    case 'refused':
      return vscode.l10n.t('→ refused');
    case 'timeout':
      return vscode.l10n.t('→ timed out');
    case 'status':
      return vscode.l10n.t('→ {0}', result.status ?? '?');
    case 'network':
      return vscode.l10n.t('→ failed');
  }
}

export function forwardText(result: ForwardResult, target: string): string {
  if (result.ok) return vscode.l10n.t('Forwarded to {0}: your app answered {1} in {2} ms.', target, result.status, result.ms);
  switch (result.failure) {
    case 'refused':
      return vscode.l10n.t('Forwarding to {0} was refused: nothing listens there. Start your app, or set intercom.webhooks.forwardTo to the address it listens on.', target);
    case 'timeout':
      return vscode.l10n.t('{0} did not answer within {1} ms. Answer the notification first and do slow work afterwards (Intercom prefers answers within 500 ms).', target, result.ms);
    case 'status':
      return vscode.l10n.t('{0} answered {1}: {2}. Fix the handler; Intercom retries deliveries that fail.', target, result.status ?? '?', result.bodyStart?.trim() || vscode.l10n.t('(empty body)'));
    case 'network':
      return vscode.l10n.t('Could not forward to {0} ({1}). Check the address in intercom.webhooks.forwardTo.', target, result.code ?? 'error');
  }
}

export const FORWARD_TARGET_PROBLEMS: Record<ForwardTargetProblem, string> = {
  invalid: vscode.l10n.t('intercom.webhooks.forwardTo is not a valid URL (e.g. http://localhost:3000/webhooks, no user name or password).'),
  notHttp: vscode.l10n.t('intercom.webhooks.forwardTo must start with http:// or https://, e.g. http://localhost:3000/webhooks.'),
  notLoopback: vscode.l10n.t('intercom.webhooks.forwardTo points away from this machine. Notifications carry customer data, so they are forwarded to localhost only, unless you turn on intercom.webhooks.allowForwardToAnyHost in your user settings.'),
  receiver: vscode.l10n.t('intercom.webhooks.forwardTo points at the webhook receiver itself, so every notification would be forwarded to itself again. Set it to the address your app listens on.'),
};
