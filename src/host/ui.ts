// The few window interactions the features use, behind one interface. The extension uses VS Code's
// window API; extension-host tests swap in a scripted implementation (through the test-mode API)
// to answer prompts and to read every message shown. Either way, messages pass the redaction and
// plain-text steps.
import * as vscode from 'vscode';
import { plainText } from '../ui/plainText';

export type MessageLevel = 'info' | 'warning' | 'error';

export interface Ui {
  input(options: vscode.InputBoxOptions): Thenable<string | undefined>;
  pick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions & { canPickMany: true }): Thenable<T[] | undefined>;
  pick<T extends vscode.QuickPickItem>(items: readonly T[], options?: vscode.QuickPickOptions): Thenable<T | undefined>;
  /**
   * A pick filtered by `matches` instead of VS Code's fuzzy match, which takes each of label, description and
   * detail alone: every item `matches` accepts for the typed text shows, in the given order.
   */
  search<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions, matches: (item: T, text: string) => boolean): Thenable<T | undefined>;
  message(level: MessageLevel, text: string, ...actions: string[]): Thenable<string | undefined>;
  /** A modal warning with one action besides Cancel; true only when that action is chosen. */
  confirm(text: string, detail: string, action: string): Thenable<boolean>;
  progress<R>(title: string, task: (progress: vscode.Progress<{ message?: string }>, token: vscode.CancellationToken) => Thenable<R>): Thenable<R>;
  openFolder(options: vscode.OpenDialogOptions): Thenable<vscode.Uri | undefined>;
}

function searchPick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions, matches: (item: T, text: string) => boolean): Promise<T | undefined> {
  return new Promise((resolve) => {
    const quickPick = vscode.window.createQuickPick<T>();
    Object.assign(quickPick, { ignoreFocusOut: true, title: options.title, placeholder: options.placeHolder });
    // alwaysShow keeps VS Code's own filter from hiding what `matches` accepted.
    const shown: T[] = items.map((item) => ({ ...item, alwaysShow: true }));
    const filter = (text: string) => (quickPick.items = shown.filter((_, i) => matches(items[i], text)));
    let picked: T | undefined;
    quickPick.onDidChangeValue(filter);
    quickPick.onDidAccept(() => {
      const chosen = quickPick.selectedItems[0];
      picked = chosen && items[shown.indexOf(chosen)];
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      quickPick.dispose();
      resolve(picked);
    });
    filter('');
    quickPick.show();
  });
}

export const windowUi: Ui = {
  input: (options) => vscode.window.showInputBox({ ignoreFocusOut: true, ...options }),
  pick: ((items: readonly vscode.QuickPickItem[], options?: vscode.QuickPickOptions) =>
    vscode.window.showQuickPick(items, { ignoreFocusOut: true, ...options })) as Ui['pick'],
  search: searchPick,
  message: (level, text, ...actions) => {
    const show = level === 'error' ? vscode.window.showErrorMessage : level === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    return show(text, ...actions);
  },
  confirm: async (text, detail, action) => (await vscode.window.showWarningMessage(text, { modal: true, detail }, action)) === action,
  progress: (title, task) => vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, task),
  openFolder: async (options) => (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, ...options }))?.[0],
};

/**
 * Lets tests replace the window UI after activation (`current = …`). Features always call through
 * `current`, which redacts every message, confirmation, progress title and progress message and then makes
 * it plain text (redacted first: `[redacted]` next to data could make a link) before the UI set last shows it.
 */
export class UiHost {
  private ui: Ui = windowUi;
  private readonly shown: Ui;

  /** `ownLinkTargets`: the targets of the links the extension's own messages carry (plainText). */
  constructor(redact: (text: string) => string, ownLinkTargets: readonly string[]) {
    const show = (text: string) => plainText(redact(text), ownLinkTargets);
    this.shown = {
      input: (options) => this.ui.input(options),
      pick: ((items: readonly vscode.QuickPickItem[], options?: vscode.QuickPickOptions) => this.ui.pick(items, options)) as Ui['pick'],
      search: (items, options, matches) => this.ui.search(items, options, matches),
      message: (level, text, ...actions) => this.ui.message(level, show(text), ...actions),
      confirm: (text, detail, action) => this.ui.confirm(show(text), show(detail), action),
      progress: (title, task) => this.ui.progress(show(title), (progress, token) =>
        task({ report: (value) => progress.report(value.message === undefined ? value : { ...value, message: show(value.message) }) }, token)),
      openFolder: (options) => this.ui.openFolder(options),
    };
  }

  get current(): Ui {
    return this.shown;
  }

  set current(ui: Ui) {
    this.ui = ui;
  }
}
