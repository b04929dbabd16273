/**
 * The progress line of a configuration load, on stderr only (stdout stays the
 * result, e.g. parseable JSON). Nothing is shown when the load is quick or
 * small: only once reading has taken `PROGRESS_AFTER_MS`, and only for at
 * least `PROGRESS_MIN_FILES` files (a handful of files read slowly means a
 * busy machine, not a large estate, and a line per run would be noise). On a terminal the line counts
 * the files as they are read, rewritten in place; elsewhere (a CI log) it is
 * one line when it starts and one when it ends, so the log says where the
 * time went without a line per file. `--quiet` shows none of it.
 */
import type { LoadProgress } from '../config/load-progress.js';
import type { CliDeps } from './deps.js';

/** How long a load runs before its progress is shown. */
export const PROGRESS_AFTER_MS = 1_000;

/** The fewest files whose load shows progress. */
export const PROGRESS_MIN_FILES = 100;

/** How often, at most, the live line of a terminal is rewritten. */
const REDRAW_EVERY_MS = 100;

/** Carriage return + erase line: rewrites the live line of a terminal. */
const REWRITE_LINE = '\r\u001b[2K';

export interface ConfigProgress {
  readonly progress: LoadProgress;
  /** Ends the line (when one was shown); call once the load is over, also when it failed. */
  readonly finish: () => void;
}

const number = (n: number): string => n.toLocaleString('en-US');
const files = (n: number): string => `${number(n)} configuration file${n === 1 ? '' : 's'}`;

export function configProgress(deps: CliDeps, quiet: boolean): ConfigProgress {
  const now = deps.now ?? (() => performance.now());
  const live = deps.stderrIsTTY;
  const started = now();
  let total = 0;
  let read = 0;
  let shown = false;
  let drawnAt = 0;
  const progress: LoadProgress = {
    filesFound: (count) => {
      total += count;
    },
    fileRead: () => {
      read++;
      if (quiet) return;
      const at = now();
      if (!shown) {
        if (total < PROGRESS_MIN_FILES || at - started < PROGRESS_AFTER_MS) return;
        shown = true;
        drawnAt = at;
        deps.stderr(live ? `Reading ${files(total)}… ${number(read)}` : `Reading ${files(total)}…\n`);
        return;
      }
      if (live && (at - drawnAt >= REDRAW_EVERY_MS || read === total)) {
        drawnAt = at;
        deps.stderr(`${REWRITE_LINE}Reading ${files(total)}… ${number(read)}`);
      }
    },
  };
  return {
    progress,
    finish: () => {
      if (!shown) return;
      shown = false;
      const seconds = ((now() - started) / 1000).toFixed(1);
      deps.stderr(`${live ? REWRITE_LINE : ''}Read ${files(read)} in ${seconds} s.\n`);
    },
  };
}

/** Runs `load` with a progress line (see `configProgress`), ended however the load ends. */
export async function withConfigProgress<T>(
  deps: CliDeps,
  quiet: boolean,
  load: (progress: LoadProgress) => Promise<T>,
): Promise<T> {
  const reporter = configProgress(deps, quiet);
  try {
    return await load(reporter.progress);
  } finally {
    reporter.finish();
  }
}
