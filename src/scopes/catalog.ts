// The Developer Hub's permission scopes: the checklist must use its exact labels, sections and order,
// or developers cannot find the boxes to tick. Source: Intercom's "Setting up OAuth" guide (its two
// permission tables), plus "Delete conversations and metrics", which the Developer Hub lists but the
// guide's table does not. Also what Canvas Kit forces and which scope covers a narrower one.

export type SectionId = 'people' | 'workspace';

export interface Section {
  readonly id: SectionId;
  /** The heading the Developer Hub shows. */
  readonly title: string;
  /** The guide's column header for the section. */
  readonly kind: string;
}

export const SECTIONS: readonly Section[] = [
  { id: 'people', title: 'People & conversation data', kind: 'Standard scopes' },
  { id: 'workspace', title: 'Workspace data', kind: 'Extended scopes' },
];

export interface Scope {
  /** Exactly as the Developer Hub shows it. */
  readonly label: string;
  readonly section: SectionId;
  /** Exactly as the guide's table says (even where the guide is evidently wrong: "Read content data"). */
  readonly description?: string;
  /** Older or alternate names for the same checkbox; looked up case-insensitively like the label. */
  readonly aliases: readonly string[];
  /** Position in the Developer Hub, across both sections. */
  readonly order: number;
  readonly note?: string;
}

type ScopeData = Omit<Scope, 'order' | 'aliases'> & { aliases?: readonly string[] };

const DATA: readonly ScopeData[] = [
  { section: 'people', label: 'Read and list users and companies', description: 'List and view all segments, users, companies, and tags', aliases: ['Read users and companies'] },
  { section: 'people', label: 'Read and write users', description: 'List all users and execute bulk actions' },
  { section: 'people', label: 'Write users and companies', description: 'Create and update users, companies, and tags' },
  { section: 'people', label: 'Read one user and one company', description: 'List and view a single user and company' },
  { section: 'people', label: 'Read tags', description: 'List all tags' },
  { section: 'people', label: 'Write tags', description: 'Create, update, use and delete tags' },
  { section: 'people', label: 'Read conversations', description: 'View conversations' },
  { section: 'people', label: 'Write conversations', description: 'Reply to, mark as read and close conversations' },
  {
    section: 'people',
    label: 'Delete conversations and metrics',
    note: 'Listed in the Developer Hub but not in the OAuth guide\'s table; the API reference names it for deleting a conversation with retain_metrics=false.',
  },
  { section: 'people', label: 'Read events', description: 'List all events belonging to a user' },
  { section: 'people', label: 'Write events', description: 'Ability to submit events (i.e. user activity)' },
  { section: 'people', label: 'Read counts', description: 'Count users and companies with specified criteria' },
  { section: 'people', label: 'Write data attributes', description: 'Create and update custom data attributes' },
  { section: 'people', label: 'Export message data', description: 'Export engagement data for messages' },
  { section: 'people', label: 'Export content data', description: 'Export engagement data for content' },
  { section: 'people', label: 'Read content data', description: 'Create and update custom data attributes' },
  { section: 'people', label: 'Read tickets', description: 'View tickets' },
  { section: 'people', label: 'Write tickets', description: 'Create tickets' },
  { section: 'people', label: 'Read and write custom object instances', description: 'Create, read, update and delete custom object instances' },
  { section: 'people', label: 'Read status of jobs', description: 'Read status of jobs enqueued via the API' },
  { section: 'workspace', label: 'Read admins', description: 'List and view all admins' },
  { section: 'workspace', label: 'Read one admin', description: 'View a single admin' },
  { section: 'workspace', label: 'Update admins', description: 'Update away mode for admins' },
  { section: 'workspace', label: 'Read admin activity logs', description: 'List and view all admins and their activity' },
  { section: 'workspace', label: 'Read data when entered into the app', description: 'Gather data via Intercom Apps', aliases: ['Gather App data'] },
  // The guide lists both news scopes twice; the second pair (lower-case "list"/"write") is kept as aliases.
  { section: 'workspace', label: 'Read and List news items and newsfeeds', description: 'List and view all News items and Newsfeeds', aliases: ['Read and list news items and newsfeeds'] },
  { section: 'workspace', label: 'Read and Write news items and newsfeeds', description: 'Read, Update and Create news items and newsfeeds', aliases: ['Read and write news items and newsfeeds'] },
  { section: 'workspace', label: 'Read and List articles', description: 'List and view all articles' },
  { section: 'workspace', label: 'Read and Write Articles', description: 'Read, Update and Create articles' },
  { section: 'workspace', label: 'Create phone call redirects', description: 'Create phone call redirects' },
  { section: 'workspace', label: 'Read and write AI content', description: 'Create and update AI content' },
  { section: 'workspace', label: 'Read data connectors', description: 'Access data connectors, execution results and execution webhooks' },
  { section: 'workspace', label: 'Read and write data connectors', description: 'Configure data connectors and read execution results and execution webhooks' },
];

