/**
 * Public shapes of the applier: its options, progress events and report.
 * The report is what the CLI renders and CI uploads; it never holds a secret
 * value (errors are built from names, statuses and the platform's messages).
 */
import type { Variables } from '../secrets/variables.js';
import type { ActionType } from '../model/plan.js';
import type { ResourceKind } from '../model/resources.js';

export interface ApplyOptions {
  /** Every workspace's variables (`SEQERA_SYNC_VARS` or `--vars-file`); an action reads only its own workspace's. */
  readonly variables: Variables;
  /** Workspaces applied at once (default 4). */
  readonly concurrency?: number;
  /** Bound on each compute-environment wait (creation, deletion), in ms. */
  readonly waitTimeoutMs: number;
  /** Interval between status polls while waiting, in ms (default 5000). */
  readonly pollIntervalMs?: number;
  /** Progress (started / finished / failed / skipped / pending / waiting), per action. */
  readonly onEvent?: (event: ApplyEvent) => void;
  /**
   * Aborted on Ctrl+C: no further action starts (each is reported skipped,
   * "interrupted"), and a compute-environment wait in progress stops.
   */
  readonly signal?: AbortSignal;
  /** Injected for tests; defaults to a timer. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Injected for tests; defaults to `Date.now`. */
  readonly now?: () => number;
}

/** Identity of one executed plan action. */
export interface ActionResult {
  readonly address: string;
  readonly kind: ResourceKind;
  readonly type: ActionType;
  readonly org: string;
  readonly workspace?: string;
  readonly name: string;
  /** Extra facts worth telling ("adopted the existing object after a 409", ...). */
  readonly notes?: readonly string[];
}

export interface FailedAction extends ActionResult {
  /** What went wrong, with the platform's message when it sent one. */
  readonly error: string;
}

export interface SkippedAction extends ActionResult {
  /** Which failed (or pending) action made this one impossible. */
  readonly because: string;
}

/** A person the platform could not add yet: no account (never signed in). A warning, not a failure. */
export interface PendingPerson {
  readonly address: string;
  readonly email: string;
  readonly message: string;
}

export interface ApplyReport {
  /** In plan order. */
  readonly applied: readonly ActionResult[];
  readonly failed: readonly FailedAction[];
  readonly skipped: readonly SkippedAction[];
  readonly pending: readonly PendingPerson[];
  readonly warnings: readonly string[];
  /** Requests this apply sent (every attempt), and how many of them were writes. */
  readonly requests: { readonly total: number; readonly writes: number };
}

export type ApplyEventType = 'started' | 'finished' | 'failed' | 'skipped' | 'pending' | 'waiting';

export interface ApplyEvent {
  readonly type: ApplyEventType;
  readonly address: string;
  readonly kind: ResourceKind;
  readonly action: ActionType;
  /** Failure text, skip reason, pending message, or wait status ("CREATING, 20s"). */
  readonly message?: string;
}

/** Exit-code rule: failures make the run fail; pending people alone do not. */
export function applySucceeded(report: Pick<ApplyReport, 'failed'>): boolean {
  return report.failed.length === 0;
}
