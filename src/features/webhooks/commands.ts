// The webhook command ids: registered at activation (index.ts), handled once the feature is loaded.
export const WEBHOOK_COMMANDS = [
  'intercom.startWebhookReceiver',
  'intercom.stopWebhookReceiver',
  'intercom.copyWebhookUrl',
  'intercom.sendTestWebhook',
  'intercom.clearWebhookEvents',
  'intercom.replayWebhook',
  'intercom.copyWebhookCurl',
  'intercom.openWebhookEvent',
] as const;

export type WebhookCommand = (typeof WEBHOOK_COMMANDS)[number];
