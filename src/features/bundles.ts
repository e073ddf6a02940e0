// The one lazy() helper: requires dist/<name>.js on first use and creates its feature, once. Loaded at activation.
/* eslint-disable @typescript-eslint/no-require-imports */
import type * as vscode from 'vscode';
import type * as HttpModule from '../api/http';
import type * as ConnectModule from './connect/feature';
import type * as BaseModule from './base';
import type * as CanvasKitModule from './canvasKit/simulator';
import type * as CodeIntelligenceModule from './codeIntelligence/languageFeatures';
import type * as ExplorerModule from './explorer/explorer';
import type * as RequestsModule from './requests/commands';
import type * as ScopesModule from './scopes/checklist';
import type * as WebhooksModule from './webhooks/webhooks';
import type * as FeatureServicesModule from './featureServices';

/** Each bundle's feature: what the table's rows call. */
export interface Bundles {
  /** got, behind the HTTP client. */
  http: typeof HttpModule;
  base: BaseModule.Base;
  features: FeatureServicesModule.FeatureServices;
  connect: ConnectModule.ConnectFeature;
  scopes: ScopesModule.ScopeChecklist;
  webhooks: WebhooksModule.WebhooksFeature;
  requests: RequestsModule.Requests;
  explorer: ExplorerModule.ApiExplorer;
  canvasKit: CanvasKitModule.CanvasKitFeature;
  /** Intercom in the code: started by the first look at open documents (firstLook.ts), not by a command. */
  codeIntelligence: CodeIntelligenceModule.CodeIntelligence;
}

export type BundleName = keyof Bundles;

/** What a bundle's feature is created with. */
export interface Host {
  readonly context: vscode.ExtensionContext;
  /** When this window activated the extension (ms). */
  readonly activatedAt: number;
  lazy<B extends BundleName>(name: B): Bundles[B];
  /** The tree view activation created for `id`. */
  view<T>(id: string): vscode.TreeView<T>;
}

const CREATE: { [B in BundleName]: (host: Host) => Bundles[B] } = {
  http: () => require('../api/http.js') as typeof HttpModule,
  base: ({ context, activatedAt, lazy }) => (require('./base.js') as typeof BaseModule).createBase(context, activatedAt, () => lazy('connect').createSession()),
  features: ({ lazy, view }) => (require('./featureServices.js') as typeof FeatureServicesModule).createFeatureServices({
    base: lazy('base'),
    workspaceView: view('intercom.workspace'),
    http: () => lazy('http'),
    explainMe: (error, token) => lazy('connect').explain(error, 'me', token),
  }),
  connect: (host) => (require('./connect/feature.js') as typeof ConnectModule).createConnect(host.lazy('features').services),
  scopes: (host) => new (require('./scopes/checklist.js') as typeof ScopesModule).ScopeChecklist(host.lazy('features').services),
  webhooks: (host) => new (require('./webhooks/webhooks.js') as typeof WebhooksModule).WebhooksFeature(host.lazy('features').services),
  requests: (host) => (require('./requests/commands.js') as typeof RequestsModule).createRequests(host.lazy('features').services),
  explorer: (host) => (require('./explorer/explorer.js') as typeof ExplorerModule).createExplorer(host.lazy('features').services, host.view('intercom.api')),
  canvasKit: (host) => (require('./canvasKit/simulator.js') as typeof CanvasKitModule).createCanvasKit(host.lazy('features').services),
  codeIntelligence: (host) => (require('./codeIntelligence/languageFeatures.js') as typeof CodeIntelligenceModule).startCodeIntelligence(host.lazy('features').services),
};

/** Some features end with work to wait for (the webhook event log's last save). */
type Disposal = { dispose?(): void | Promise<void> };

export class LazyBundles {
  private readonly features = new Map<BundleName, Bundles[BundleName]>();
  private readonly host: Host;

  constructor(host: Omit<Host, 'lazy'>) {
    this.host = { ...host, lazy: (name) => this.lazy(name) };
  }

  /** The bundle's feature, created on the first call. */
  lazy<B extends BundleName>(name: B): Bundles[B] {
    let feature = this.features.get(name) as Bundles[B] | undefined;
    if (!feature) {
      feature = CREATE[name](this.host);
      this.features.set(name, feature);
    }
    return feature;
  }

  /** The bundle's feature if it was created, without creating it. */
  loaded<B extends BundleName>(name: B): Bundles[B] | undefined {
    return this.features.get(name) as Bundles[B] | undefined;
  }

  /** Disposes the bundle's feature; the next call creates it again (what a window reload does to it). */
  async unload(name: BundleName): Promise<void> {
    const feature = this.features.get(name) as Disposal | undefined;
    this.features.delete(name);
    await feature?.dispose?.();
  }

  /** Disposes every feature created, the last created first; resolves once their last writes ended. */
  async dispose(): Promise<void> {
    for (const name of [...this.features.keys()].reverse()) await this.unload(name);
  }
}
