// The webhook command ids: handled by index.ts, each run by the feature once dist/webhooks.js is loaded.
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
