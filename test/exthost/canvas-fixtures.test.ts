// The Canvas Kit schema contributed for canvas fixtures (package.json jsonValidation) in the real extension
// host: VS Code's JSON language features underline a misspelt key and complete a component's keys in
// .intercom/canvas/*.json, and leave .intercom/canvas/context.json (another shape) alone.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { until } from '../support/until';

suite('Canvas fixtures: the Canvas Kit schema in the editor (real extension host)', function () {
  this.timeout(60_000);
  const folder = () => vscode.workspace.workspaceFolders![0].uri;
  const canvasFolder = () => vscode.Uri.joinPath(folder(), '.intercom', 'canvas');

  async function open(name: string, text: string): Promise<vscode.TextDocument> {
    const uri = vscode.Uri.joinPath(canvasFolder(), name);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    return doc;
  }

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder(), '.intercom'), { recursive: true }).then(undefined, () => undefined);
  });

  test('a fixture gets a squiggle on `styel` and completion of the component\'s keys', async () => {
    const doc = await open('booking.json', '{ "canvas": { "content": { "components": [ { "type": "text", "text": "Hi", "styel": "header" } ] } } }\n');
    const squiggle = await until(() => vscode.languages.getDiagnostics(doc.uri).find((d) => /styel/.test(d.message)), 'the schema\'s diagnostic on "styel"');
    assert.equal(doc.getText(squiggle.range), '"styel"');

    const insideComponent = doc.positionAt(doc.getText().indexOf('{ "type"') + 1);
    const completion = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, insideComponent);
    const keys = completion.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label).replace(/"/g, ''));
    for (const key of ['align', 'style', 'bottom_margin']) assert.ok(keys.includes(key), `completion offers ${key}: ${keys.join(', ')}`);
  });

  test('context.json is not judged as a fixture', async () => {
    // The trailing comma makes the JSON server report a syntax error: the sign that it read the file.
    const doc = await open('context.json', '{ "styel": "header", "locale": "en", }\n');
    const diagnostics = await until(() => {
      const found = vscode.languages.getDiagnostics(doc.uri);
      return found.length > 0 && found;
    }, 'the JSON server\'s diagnostics on context.json');
    assert.deepEqual(diagnostics.filter((d) => /styel|not allowed|Missing property/i.test(d.message)).map((d) => d.message), []);
  });
});
