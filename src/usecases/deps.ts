/**
 * What the CLI needs from the outside world, injected so tests run the real
 * program in-process. Only `src/bin.ts` builds the real one from `process`.
 */
import type { ApiClient } from '../api/api-client.js';
import type { ApiClientOptions } from '../api/client-options.js';

export interface CliDeps {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly stdinIsTTY: boolean;
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
  /** Asks a yes/no question on the terminal. */
  readonly confirm: (question: string) => Promise<boolean>;
  /**
   * Calls `handler` on Ctrl+C (SIGINT) until the returned function is
   * called. Absent: Ctrl+C keeps its default effect (the process ends).
   */
  readonly onInterrupt?: (handler: () => void) => () => void;
  /**
   * Milliseconds from any fixed origin, for progress lines. Absent:
   * `performance.now()`. Tests inject one to make "this took long" certain.
   */
  readonly now?: () => number;
  /** Builds the API client; tests may inject one. */
  readonly makeClient: (options: ApiClientOptions) => ApiClient;
}
