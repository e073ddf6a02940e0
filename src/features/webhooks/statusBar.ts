// Status bar while the receiver runs: its port and how many events the log holds.
import * as vscode from 'vscode';

export function createReceiverStatus(): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('intercom.webhooks', vscode.StatusBarAlignment.Left, 9);
  item.name = vscode.l10n.t('Intercom Webhook Receiver');
  item.command = { command: 'intercom.webhookEvents.focus', title: vscode.l10n.t('Show Webhook Events') };
  return item;
}

export function showReceiver(item: vscode.StatusBarItem, running: { port: number; publicUrl: string } | undefined, events: number): void {
  if (!running) {
    item.hide();
    return;
  }
  item.text = `$(radio-tower) ${vscode.l10n.t('Webhooks :{0} · {1}', running.port, events)}`;
  item.tooltip = vscode.l10n.t('Intercom webhook receiver on port {0}, {1} events logged.\nRegister: {2}', running.port, events, running.publicUrl);
  item.show();
}
