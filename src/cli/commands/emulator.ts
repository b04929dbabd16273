/**
 * `seqera-sync emulator`: runs the local Seqera Platform emulator
 * (src/emulator) until SIGINT/SIGTERM, printing its endpoint and token and
 * the `export` line that points seqera-sync (and tw) at it.
 */
import path from 'node:path';
import type { Command } from 'commander';
import {
  FAULT_KINDS,
  loadSeedFile,
  startEmulator,
  type EmulatorOptions,
  type FaultKind,
} from '../../emulator/index.js';
import { ExitCode, UsageError } from '../../errors.js';
import type { CliDeps } from '../../usecases/deps.js';
import type { SetExit } from '../set-exit.js';

/** The command's flags, validated. */
export interface EmulatorFlags {
  readonly port: number;
  readonly seedFile?: string;
  readonly latencyMs: number;
  readonly rateLimit?: number;
  readonly faultRate: number;
  readonly faultSeed?: number;
  readonly faultKinds?: readonly FaultKind[];
}

interface RawFlags {
  port?: string;
  seed?: string;
  latency?: string;
  rateLimit?: string;
  faultRate?: string;
  faultSeed?: string;
  faultKinds?: string;
}

function wholeNumber(flag: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || value < min || value > max) {
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, got '${raw}'`);
  }
  return value;
}

/** Validates the raw commander options (UsageError on a bad value). */
export function parseEmulatorFlags(raw: RawFlags): EmulatorFlags {
  const faultRate = raw.faultRate === undefined ? 0 : Number(raw.faultRate);
  if (raw.faultRate !== undefined && (raw.faultRate.trim() === '' || !(faultRate >= 0 && faultRate <= 1))) {
    throw new UsageError(`--fault-rate must be a probability from 0 to 1, got '${raw.faultRate}'`);
  }
  const rateLimit = raw.rateLimit === undefined ? undefined : Number(raw.rateLimit);
  if (rateLimit !== undefined && !(Number.isFinite(rateLimit) && rateLimit > 0)) {
    throw new UsageError(
      `--rate-limit must be a positive number of requests per second, got '${raw.rateLimit ?? ''}'`,
    );
  }
  const faultKinds = raw.faultKinds?.split(',').map((k) => k.trim());
  const unknownKind = faultKinds?.find((k) => !(FAULT_KINDS as readonly string[]).includes(k));
  if (unknownKind !== undefined) {
    throw new UsageError(
      `--fault-kinds takes a comma list of ${FAULT_KINDS.join(', ')}; got '${unknownKind}'`,
    );
  }
  const faultSeed = wholeNumber('--fault-seed', raw.faultSeed, 0, 2 ** 32 - 1);
  return {
    port: wholeNumber('--port', raw.port, 0, 65535) ?? 0,
    latencyMs: wholeNumber('--latency', raw.latency, 0, 600_000) ?? 0,
    faultRate,
    ...(raw.seed === undefined ? {} : { seedFile: raw.seed }),
    ...(rateLimit === undefined ? {} : { rateLimit }),
    ...(faultSeed === undefined ? {} : { faultSeed }),
    ...(faultKinds === undefined ? {} : { faultKinds: faultKinds.filter((k): k is FaultKind => k !== '') }),
  };
}

/** A usage error for a port already in use (another emulator, a web server…); undefined for anything else. */
function portTaken(error: unknown, port: number): UsageError | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EADDRINUSE') {
    return new UsageError(
      `port ${String(port)} on 127.0.0.1 is already in use: pick another with --port N, or --port 0 for any free port`,
    );
  }
  if (code === 'EACCES') {
    return new UsageError(
      `port ${String(port)} on 127.0.0.1 needs privileges: pick a port above 1023 with --port N, or --port 0 for any free port`,
    );
  }
  return undefined;
}

/**
 * Starts the emulator, prints where it listens, and keeps it running until
 * `stop` settles; then stops it. Resolves once the emulator is stopped.
 */
export async function runEmulator(
  flags: EmulatorFlags,
  deps: CliDeps,
  stop: Promise<unknown>,
): Promise<void> {
  const seedPath = flags.seedFile === undefined ? undefined : path.resolve(deps.cwd, flags.seedFile);
  const options: EmulatorOptions = {
    port: flags.port,
    latencyMs: flags.latencyMs,
    faultRate: flags.faultRate,
    ...(seedPath === undefined ? {} : { seed: await loadSeedFile(seedPath) }),
    ...(flags.rateLimit === undefined ? {} : { rateLimit: flags.rateLimit }),
    ...(flags.faultSeed === undefined ? {} : { faultSeed: flags.faultSeed }),
    ...(flags.faultKinds === undefined ? {} : { faultKinds: flags.faultKinds }),
  };
  const emulator = await startEmulator(options).catch((error: unknown) => {
    throw portTaken(error, flags.port) ?? error;
  });
  const knobs = [
    flags.latencyMs > 0 ? `latency ${flags.latencyMs} ms` : undefined,
    flags.rateLimit === undefined ? undefined : `rate limit ${flags.rateLimit}/s`,
    flags.faultRate > 0 ? `fault rate ${flags.faultRate} (seed ${flags.faultSeed ?? 1})` : undefined,
  ].filter((k) => k !== undefined);
  deps.stdout(
    [
      `Seqera Platform emulator running (${seedPath === undefined ? 'empty platform' : `seed ${seedPath}`})${
        knobs.length > 0 ? `, ${knobs.join(', ')}` : ''
      }`,
      `endpoint: ${emulator.endpoint}`,
      `token: ${emulator.token}`,
      `export TOWER_API_ENDPOINT=${emulator.endpoint} TOWER_ACCESS_TOKEN=${emulator.token}`,
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  try {
    await stop;
  } finally {
    await emulator.stop();
    deps.stderr('emulator stopped\n');
  }
}

/** Resolves on the first SIGINT or SIGTERM (the long-running command's only contact with the process). */
function untilShutdownSignal(): Promise<string> {
  return new Promise((resolve) => {
    const onSignal = (signal: string): void => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

export function registerEmulatorCommand(program: Command, deps: CliDeps, setExit: SetExit): Command {
  return program
    .command('emulator')
    .description('run the local Seqera Platform emulator (prints its endpoint and token; Ctrl+C stops it)')
    .option('--port <n>', 'port on 127.0.0.1 (default: 0 = a free port)')
    .option('--seed <file>', 'YAML seed with the initial platform state (users, orgs, workspaces...)')
    .option('--latency <ms>', 'milliseconds added to every response')
    .option('--rate-limit <n>', 'requests per second per token; above it 429 with Retry-After')
    .option('--fault-rate <p>', 'probability (0..1) of an injected fault per request')
    .option('--fault-seed <n>', 'seed of the fault sequence (default 1): same seed, same faults')
    .option('--fault-kinds <list>', `comma list of fault kinds (default all: ${FAULT_KINDS.join(',')})`)
    .action(async (raw: RawFlags) => {
      await runEmulator(parseEmulatorFlags(raw), deps, untilShutdownSignal());
      setExit(ExitCode.Ok);
    });
}
