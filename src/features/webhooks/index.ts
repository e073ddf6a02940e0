// Hands over the webhook commands and the Webhook Events view's rows without loading their code: the feature
// (receiver, log, forwarder) lives in dist/webhooks.js and is required on the first command or when the
// view is first shown. Activation never starts the receiver.
import * as vscode from 'vscode';
import type { Services } from '../../services';
import { WEBHOOK_COMMANDS } from './commands';
import type * as WebhooksModule from './webhooks';
import type { EventNode } from './tree';

/** The loaded feature, created on first use; tests reach it through the test API. */
export class LazyWebhooks implements vscode.TreeDataProvider<EventNode>, vscode.Disposable {
  private feature: WebhooksModule.WebhooksFeature | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly services: Services) {}

  load(): WebhooksModule.WebhooksFeature {
    if (!this.feature) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const module = require('./webhooks.js') as typeof WebhooksModule;
      this.feature = module.createWebhooks(this.services, () => this.changed.fire());
    }
    return this.feature;
  }

  /** What a window reload does to the feature: stop, save the log, and start again from storage on next use. */
  async reload(): Promise<void> {
    const feature = this.feature;
    this.feature = undefined;
    if (feature) await feature.close();
    this.changed.fire();
  }

  getChildren(node?: EventNode): EventNode[] {
    return this.load().tree.getChildren(node);
  }

  getTreeItem(node: EventNode): vscode.TreeItem {
    return this.load().tree.getTreeItem(node);
  }

  getParent(node: EventNode): EventNode | undefined {
    return this.load().tree.getParent(node);
  }

  dispose(): void {
    void this.feature?.close();
    this.changed.dispose();
  }
}

export function activateWebhooks(services: Services): LazyWebhooks {
  const lazy = new LazyWebhooks(services);
  services.register.view('intercom.webhookEvents', lazy);
  services.context.subscriptions.push(
    lazy,
    ...WEBHOOK_COMMANDS.map((id) => services.register.command(id, (...args: unknown[]) => lazy.load().run(id, ...args))),
  );
  return lazy;
}
