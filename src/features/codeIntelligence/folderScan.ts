// What the last folder scan said of the files that import the project's Intercom wrappers (one hop), kept in
// the folder's workspace state: the code analysis reads an open file's wrappers from it and never scans the
// folder itself. Loaded at activation (the first look reads it): `import = require`, as esbuild.mjs explains.
import vscode = require('vscode');
import type { ProjectContext } from '../../scopes/scanState';

const KEY = 'intercom.folderScan.projects';

/** Path relative to the folder, as the folder scan names files → the names the file imports from a wrapper. */
type Stored = Record<string, string[]>;

export function saveProjects(state: vscode.Memento, projects: ReadonlyMap<string, ProjectContext>): Thenable<void> {
  const stored: Stored = {};
  for (const [file, project] of projects) stored[file] = [...project.names];
  return state.update(KEY, stored);
}

/** The document's context from the last folder scan; undefined when none is stored or it named no wrapper there. */
export function projectOf(state: vscode.Memento, uri: vscode.Uri): ProjectContext | undefined {
  const stored = state.get<Stored>(KEY);
  if (!stored || uri.scheme === 'untitled') return undefined;
  const names = stored[vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1)];
  return names && { importsIntercom: true, names: new Set(names) };
}
