// Reads the extension's settings. Whatever shapes the requests that carry a code, token or client
// secret (where they go, the Intercom-Version sent with them) is read from user (global) or default
// values only, never from a folder's settings.json: a cloned repository must not be able to change
// them. The manifest also marks them application-scoped. The webhook settings a project may set differently
// are read from the folder too, which VS Code allows only in a trusted folder (the manifest lists them in
// restrictedConfigurations).
import * as vscode from 'vscode';
import type { HostOverrides, RegionSetting } from '../api/hosts';

const SECTION = 'intercom';

function userValue<T>(key: string): T | undefined {
  const inspected = vscode.workspace.getConfiguration(SECTION).inspect<T>(key);
  return inspected?.globalValue ?? inspected?.defaultValue;
}

const nonEmpty = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);

export interface Settings {
  clientId?: string;
  redirectUrl?: string;
  region: RegionSetting;
  apiVersion: string;
  allowUnverifiedEmail: boolean;
  overrides: HostOverrides;
  requestTimeoutMs: number;
}

/** SecretStorage key of an OAuth app's client secret: the secret never goes into settings. */
export const clientSecretKey = (clientId: string): string => `intercom.oauth.clientSecret:${clientId}`;

/** The OAuth app's two settings alone: each setting read costs (the walkthrough reads these right after activation). */
export function readAppSettings(): Pick<Settings, 'clientId' | 'redirectUrl'> {
  return {
    clientId: nonEmpty(userValue<string>('oauth.clientId')),
    redirectUrl: nonEmpty(userValue<string>('oauth.redirectUrl')),
  };
}

export function readSettings(): Settings {
  return {
    ...readAppSettings(),
    region: userValue<RegionSetting>('region') ?? 'auto',
    apiVersion: nonEmpty(userValue<string>('apiVersion')) ?? '2.16',
    allowUnverifiedEmail: userValue<boolean>('allowUnverifiedEmail') === true,
    overrides: {
      appBaseUrl: nonEmpty(userValue<string>('advanced.appBaseUrl')),
      apiBaseUrl: nonEmpty(userValue<string>('advanced.apiBaseUrl')),
    },
    requestTimeoutMs: Math.max(1, userValue<number>('advanced.requestTimeoutSeconds') ?? 30) * 1000,
  };
}

/** Writes a user-level setting (the only level the credential-related settings are read from). */
export function updateUserSetting(key: string, value: unknown): Thenable<void> {
  return vscode.workspace.getConfiguration(SECTION).update(key, value, vscode.ConfigurationTarget.Global);
}


export interface WebhookSettings {
  port: number;
  /** Empty when nothing is forwarded. */
  forwardTo: string;
  /** User-level only: a cloned repository must not send notifications (signed, with customer data) off the machine. */
  forwardToAnyHost: boolean;
  /** User-level only: host names besides localhost the receiver answers (a tunnel's that keeps its own Host). */
  tunnelHosts: string[];
  forwardTimeoutMs: number;
  /** As set; the event log keeps it within its bounds. */
  maxEvents: unknown;
}

export function readWebhookSettings(): WebhookSettings {
  const config = vscode.workspace.getConfiguration(SECTION);
  const tunnelHosts = userValue<unknown>('webhooks.tunnelHosts');
  return {
    port: config.get<number>('webhooks.port') ?? 8787,
    forwardTo: nonEmpty(config.get<string>('webhooks.forwardTo')) ?? '',
    forwardToAnyHost: userValue<boolean>('webhooks.allowForwardToAnyHost') === true,
    tunnelHosts: Array.isArray(tunnelHosts) ? tunnelHosts.filter((h): h is string => typeof h === 'string' && h.trim() !== '').map((h) => h.trim()) : [],
    forwardTimeoutMs: Math.min(120, Math.max(1, config.get<number>('webhooks.forwardTimeoutSeconds') ?? 10)) * 1000,
    maxEvents: config.get('webhooks.maxEvents'),
  };
}

export interface CanvasKitSettings {
  /** Empty when not set. */
  initializeUrl: string;
  submitUrl: string;
  configureUrl: string;
  submitSheetUrl: string;
  /** User-level only: a cloned repository must not send signed requests off the machine. */
  allowAnyHost: boolean;
  timeoutMs: number;
}

export function readCanvasKitSettings(): CanvasKitSettings {
  const config = vscode.workspace.getConfiguration(SECTION);
  const url = (key: string) => nonEmpty(config.get<string>(`canvasKit.${key}`)) ?? '';
  return {
    initializeUrl: url('initializeUrl'),
    submitUrl: url('submitUrl'),
    configureUrl: url('configureUrl'),
    submitSheetUrl: url('submitSheetUrl'),
    allowAnyHost: userValue<boolean>('canvasKit.allowAnyHost') === true,
    timeoutMs: Math.min(120, Math.max(1, config.get<number>('canvasKit.timeoutSeconds') ?? 10)) * 1000,
  };
}
