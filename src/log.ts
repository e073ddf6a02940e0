// The logging surface the pure modules need. VS Code's LogOutputChannel satisfies it, so the
// same code logs to the "Intercom" channel in the editor and to a collector in unit tests.
export interface Log {
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string | Error): void;
}

/** `log` behind the redaction step: the only Log the extension hands out. */
export function redactedLog(log: Log, redact: (text: string) => string): Log {
  return {
    trace: (message) => log.trace(redact(message)),
    debug: (message) => log.debug(redact(message)),
    info: (message) => log.info(redact(message)),
    warn: (message) => log.warn(redact(message)),
    // An Error is logged with its stack, which repeats its message.
    error: (message) => log.error(redact(message instanceof Error ? (message.stack ?? message.message) : message)),
  };
}
