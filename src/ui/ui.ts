// The few window interactions the features use, behind one interface. The extension uses VS Code's
// window API; extension-host tests swap in a scripted implementation (through the test-mode API)
// to answer prompts and to read every message shown.
import * as vscode from 'vscode';

export type MessageLevel = 'info' | 'warning' | 'error';

export interface Ui {
  input(options: vscode.InputBoxOptions): Thenable<string | undefined>;
  pick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions & { canPickMany: true }): Thenable<T[] | undefined>;
  pick<T extends vscode.QuickPickItem>(items: readonly T[], options?: vscode.QuickPickOptions): Thenable<T | undefined>;
  message(level: MessageLevel, text: string, ...actions: string[]): Thenable<string | undefined>;
  progress<R>(title: string, task: (progress: vscode.Progress<{ message?: string }>, token: vscode.CancellationToken) => Thenable<R>): Thenable<R>;
  openFolder(options: vscode.OpenDialogOptions): Thenable<vscode.Uri | undefined>;
}

export const windowUi: Ui = {
  input: (options) => vscode.window.showInputBox({ ignoreFocusOut: true, ...options }),
  pick: ((items: readonly vscode.QuickPickItem[], options?: vscode.QuickPickOptions) =>
    vscode.window.showQuickPick(items, { ignoreFocusOut: true, ...options })) as Ui['pick'],
  message: (level, text, ...actions) => {
    const show = level === 'error' ? vscode.window.showErrorMessage : level === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    return show(text, ...actions);
  },
  progress: (title, task) => vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, task),
  openFolder: async (options) => (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, ...options }))?.[0],
};

/** Lets tests replace the window UI after activation; features always call through `current`. */
export class UiHost {
  current: Ui = windowUi;
}
