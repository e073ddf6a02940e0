// The logging surface the pure modules need. VS Code's LogOutputChannel satisfies it, so the
// same code logs to the "Intercom" channel in the editor and to a collector in unit tests.
export interface Log {
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string | Error): void;
}

/**
 * The log behind the redaction step: the only Log the extension hands out. `sink` is asked for on each
 * line, so the output channel can be created by the first line instead of at activation.
 */
export function redactedLog(sink: () => Log, redact: (text: string) => string): Log {
  return {
    trace: (message) => sink().trace(redact(message)),
    debug: (message) => sink().debug(redact(message)),
    info: (message) => sink().info(redact(message)),
    warn: (message) => sink().warn(redact(message)),
    // An Error is logged with its stack, which repeats its message.
    error: (message) => sink().error(redact(message instanceof Error ? (message.stack ?? message.message) : message)),
  };
}
