// Why a Connect did not produce a session (besides Intercom's own HTTP errors, see api/errors.ts).
export type ConnectFailure =
  | 'cancelled'
  | 'timedOut'
  | 'denied' // the person declined consent (error=access_denied) or Intercom sent another OAuth error
  | 'badCallback' // the callback carried no readable answer
  | 'unverifiedEmail' // /me says the admin's email is not verified (impersonation guard)
  | 'notConfigured'; // client id, secret or redirect URL still missing

export class ConnectError extends Error {
  constructor(readonly failure: ConnectFailure, readonly detail?: string) {
    super(detail ? `${failure}: ${detail}` : failure);
    this.name = 'ConnectError';
  }
}
