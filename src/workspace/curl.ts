// A ready-to-run curl for GET /me that reads the token from an environment variable, so the
// token itself never lands on the clipboard or in shell history.
export const TOKEN_ENV_VAR = 'INTERCOM_ACCESS_TOKEN';

export function curlForMe(apiBase: string, apiVersion: string): string {
  const url = new URL('/me', apiBase).toString();
  return [
    `curl --request GET --url '${url}'`,
    `--header 'Accept: application/json'`,
    `--header 'Intercom-Version: ${apiVersion.replace(/'/g, '')}'`,
    `--header "Authorization: Bearer $${TOKEN_ENV_VAR}"`,
  ].join(' \\\n  ');
}
