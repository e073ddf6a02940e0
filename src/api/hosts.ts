// Where Intercom lives. REST hosts per region are documented (OpenAPI `servers:`); the OAuth docs
// only name US hosts, so the EU/AU authorize hosts are an unconfirmed convention and can be
// overridden with intercom.advanced.appBaseUrl.

export type Region = 'us' | 'eu' | 'au';
export type RegionSetting = Region | 'auto';

export interface Hosts {
  /** Web app: the OAuth consent page and workspace links. */
  appBase: string;
  /** REST API: token exchange, /me, everything else. */
  apiBase: string;
}

export const REGION_HOSTS: Record<Region, Hosts> = {
  us: { appBase: 'https://app.intercom.com', apiBase: 'https://api.intercom.io' },
  eu: { appBase: 'https://app.eu.intercom.com', apiBase: 'https://api.eu.intercom.io' },
  au: { appBase: 'https://app.au.intercom.com', apiBase: 'https://api.au.intercom.io' },
};

export const REGION_NAMES: Record<Region, string> = { us: 'US', eu: 'Europe', au: 'Australia' };

/** /me's app.region: "US", "Europe" (not "EU"), "AU" (unconfirmed). Tolerant of variants; undefined if unknown. */
export function regionFromMe(region: string | null | undefined): Region | undefined {
  const r = region?.trim().toLowerCase();
  if (r === 'us' || r === 'usa' || r === 'united states') return 'us';
  if (r === 'europe' || r === 'eu') return 'eu';
  if (r === 'au' || r === 'australia') return 'au';
  return undefined;
}

export interface HostOverrides {
  appBaseUrl?: string;
  apiBaseUrl?: string;
}

const trimSlash = (url: string) => url.replace(/\/+$/, '');

/** Hosts to start a connection on: the chosen region (auto starts on US), then any override. */
export function startHosts(region: RegionSetting, overrides: HostOverrides = {}): Hosts {
  const base = REGION_HOSTS[region === 'auto' ? 'us' : region];
  return {
    appBase: overrides.appBaseUrl ? trimSlash(overrides.appBaseUrl) : base.appBase,
    apiBase: overrides.apiBaseUrl ? trimSlash(overrides.apiBaseUrl) : base.apiBase,
  };
}

/** The API host to keep for a workspace once /me has told its region. An override always wins. */
export function apiBaseForRegion(region: Region | undefined, fallback: string, overrides: HostOverrides = {}): string {
  if (overrides.apiBaseUrl) return trimSlash(overrides.apiBaseUrl);
  return region ? REGION_HOSTS[region].apiBase : fallback;
}

/** The workspace in Intercom's web app, on its region's host (an override always wins). */
export function workspaceUrl(appIdCode: string, region: Region | undefined, overrides: HostOverrides = {}): string {
  const appBase = overrides.appBaseUrl ? trimSlash(overrides.appBaseUrl) : REGION_HOSTS[region ?? 'us'].appBase;
  return `${appBase}/a/apps/${encodeURIComponent(appIdCode)}`;
}

/** The Developer Hub as seen from a workspace; without one, `_` lets Intercom pick the signed-in workspace. */
export function developerHubUrl(appIdCode: string | undefined, region: Region | undefined, overrides: HostOverrides = {}): string {
  return `${workspaceUrl(appIdCode ?? '_', region, overrides)}/developer-hub`;
}
