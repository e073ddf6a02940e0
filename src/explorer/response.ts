// The text of a response tab: a JSONC document whose comment lines give the status, duration, request id,
// what to do next after an error, and rate-limit headers, followed by the pretty-printed body.
import type { ApiAnswer, ApiCall } from '../api/call';
import { callTarget } from './call';

const HEADER_NAMES: Record<string, string> = { 'x-request-id': 'X-Request-Id' };
const headerName = (name: string) => HEADER_NAMES[name] ?? name.replace(/^x-ratelimit-/, 'X-RateLimit-').replace(/-(\w)/g, (m) => m.toUpperCase());

/** `nextStep`: for an unsuccessful answer, what to do about it, shown above the body. */
export function renderResponse(call: ApiCall, answer: ApiAnswer, context: { workspace: string; version: string; nextStep?: string }): string {
  const lines = [
    `// ${call.method} ${callTarget(call)} → ${answer.status} in ${answer.durationMs} ms`,
    `// Workspace: ${context.workspace} · Intercom-Version: ${context.version}`,
    `// Request id: ${answer.headers['x-request-id'] ?? '(none)'}`,
  ];
  if (context.nextStep) lines.push(...context.nextStep.split(/\r?\n/).map((line, i) => `// ${i === 0 ? 'Next step: ' : ''}${line}`));
  const limits = Object.entries(answer.headers).filter(([name]) => /^x-ratelimit-/i.test(name)).sort(([a], [b]) => a.localeCompare(b));
  if (limits.length > 0) lines.push(`// ${limits.map(([name, value]) => `${headerName(name)}: ${value}`).join(' · ')}`);
  const body = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body, null, 2) ?? '';
  return `${lines.join('\n')}\n${body}\n`;
}
