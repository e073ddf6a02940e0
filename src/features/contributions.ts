// What package.json contributes, and where it and the feature table (./table) disagree.
// Loaded at activation; no API, so unit tests read it too.
import { AUTHENTICATION, COMMANDS, TOOLS, VIEWS } from './table';

/** The ids package.json contributes, by kind. */
export interface Contributions {
  commands: readonly string[];
  views: readonly string[];
  tools: readonly string[];
  authentication: readonly { id: string; label: string }[];
}

interface Manifest {
  contributes: {
    commands: { command: string }[];
    views: Record<string, { id: string }[]>;
    languageModelTools: { name: string }[];
    authentication: { id: string; label: string }[];
  };
}

/** Throws if the table has an id package.json lacks: VS Code would not show it, and nothing would say why. */
export function contributionsOf({ contributes }: Manifest): Contributions {
  const contributions: Contributions = {
    commands: contributes.commands.map((c) => c.command),
    views: Object.values(contributes.views).flat().map(({ id }) => id),
    tools: contributes.languageModelTools.map((t) => t.name),
    authentication: contributes.authentication.map(({ id, label }) => ({ id, label })),
  };
  const { notInManifest } = disagreements(contributions);
  if (notInManifest.length > 0) throw new Error(`In the feature table but not in package.json: ${notInManifest.join(', ')}`);
  return contributions;
}

/** The table's ids package.json lacks, and package.json's the table lacks, by kind ("command intercom.x"). */
export function disagreements(contributions: Contributions): { notInManifest: string[]; notInTable: string[] } {
  const kinds: [string, readonly string[], object][] = [
    ['command', contributions.commands, COMMANDS],
    ['view', contributions.views, VIEWS],
    ['tool', contributions.tools, TOOLS],
    ['authentication provider', contributions.authentication.map(({ id }) => id), AUTHENTICATION],
  ];
  return {
    notInManifest: kinds.flatMap(([kind, ids, table]) => Object.keys(table).filter((id) => !ids.includes(id)).map((id) => `${kind} ${id}`)),
    notInTable: kinds.flatMap(([kind, ids, table]) => ids.filter((id) => !(id in table)).map((id) => `${kind} ${id}`)),
  };
}
