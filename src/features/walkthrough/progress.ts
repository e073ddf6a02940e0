// The "Build an Intercom app" walkthrough (contributes.walkthroughs) completes a step on its real outcome,
// not on a click: features mark the step when it succeeded, which sets the context key that the step's
// `onContext:` completion event waits for. VS Code remembers completed steps itself.
import * as vscode from 'vscode';
import type { WalkthroughStep, WalkthroughSteps } from '../../host/services';

const STEP_KEYS: Readonly<Record<WalkthroughStep, string>> = {
  appConfigured: 'intercom.walkthrough.appConfigured',
  bridgePageCreated: 'intercom.walkthrough.bridgePageCreated',
  connected: 'intercom.walkthrough.connected',
  checklistGenerated: 'intercom.walkthrough.checklistGenerated',
  webhookReceiverStarted: 'intercom.walkthrough.webhookReceiverStarted',
  apiCalled: 'intercom.walkthrough.apiCalled',
};

export class WalkthroughProgress implements WalkthroughSteps, vscode.Disposable {
  private readonly marked = new vscode.EventEmitter<string>();
  /** The context key, once set. */
  readonly onDidMark = this.marked.event;

  async mark(step: WalkthroughStep): Promise<void> {
    const key = STEP_KEYS[step];
    await vscode.commands.executeCommand('setContext', key, true);
    this.marked.fire(key);
  }

  dispose(): void {
    this.marked.dispose();
  }
}
