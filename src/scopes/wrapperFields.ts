// A wrapper imported from a module that talks to Intercom, kept in a field of the object that makes it
// (`this.request = new IntercomRequest(token)`, `self.desk = DeskApi(token)`, `$this->desk = new Desk($key)`): calls
// through the field (`this.request.get('tags')`) are the wrapper's. Ruby's requires name nothing to look for.
import { escapeRegExp } from './source';

export interface FieldUse {
  readonly at: number;
  readonly end: number;
}

const OWN_FIELD = String.raw`(?:this\.|self\.|\$this->)`;

/** Where the fields assigned one of `imported` (constructed or called) are used. */
export function wrapperFieldUses(text: string, imported: ReadonlySet<string>): FieldUse[] {
  if (imported.size === 0) return [];
  const made = new RegExp(`${OWN_FIELD}([A-Za-z_]\\w*)\\s*=\\s*(?:new\\s+)?(?:${[...imported].map(escapeRegExp).join('|')})\\s*\\(`, 'g');
  const fields = new Set([...text.matchAll(made)].map((m) => m[1]));
  if (fields.size === 0) return [];
  const used = new RegExp(`${OWN_FIELD}(?:${[...fields].map(escapeRegExp).join('|')})(?![\\w$])`, 'g');
  return [...text.matchAll(used)].map((m) => ({ at: m.index, end: m.index + m[0].length }));
}
