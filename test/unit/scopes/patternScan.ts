// The pattern fixtures (test/fixtures/scopes/patterns) as the scope tests read them.
import fs from 'node:fs';
import path from 'node:path';
import { operationText } from '../../../src/scopes/operations';
import { scanFiles } from '../../../src/scopes/scanFiles';
import { scanText } from '../../../src/scopes/scanner';

export const PATTERNS = path.resolve(__dirname, '../../../../test/fixtures/scopes/patterns');

/** "line METHOD /path" for each request finding of a pattern fixture, "(assumed)" where the code shows no method. */
export const requests = (name: string): string[] =>
  scanText(name, fs.readFileSync(path.join(PATTERNS, name), 'utf8')).flatMap((f) =>
    f.kind === 'webhook' ? [] : [`${f.line} ${operationText(f.operation)}${f.methodSeen ? '' : ' (assumed)'}`],
  );

/** "line /path" for each call of a pattern fixture whose method the code does not show, where the method decides. */
export async function unseen(name: string): Promise<string[]> {
  const result = await scanFiles([name], (file) => fs.promises.readFile(path.join(PATTERNS, file)));
  return result.unseenMethods.map((u) => `${u.line} ${u.target.path}`);
}
