// The Connect flows as one bundle (dist/connect.js, see esbuild.mjs), loaded on first use through ./load:
// OAuth and Access Token connects, the OAuth app's settings, the redirect bridge page, Disconnect, and the
// messages that explain a failure.
import type { Services } from '../../services';
import { AppConfig } from './appConfig';
import { OAuthConnect } from './oauth';

export { createRedirectBridge } from '../bridge/createBridge';
export { connectWithAccessToken } from './accessToken';
export { disconnect } from './disconnect';
export { explain, showExplained } from './messages';

export interface ConnectFlows {
  appConfig: AppConfig;
  oauth: OAuthConnect;
}

export function createConnectFlows(services: Services): ConnectFlows {
  const appConfig = new AppConfig(services);
  return { appConfig, oauth: new OAuthConnect(services, appConfig) };
}
