// Sample workspaces/admins for the fake. Each call returns a fresh copy, so a test can tweak it freely.
import type { Loose, MeBody, ProfilePatch, WorkspaceProfile } from './types';

function usMe(): Loose<MeBody> {
  return {
    type: 'admin',
    id: '2633609',
    email: 'hermione.granger@awesomecorp.io',
    name: 'Hermione Granger',
    email_verified: true,
    app: {
      type: 'app',
      id_code: 'drzzt019',
      name: 'Hogwarts workspace',
      created_at: 1661876617,
      secure: true,
      identity_verification: true,
      timezone: 'Europe/Edinburgh',
      region: 'US',
    },
    avatar: { type: 'avatar', image_url: '/avatars/2633609.png' },
    has_inbox_seat: true,
    job_title: 'Head of Support',
    away_mode_enabled: false,
    away_mode_reassign: false,
    team_ids: [814865],
  };
}

function europeMe(): Loose<MeBody> {
  return {
    type: 'admin',
    id: '5017731',
    email: 'ines.moreau@brasserie-nord.eu',
    name: 'Inès Moreau',
    email_verified: true,
    app: {
      type: 'app',
      id_code: 'eu4k9qz2',
      name: 'Brasserie Nord',
      created_at: 1690451200,
      secure: false,
      identity_verification: false,
      timezone: 'Europe/Paris',
      region: 'Europe',
    },
    avatar: { type: 'avatar', image_url: '/avatars/5017731.png' },
    has_inbox_seat: true,
    job_title: null,
    away_mode_enabled: true,
    away_mode_reassign: true,
    team_ids: [],
  };
}

function auMe(): Loose<MeBody> {
  return {
    type: 'admin',
    id: '7340022',
    email: 'jack.nguyen@wattle.com.au',
    name: 'Jack Nguyen',
    email_verified: true,
    app: {
      type: 'app',
      id_code: 'au7wtl03',
      name: 'Wattle Co',
      created_at: 1701907200,
      secure: true,
      identity_verification: false,
      timezone: 'Australia/Sydney',
      region: 'AU',
    },
    avatar: { type: 'avatar', image_url: null },
    has_inbox_seat: false,
    job_title: 'Developer',
    away_mode_enabled: false,
    away_mode_reassign: false,
    team_ids: [901, 902],
  };
}

/** US workspace "Hogwarts workspace" (the /me example from Intercom's OAuth guide), all scopes. */
export function usWorkspace(patch?: ProfilePatch): WorkspaceProfile {
  return applyPatch({ me: usMe() }, patch);
}

/** EU workspace (app.region "Europe", as Intercom spells it), all scopes. */
export function europeWorkspace(patch?: ProfilePatch): WorkspaceProfile {
  return applyPatch({ me: europeMe() }, patch);
}

/** AU workspace (app.region "AU"), avatar.image_url null, no inbox seat, all scopes. */
export function auWorkspace(patch?: ProfilePatch): WorkspaceProfile {
  return applyPatch({ me: auMe() }, patch);
}

export function cloneProfile(profile: WorkspaceProfile): WorkspaceProfile {
  return structuredClone(profile);
}

/** Returns a patched deep copy: objects merge, null sets null, an own key with value undefined removes the field. */
export function applyPatch(profile: WorkspaceProfile, patch?: ProfilePatch): WorkspaceProfile {
  const out = cloneProfile(profile);
  if (!patch) return out;
  if (patch.me) out.me = mergeDeep(out.me as Record<string, unknown>, patch.me as Record<string, unknown>) as Loose<MeBody>;
  if ('scopes' in patch) {
    if (patch.scopes === undefined) delete out.scopes;
    else out.scopes = [...patch.scopes];
  }
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function mergeDeep(base: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete out[key];
    else if (isPlainObject(value) && isPlainObject(out[key])) out[key] = mergeDeep(out[key] as Record<string, unknown>, value);
    else out[key] = structuredClone(value);
  }
  return out;
}
