// Where the server kit reports what went wrong without failing a request (a store that did not
// answer, a sweep that stopped, an unexpected error behind a 500): `options.logger`, by default
// the console. Each call is one event: a message and, apart, what it is about.

export interface Logger {
  error(message: string, details?: unknown): void;
  warn(message: string, details?: unknown): void;
  info(message: string, details?: unknown): void;
}

const write =
  (print: (...args: unknown[]) => void) =>
  (message: string, details?: unknown): void => {
    if (details === undefined) print(`[mediabay] ${message}`);
    else print(`[mediabay] ${message}`, details);
  };

/** `[mediabay] message` and the details on the console (stderr for errors and warnings). */
export const consoleLogger: Logger = {
  error: write((...args) => console.error(...args)),
  warn: write((...args) => console.warn(...args)),
  info: write((...args) => console.log(...args)),
};
