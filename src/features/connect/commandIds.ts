// Command ids both the always-loaded composition root and the lazily loaded flows need.

/** Linked from the Connect progress message, so the person can paste the bridge page's callback URL. */
export const PASTE_CALLBACK_COMMAND = 'intercom.pasteCallbackUrl';