/** Every scope in Developer Hub order (section by section). */
export const SCOPES: readonly Scope[] = DATA.map((d, order) => ({ ...d, aliases: d.aliases ?? [], order }));

const key = (label: string): string => label.trim().replace(/\s+/g, ' ').toLowerCase();

const BY_NAME = new Map<string, Scope>();
for (const scope of SCOPES) {
  for (const name of [scope.label, ...scope.aliases]) BY_NAME.set(key(name), scope);
}

/** The scope a label or alias names, ignoring case and spacing; undefined when the Developer Hub has no such box. */
export function findScope(label: string): Scope | undefined {
  return BY_NAME.get(key(label));
}

/** Looks up a label this module itself defines; a typo there is a programming error. */
export function scope(label: string): Scope {
  const found = findScope(label);
  if (!found) throw new Error(`Not a Developer Hub scope: ${label}`);
  return found;
}

export function sectionOf(s: Scope): Section {
  return SECTIONS.find((section) => section.id === s.section)!;
}

/** Selected automatically for Canvas Kit apps and impossible to deselect (the guide says "Gather App data"). */
export const CANVAS_KIT_SCOPES: readonly Scope[] = [
  'Read and list users and companies',
  'Read conversations',
  'Read admins',
  'Gather App data',
].map(scope);

export interface Coverage {
  readonly broader: Scope;
  readonly narrower: Scope;
  /** Always inferred: Intercom documents no scope hierarchy; the descriptions are the only evidence. */
  readonly evidence: 'inferred';
  readonly why: string;
}

/** Only where the broader scope's description contains everything the narrower one's says. */
export const COVERAGE: readonly Coverage[] = [
  ['Read admins', 'Read one admin', '"List and view all admins" includes viewing a single admin'],
  ['Read admin activity logs', 'Read admins', '"List and view all admins and their activity" includes "List and view all admins"'],
  ['Read and list users and companies', 'Read one user and one company', '"List and view all … users, companies" includes a single user and company'],
  ['Read and list users and companies', 'Read tags', '"List and view all segments, users, companies, and tags" includes "List all tags"'],
  ['Read and Write Articles', 'Read and List articles', '"Read, Update and Create articles" includes reading them'],
  ['Read and Write news items and newsfeeds', 'Read and List news items and newsfeeds', '"Read, Update and Create news items and newsfeeds" includes reading them'],
  ['Read and write data connectors', 'Read data connectors', '"Configure data connectors and read execution results and execution webhooks" includes reading them'],
].map(([broader, narrower, why]) => ({ broader: scope(broader), narrower: scope(narrower), evidence: 'inferred' as const, why }));

function closure(broader: Scope): ReadonlySet<Scope> {
  const found = new Set<Scope>();
  const visit = (s: Scope): void => {
    for (const c of COVERAGE) {
      if (c.broader === s && !found.has(c.narrower)) {
        found.add(c.narrower);
        visit(c.narrower);
      }
    }
  };
  visit(broader);
  return found;
}

const COVERED = new Map(SCOPES.map((s) => [s, closure(s)]));

/** Scopes `broader` covers, directly or through another covered scope. */
export function coveredBy(broader: Scope): ReadonlySet<Scope> {
  return COVERED.get(broader) ?? new Set();
}

export function covers(broader: Scope, narrower: Scope): boolean {
  return coveredBy(broader).has(narrower);
}
