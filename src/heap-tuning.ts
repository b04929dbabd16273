/**
 * How eagerly V8 collects garbage in a CLI run. By default V8 lets the heap
 * grow to up to four times what survived the last full collection before it
 * collects again: it trades memory for a little CPU, and a run over a large
 * estate (many small, short-lived objects per request and per parsed file)
 * peaks at two to three times its live data. Measured by `npm run bench`,
 * apply from an empty org at N = 1,000 (about 100 MB live at the end): peak
 * RSS 383 MB by default, 257 MB with 50 %, 250 MB with 30 %, 242 MB with
 * 20 %, for the same CPU time (127-132 s): the extra full collections take
 * milliseconds each.
 *
 * V8 reads this flag at every full collection, so setting it at start-up
 * (before any large allocation) takes effect for the whole run.
 */
import { setFlagsFromString } from 'node:v8';

/** The heap may grow to (1 + this / 100) × the live data before a full collection. */
export const HEAP_GROWING_PERCENT = 20;

/** Called first by the CLI's entry (and by the benchmark's tool process, which runs the CLI the same way). */
export function tuneHeap(): void {
  setFlagsFromString(`--heap-growing-percent=${String(HEAP_GROWING_PERCENT)}`);
}
