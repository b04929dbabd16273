/** Command-line options of `npm run bench -- …`. */
import { isScenarioId, SCENARIO_IDS, type ScenarioId } from './scenarios.js';

export interface BenchArgs {
  readonly sizes: readonly number[];
  readonly scenarios: readonly ScenarioId[];
  readonly rps: number;
  readonly maxRps: number;
  readonly latencyMs: number;
  readonly ceCreateDelayMs: number;
  readonly applyConcurrency: number;
  readonly out: string;
  readonly inProcess: boolean;
  readonly keepTemp: boolean;
  readonly fresh: boolean;
  readonly timeoutMs: number;
  readonly help: boolean;
  /** --cpu-prof DIR: a V8 CPU profile of each tool process. */
  readonly cpuProfDir?: string;
  /** Why the defaults were narrowed (the `--rps` below the default alone). */
  readonly note?: string;
}

export const DEFAULT_RPS = 200;
export const DEFAULT_SIZES = [30, 300] as const;

export const USAGE = `npm run bench -- [options]
  --size N[,N…]        workspaces (repeatable; default 30,300)
  --rps R              emulator rate limit, requests/s (default 200)
  --max-rps M          the tool's --max-rps (default: R)
  --latency MS         emulator latency per request (default 20)
  --ce-delay MS        emulator compute-environment creation delay (default 100)
  --concurrency C      the tool's --concurrency for applies (default 16)
  --scenario S[,S…]    ${SCENARIO_IDS.join(', ')} (default all)
  --out FILE           results JSON (default bench-results.json; merged with its earlier rows)
  --fresh              do not merge with the earlier rows of --out
  --in-process         run the tool in the benchmark's process (RSS not isolated)
  --keep-temp          keep the generated estate and the tool's output
  --timeout S          per tool run (default 1800)
  --cpu-prof DIR       write a V8 CPU profile of each tool process into DIR
--rps below 200 without --size/--scenario measures plan-noop at N=300 only (the target's figure).`;

export class BenchUsageError extends Error {
  override name = 'BenchUsageError';
}

function number(flag: string, raw: string | undefined, min: number, integer: boolean): number {
  const value = Number(raw);
  if (
    raw === undefined ||
    raw.trim() === '' ||
    !Number.isFinite(value) ||
    value < min ||
    (integer && !Number.isInteger(value))
  ) {
    throw new BenchUsageError(
      `${flag} takes a ${integer ? 'whole ' : ''}number >= ${min}, got '${raw ?? ''}'`,
    );
  }
  return value;
}

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const sizes: number[] = [];
  const scenarios: ScenarioId[] = [];
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const valued = new Set([
    '--size',
    '--rps',
    '--max-rps',
    '--latency',
    '--ce-delay',
    '--concurrency',
    '--scenario',
    '--out',
    '--timeout',
    '--cpu-prof',
  ]);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [name, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    if (valued.has(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new BenchUsageError(`${name} needs a value`);
      if (name === '--size') {
        for (const part of value.split(',')) sizes.push(number('--size', part, 1, true));
      } else if (name === '--scenario') {
        for (const part of value.split(',')) {
          if (!isScenarioId(part))
            throw new BenchUsageError(`--scenario takes ${SCENARIO_IDS.join(', ')}; got '${part}'`);
          scenarios.push(part);
        }
      } else {
        values.set(name, value);
      }
    } else if (['--in-process', '--keep-temp', '--fresh', '--help', '-h'].includes(name)) {
      flags.add(name);
    } else {
      throw new BenchUsageError(`unknown option '${arg}'`);
    }
  }
  const rpsRaw = values.get('--rps');
  const rps = rpsRaw === undefined ? DEFAULT_RPS : number('--rps', rpsRaw, 0.1, false);
  const maxRpsRaw = values.get('--max-rps');
  const maxRps = maxRpsRaw === undefined ? rps : number('--max-rps', maxRpsRaw, 0.1, false);
  const narrowed = rps < DEFAULT_RPS && sizes.length === 0 && scenarios.length === 0;
  const latency = values.get('--latency');
  const ceDelay = values.get('--ce-delay');
  const concurrency = values.get('--concurrency');
  const timeout = values.get('--timeout');
  const cpuProfDir = values.get('--cpu-prof');
  return {
    sizes: sizes.length > 0 ? [...new Set(sizes)] : narrowed ? [300] : [...DEFAULT_SIZES],
    scenarios: scenarios.length > 0 ? [...new Set(scenarios)] : narrowed ? ['plan-noop'] : [...SCENARIO_IDS],
    rps,
    maxRps,
    latencyMs: latency === undefined ? 20 : number('--latency', latency, 0, false),
    ceCreateDelayMs: ceDelay === undefined ? 100 : number('--ce-delay', ceDelay, 0, false),
    applyConcurrency: concurrency === undefined ? 16 : number('--concurrency', concurrency, 1, true),
    out: values.get('--out') ?? 'bench-results.json',
    inProcess: flags.has('--in-process'),
    keepTemp: flags.has('--keep-temp'),
    fresh: flags.has('--fresh'),
    timeoutMs: (timeout === undefined ? 1800 : number('--timeout', timeout, 1, false)) * 1000,
    help: flags.has('--help') || flags.has('-h'),
    ...(cpuProfDir === undefined ? {} : { cpuProfDir }),
    ...(narrowed
      ? { note: `--rps ${rps} alone: measuring plan-noop at N=300 (add --size/--scenario for more)` }
      : {}),
  };
}
