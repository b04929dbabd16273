/**
 * The global options a use case runs with, as the CLI parsed and validated
 * them (`src/cli/global-options.ts` declares the flags and reads them into
 * this value).
 */

export type OutputFormat = 'text' | 'markdown' | 'json';

export interface GlobalOptions {
  readonly configDir: string;
  readonly endpoint: string;
  /** `org/name` filters; empty = everything. */
  readonly workspaces: readonly string[];
  readonly format: string | undefined;
  readonly maxRps: number;
  readonly concurrency: number;
  readonly waitTimeoutSeconds: number;
  /** Largest API response body read, in bytes. */
  readonly maxResponseBytes: number;
  readonly color: boolean;
  readonly verbose: boolean;
  readonly quiet: boolean;
}
