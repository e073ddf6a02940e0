// Steps done before (in an earlier version or another window) show as complete in the walkthrough too.
import { clientSecretKey, readAppSettings } from '../../host/config';
import type { BaseServices } from '../../host/services';

/** Ticks the steps already done, reading settings and secrets only: no feature is loaded for it. */
export async function markStepsDoneBefore(services: BaseServices): Promise<void> {
  const { clientId, redirectUrl } = readAppSettings();
  if (clientId && redirectUrl && (await services.context.secrets.get(clientSecretKey(clientId)))) await services.walkthrough.mark('appConfigured');
  if ((await services.sessions.list()).length > 0) await services.walkthrough.mark('connected');
}
