// Helpers for extension-host tests: activate the real extension, script its prompts, read what it showed.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OAuthConnect } from '../../src/features/connect/oauth';
import type { CanvasKitFeature } from '../../src/features/canvasKit/simulator';
import type { ApiNode } from '../../src/features/explorer/apiTree';
import type { EventsTree } from '../../src/features/webhooks/tree';
import type { WebhooksFeature } from '../../src/features/webhooks/webhooks';
import type { WorkspaceFeature } from '../../src/features/workspace';
import type { SessionStore } from '../../src/host/session/store';
import type { MessageLevel, Ui, UiHost } from '../../src/host/ui';
import { until } from '../support/until';

export { until };

export const EXTENSION_ID = 'seedworks.intercom-devtools';

export interface TestApi {
  ui: UiHost;
  oauth: OAuthConnect;
  sessions: SessionStore;
  workspace: WorkspaceFeature;
  webhooks: {
    /** The feature, created on first use. */
    load(): WebhooksFeature;
    /** What a window reload does to the feature: stop, save the log, and start again from storage on next use. */
    reload(): Promise<void>;
    /** The view's rows (reading it creates the feature). */
    tree: EventsTree;
  };
  explorer: {
    tree: vscode.TreeDataProvider<ApiNode>;
    view: vscode.TreeView<ApiNode>;
    /** The language-model tools by name, as VS Code calls them. */
    tools: Readonly<Record<string, vscode.LanguageModelTool<object>>>;
  };
  canvasKit: { load(): CanvasKitFeature };
  secrets: vscode.SecretStorage;
  logUri: vscode.Uri;
  walkthrough: { onDidMark: vscode.Event<string> };
  /** The status bar's text, undefined until it is shown; reading it wires nothing. */
  statusText: string | undefined;
  /** The contributed commands, views, tools and authentication providers the feature table does not answer. */
  unhandled(): string[];
}

