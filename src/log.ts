// The logging surface the pure modules need. VS Code's LogOutputChannel satisfies it, so the
// same code logs to the "Intercom" channel in the editor and to a collector in unit tests.
export interface Log {
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string | Error): void;
}
