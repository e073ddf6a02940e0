// The API version the code pins: an `Intercom-Version` header in the five languages' usual forms (an
// object, dict, hash or array entry; a header set by a call; a raw `Name: value` header line). A header
// set from a variable or a setting pins a version this look cannot read: it is kept as written, so no
// version the catalog has is assumed for the calls it covers.

import { countBefore } from '../scopes/sorted';

/** `'Intercom-Version': '2.11'`, `"Intercom-Version" => 2.3`, `.Set("Intercom-Version", v)`, `["Intercom-Version"] = "2.11"`. */
const ENTRY = /(['"])intercom-version\1\s*(?::|=>|,|\]\s*=(?!=))\s*([^,;})\]\n]{1,60})/gi;
/** `'Intercom-Version: 2.11'` inside a header list or a curl command. */
const HEADER_LINE = /intercom-version:[ \t]*(\d+\.\d+|preview|unstable)\b/gi;
const LITERAL = /^(['"])([^'"\n]{1,20})\1$|^(\d+\.\d+)$/;

export interface PinnedVersion {
  /** As the catalog names versions, or the expression the code sets the header to. */
  readonly version: string;
  /** Where the header is. */
  readonly offset: number;
}

/** As the catalog names versions: Intercom renamed "Unstable" to "Preview". */
function versionName(raw: string): string {
  const value = raw.trim();
  return /^(?:preview|unstable)$/i.test(value) ? 'Preview' : value;
}

function entryVersion(value: string): string {
  const literal = LITERAL.exec(value.trim());
  return literal ? versionName(literal[2] ?? literal[3]) : value.trim();
}

/** Every Intercom-Version header in the (comment-free) code, in order. */
export function pinnedVersions(code: string): PinnedVersion[] {
  if (!/intercom-version/i.test(code)) return [];
  const found = [
    ...[...code.matchAll(ENTRY)].map((m) => ({ version: entryVersion(m[2]), offset: m.index })),
    ...[...code.matchAll(HEADER_LINE)].map((m) => ({ version: versionName(m[1]), offset: m.index })),
  ];
  return found.sort((a, b) => a.offset - b.offset);
}

/** A call: where it starts, and up to where a header is its own (its options, written after the URL). */
export interface CallSpan {
  readonly start: number;
  readonly ownUntil: number;
}

/**
 * The version each call is pinned to: its own header, else the last header before it that no call owns
 * (a shared headers object), else the first such header after it. `pins` in order, as pinnedVersions gives them.
 */
export function pinsOfCalls(pins: readonly PinnedVersion[], calls: readonly CallSpan[]): (PinnedVersion | undefined)[] {
  // Both searches are binary: a file with a header beside each of its calls would make a scan per call quadratic.
  const own = calls.map((c) => {
    const p = pins[firstFrom(pins, c.start)];
    return p && p.offset < c.ownUntil ? p : undefined;
  });
  const owned = new Set(own);
  const shared = pins.filter((p) => !owned.has(p));
  return calls.map((c, i) => {
    if (own[i]) return own[i];
    const next = firstFrom(shared, c.start);
    return next > 0 ? shared[next - 1] : shared[0];
  });
}

/** The index of the first pin (they are in order) at or after `offset`; their count when none is. */
const firstFrom = (pins: readonly PinnedVersion[], offset: number): number => countBefore(pins, (p) => p.offset < offset);