export async function activateExtension(): Promise<TestApi> {
  const ext = vscode.extensions.getExtension<TestApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is installed in the host`);
  const api = await ext.activate();
  // Not sessions nor ui: reading them creates the core or wires the features, which activation itself never does.
  assert.ok(api?.secrets, 'the extension exports its test API in test mode');
  return api;
}

export interface Shown {
  level: MessageLevel;
  text: string;
  actions: string[];
}

type InputAnswer = string | undefined | ((options: vscode.InputBoxOptions) => string | undefined);
type PickAnswer = (items: readonly vscode.QuickPickItem[]) => vscode.QuickPickItem | vscode.QuickPickItem[] | undefined;
type MessageAnswer = (shown: Shown) => string | undefined | Promise<string | undefined>;

export interface Confirmation {
  text: string;
  detail: string;
  action: string;
}

/** A Ui that answers prompts from queued answers and records every message shown. */
export class ScriptedUi implements Ui {
  readonly shown: Shown[] = [];
  readonly prompts: vscode.InputBoxOptions[] = [];
  readonly progressTitles: string[] = [];
  /** What each progress notification read, as VS Code joins a title and a message: "title: message". */
  readonly progressLines: string[] = [];
  readonly pickOptions: vscode.QuickPickOptions[] = [];
  /** Messages nobody answered stay in the notification list; running progress shows until its task ends. */
  private readonly unanswered = new Set<Shown>();
  private readonly running = new Set<{ title: string; message?: string }>();
  private inputs: InputAnswer[] = [];
  private picks: PickAnswer[] = [];
  onMessage: MessageAnswer = () => undefined;
  /** Every modal confirmation asked, and the answer to give (default: Cancel). */
  readonly confirmations: Confirmation[] = [];
  onConfirm: (c: Confirmation) => boolean = () => false;
  /** Sees each progress message as it is reported. */
  onProgress: ((message: string) => void) | undefined;
  /** Set to have the next progress cancelled as soon as it starts (the person clicks Cancel at once). */
  cancelNextProgress = false;
  private progressCancel: vscode.CancellationTokenSource | undefined;
  private listeners: (() => void)[] = [];

  answerInputs(...answers: InputAnswer[]): this {
    this.inputs.push(...answers);
    return this;
  }

  answerPicks(...answers: PickAnswer[]): this {
    this.picks.push(...answers);
    return this;
  }

  async input(options: vscode.InputBoxOptions): Promise<string | undefined> {
    this.prompts.push(options);
    assert.ok(this.inputs.length > 0, `unexpected input prompt: ${options.title ?? ''} ${options.prompt ?? ''}`);
    const next = this.inputs.shift();
    const value = typeof next === 'function' ? next(options) : next;
    if (value !== undefined && options.validateInput) {
      const problem = await options.validateInput(value);
      assert.ok(!problem, `test answer rejected by validateInput: ${JSON.stringify(problem)}`);
    }
    return value;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async pick(items: readonly vscode.QuickPickItem[], options: vscode.QuickPickOptions = {}): Promise<any> {
    this.pickOptions.push(options);
    assert.ok(this.picks.length > 0, `unexpected quick pick: ${items.map((i) => i.label).join(', ')}`);
    return this.picks.shift()!(items);
  }

  /** Answered like a pick: the answer chooses among all the items, as if nothing was typed. */
  async search<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<T | undefined> {
    return this.pick(items, options);
  }

  async message(level: MessageLevel, text: string, ...actions: string[]): Promise<string | undefined> {
    const shown = { level, text, actions };
    this.shown.push(shown);
    this.listeners.forEach((l) => l());
    const answer = await this.onMessage(shown);
    if (answer === undefined) this.unanswered.add(shown);
    return answer;
  }

  async confirm(text: string, detail: string, action: string): Promise<boolean> {
    const asked = { text, detail, action };
    this.confirmations.push(asked);
    return this.onConfirm(asked);
  }

  /** The texts still visible as notifications: unanswered messages and running progress. */
  openNotifications(): string[] {
    return [
      ...[...this.unanswered].map((s) => s.text),
      ...[...this.running].map((p) => (p.message ? `${p.title}: ${p.message}` : p.title)),
    ];
  }

  async progress<R>(title: string, task: (p: vscode.Progress<{ message?: string }>, t: vscode.CancellationToken) => Thenable<R>): Promise<R> {
    this.progressTitles.push(title);
    this.progressCancel = new vscode.CancellationTokenSource();
    if (this.cancelNextProgress) {
      this.cancelNextProgress = false;
      this.progressCancel.cancel();
    }
    const shown: { title: string; message?: string } = { title };
    this.running.add(shown);
    const report = ({ message }: { message?: string }) => {
      if (message === undefined) return;
      shown.message = message;
      this.progressLines.push(`${title}: ${message}`);
      this.onProgress?.(message);
    };
    try {
      return await task({ report }, this.progressCancel.token);
    } finally {
      this.running.delete(shown);
      this.progressCancel.dispose();
      this.progressCancel = undefined;
    }
  }

  /** What clicking Cancel on the progress notification does. */
  cancelProgress(): void {
    assert.ok(this.progressCancel, 'no progress is running');
    this.progressCancel.cancel();
  }

  async openFolder(): Promise<vscode.Uri | undefined> {
    const answer = this.inputs.shift();
    return typeof answer === 'string' ? vscode.Uri.file(answer) : undefined;
  }

  waitForMessage(match: (s: Shown) => boolean, ms = 15_000): Promise<Shown> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.shown.find(match);
        if (!found) return false;
        clearTimeout(timer);
        this.listeners = this.listeners.filter((l) => l !== listener);
        resolve(found);
        return true;
      };
      const listener = () => void check();
      const timer = setTimeout(() => reject(new Error(`no such message within ${ms} ms; shown: ${JSON.stringify(this.shown)}`)), ms);
      if (!check()) this.listeners.push(listener);
    });
  }
}

/** What the extension has written to its log so far (the file behind "Intercom: Show Log"). */
export async function logText(api: TestApi): Promise<string> {
  const file = vscode.Uri.joinPath(api.logUri, 'Intercom.log');
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
  } catch {
    return ''; // not flushed yet
  }
}
