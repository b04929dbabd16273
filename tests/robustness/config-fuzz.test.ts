/**
 * Config fuzzing: thousands of mutated workspace and
 * organisation files, made from the real estate and the config fixtures by a
 * seeded generator. Every case must either validate or yield diagnostics that
 * each have a file, a line ≥ 1, a column ≥ 1 and a message; nothing may
 * escape `loadDesiredState`; `seqera-sync validate` must exit 0 or 1 with no
 * stack trace and without building an API client.
 *
 * Default: 1,500 cases (plan-mode loading on every 3rd, the CLI on every
 * 4th); `npm run test:soak`: 20,000, every check on every case. Knobs:
 * SEQERA_SYNC_FUZZ_SEED, SEQERA_SYNC_FUZZ_CASES, SEQERA_SYNC_FUZZ_CASE (one
 * index, to reproduce a printed failure; its files are kept and printed),
 * SEQERA_SYNC_FUZZ_EXCLUDE (mutation names to leave out, to look past a known
 * bug). A run stops after 10 failing cases.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDesiredState } from '../../src/config/load-desired-state.js';
import type { Diagnostic } from '../../src/model/diagnostics.js';
import { runCli } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/openapi-spec.js';
import {
  mutateCorpus,
  mutationNames,
  type CorpusFile,
  type MutatedCase,
} from './support/config-mutations.js';
import { caseRng, onlyCaseFromEnv, SOAK, sizeFromEnv, type Rng } from './support/random.js';

const SEED = sizeFromEnv('SEQERA_SYNC_FUZZ_SEED', 20_240_801, 20_240_801);
const CASES = sizeFromEnv('SEQERA_SYNC_FUZZ_CASES', 1_500, 20_000);
const ONLY = onlyCaseFromEnv('SEQERA_SYNC_FUZZ_CASE');
/** Mutations left out (comma-separated names), to look past a known bug; the default leaves none out. */
const EXCLUDE = new Set((process.env.SEQERA_SYNC_FUZZ_EXCLUDE ?? '').split(',').filter((n) => n !== ''));
/** Bound on one case's loading (validate and plan mode), measured alone: a slow case is a finding (alias bombs, deep nesting). */
const CASE_TIME_LIMIT_MS = 5_000;
/** Cases in flight at once. */
const CONCURRENCY = 6;
/** Failing cases after which the run stops (a bug that fails many cases would make it slow). */
const MAX_FAILURES = 10;
/** By default plan-mode loading runs on every 3rd case and the CLI on every 4th; soak (and one case alone): every case. */
const EVERY_CASE = SOAK || ONLY !== undefined;
const PLAN_EVERY = 3;
const CLI_EVERY = 4;

/** An API client factory that fails the case if `validate` ever asks for one. */
const noClient = (): never => {
  throw new Error('validate built an API client');
};

/** Where cases are written: SEQERA_SYNC_FUZZ_TMP, else a RAM disk when there is one (thousands of small files), else the temp dir. */
function fuzzTempDir(): string {
  const chosen = process.env.SEQERA_SYNC_FUZZ_TMP;
  if (chosen !== undefined && chosen !== '') return chosen;
  return process.platform === 'linux' && existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
}

interface Corpus {
  readonly name: string;
  readonly files: readonly CorpusFile[];
  readonly weight: number;
}

async function readTree(root: string, below = ''): Promise<CorpusFile[]> {
  const out: CorpusFile[] = [];
  for (const entry of await readdir(path.join(root, below), { withFileTypes: true })) {
    const rel = below === '' ? entry.name : `${below}/${entry.name}`;
    if (entry.isDirectory()) out.push(...(await readTree(root, rel)));
    else if (entry.name.endsWith('.yaml'))
      out.push({ path: rel, content: await readFile(path.join(root, rel), 'utf8') });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}

async function loadCorpora(): Promise<Corpus[]> {
  const fixtures = path.join(REPO_ROOT, 'tests', 'fixtures', 'config');
  const invalid = (await readdir(path.join(fixtures, 'invalid'))).sort();
  return [
    { name: 'workspaces', files: await readTree(path.join(REPO_ROOT, 'workspaces')), weight: 40 },
    { name: 'valid/full', files: await readTree(path.join(fixtures, 'valid', 'full')), weight: 30 },
    ...(await Promise.all(
      invalid.map(async (name) => ({
        name: `invalid/${name}`,
        files: await readTree(path.join(fixtures, 'invalid', name)),
        weight: 30 / invalid.length,
      })),
    )),
  ];
}

function pickCorpus(corpora: readonly Corpus[], r: number): Corpus {
  const total = corpora.reduce((n, c) => n + c.weight, 0);
  let left = r * total;
  for (const corpus of corpora) {
    left -= corpus.weight;
    if (left < 0) return corpus;
  }
  return corpora[corpora.length - 1]!;
}

interface Case {
  readonly index: number;
  readonly corpus: string;
  readonly mutated: MutatedCase;
  readonly dir: string;
  /** Line count of each written file, by its display path (`case-N/<org>/<name>.yaml`). */
  readonly lines: ReadonlyMap<string, number>;
}

/**
 * The files a case starts from: a small corpus whole, or for a large one its
 * organisation file and one or two workspace files (cross-file rules still run).
 */
function baseFiles(corpus: Corpus, rng: Rng): CorpusFile[] {
  if (corpus.files.length <= 3) return [...corpus.files];
  const org = corpus.files.filter((f) => f.path.endsWith('/organization.yaml'));
  const workspaces = corpus.files.filter((f) => !f.path.endsWith('/organization.yaml'));
  const kept = rng.subset(workspaces).slice(0, 2);
  return [...org, ...(kept.length === 0 ? [rng.pick(workspaces)] : kept)];
}

/** Writes a case (synchronously: it is a handful of small files, and sync IO is much cheaper here). */
function writeCase(root: string, index: number, corpora: readonly Corpus[]): Case {
  const rng = caseRng(SEED, index);
  const corpus = pickCorpus(corpora, rng());
  const mutated = mutateCorpus(baseFiles(corpus, rng), rng, EXCLUDE);
  const name = `case-${String(index).padStart(6, '0')}`;
  const dir = path.join(root, name);
  const lines = new Map<string, number>();
  for (const file of mutated.files) {
    const target = path.join(dir, ...file.path.split('/'));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.content);
    const text = typeof file.content === 'string' ? file.content : Buffer.from(file.content).toString('utf8');
    // Every line break YAML knows (LF, CRLF, lone CR), so CR-only files count right.
    lines.set(`${name}/${file.path}`, text.split(/\r\n|\r|\n/).length);
  }
  return { index, corpus: corpus.name, mutated, dir, lines };
}

/** A diagnostic as found: from the loader, or parsed from the CLI's JSON (so nothing is taken for granted). */
type FoundDiagnostic = { readonly [K in keyof Diagnostic]?: unknown };

/** Problems with one diagnostic; [] when it is well formed. */
function diagnosticProblems(d: FoundDiagnostic, c: Case, where: string): string[] {
  const problems: string[] = [];
  const name = path.basename(c.dir);
  const file = typeof d.file === 'string' ? d.file : undefined;
  if (file === undefined || !(file === name || file.startsWith(`${name}/`)))
    problems.push(`${where}: file ${JSON.stringify(d.file)} is not in the config dir`);
  const line = typeof d.line === 'number' && Number.isInteger(d.line) ? d.line : undefined;
  if (line === undefined || line < 1) problems.push(`${where}: line ${JSON.stringify(d.line)} is not ≥ 1`);
  if (typeof d.column !== 'number' || !Number.isInteger(d.column) || d.column < 1)
    problems.push(`${where}: column ${JSON.stringify(d.column)} is not ≥ 1`);
  const lines = file === undefined ? undefined : c.lines.get(file);
  if (lines !== undefined && line !== undefined && line > lines + 1)
    problems.push(`${where}: line ${line} is past the end of ${String(file)} (${lines} lines)`);
  if (typeof d.message !== 'string' || d.message.trim() === '') problems.push(`${where}: empty message`);
  else if (/\n\s+at /.test(d.message)) problems.push(`${where}: stack trace in the message`);
  if (d.severity !== 'error' && d.severity !== 'warning')
    problems.push(`${where}: severity ${JSON.stringify(d.severity)}`);
  return problems;
}

interface Outcome {
  readonly valid: boolean;
  readonly diagnostics: number;
  readonly problems: readonly string[];
  readonly ms: number;
}

async function loadAndCheck(c: Case, mode: 'validate' | 'plan'): Promise<Outcome> {
  const started = performance.now();
  let loaded;
  try {
    loaded = await loadDesiredState(c.dir);
  } catch (err) {
    const text = err instanceof Error ? `${err.name}: ${err.message}\n${err.stack ?? ''}` : String(err);
    return {
      valid: false,
      diagnostics: 0,
      problems: [`${mode}: loadDesiredState threw ${text.slice(0, 2_000)}`],
      ms: 0,
    };
  }
  const ms = performance.now() - started;
  const diagnostics = loaded.ok ? loaded.warnings : loaded.diagnostics;
  const problems = diagnostics.flatMap((d, i) => diagnosticProblems(d, c, `${mode} diagnostic ${i}`));
  if (!loaded.ok && !diagnostics.some((d) => d.severity === 'error'))
    problems.push(`${mode}: invalid with no error diagnostic`);
  if (loaded.ok && diagnostics.some((d) => d.severity === 'error'))
    problems.push(`${mode}: valid with an error diagnostic`);
  return { valid: loaded.ok, diagnostics: diagnostics.length, problems, ms };
}

const FORMATS = ['text', 'github', 'json'] as const;

async function cliCheck(c: Case, expectValid: boolean): Promise<string[]> {
  const format = FORMATS[Math.floor(c.index / CLI_EVERY) % FORMATS.length]!;
  // Run from the cases' folder: file paths are printed relative to the working
  // directory, so they read `case-…/org/file.yaml` like the loader's.
  const result = await runCli(['validate', '--config-dir', c.dir, '--format', format], {
    cwd: path.dirname(c.dir),
    env: { FUZZ_SET: 'fuzz-value' },
    makeClient: noClient,
  });
  const output = result.stdout + result.stderr;
  const problems: string[] = [];
  if (result.code !== (expectValid ? 0 : 1))
    problems.push(`cli: exit ${result.code}, expected ${expectValid ? 0 : 1} (${format})`);
  if (/\n\s+at /.test(output)) problems.push(`cli: stack trace in the ${format} output`);
  if (/internal error|this is a bug/i.test(output))
    problems.push(`cli: internal error: ${output.slice(0, 500)}`);
  if (output.includes('validate built an API client')) problems.push('cli: validate built an API client');
  if (format === 'json') {
    try {
      const report = JSON.parse(result.stdout) as {
        valid: boolean;
        errors: FoundDiagnostic[];
        warnings: FoundDiagnostic[];
      };
      if (report.valid !== expectValid) problems.push(`cli json: valid=${String(report.valid)}`);
      for (const d of [...report.errors, ...report.warnings]) {
        problems.push(...diagnosticProblems({ ...d, severity: 'error' }, c, 'cli json'));
      }
    } catch {
      problems.push(`cli json: stdout is not JSON: ${result.stdout.slice(0, 300)}`);
    }
  }
  if (format === 'github') {
    for (const line of result.stdout.split('\n')) {
      if (!line.startsWith('::error') && !line.startsWith('::warning')) continue;
      const m = /^::(?:error|warning) file=[^,]+,line=(\d+),col=(\d+)::./.exec(line);
      if (m === null || Number(m[1]) < 1 || Number(m[2]) < 1)
        problems.push(`cli github: bad annotation ${line.slice(0, 200)}`);
    }
  }
  return problems;
}

interface Failure {
  readonly index: number;
  readonly corpus: string;
  readonly mutations: readonly string[];
  readonly dir: string;
  readonly problems: readonly string[];
}

describe(`config fuzzing (seed ${SEED}, ${ONLY === undefined ? `${CASES} cases` : `case ${ONLY}`}${SOAK ? ', soak' : ''})`, () => {
  let root = '';
  let corpora: Corpus[] = [];
  const failures: Failure[] = [];

  /**
   * Process warnings while fuzzing (Node prints them on stderr, past the CLI's
   * output and its redactor): the tool must not cause any.
   */
  const warnings: string[] = [];
  const onWarning = (warning: Error): void => {
    warnings.push(`${warning.name}: ${warning.message}`);
  };
  /** HTTP requests attempted while fuzzing (the network is cut off: there must be none). */
  const attempted: string[] = [];
  const onNoMatch = (req: { method?: string; path?: string }): void => {
    attempted.push(`${req.method ?? '?'} ${req.path ?? '?'}`);
  };

  beforeAll(async () => {
    root = await mkdtemp(path.join(fuzzTempDir(), 'seqera-sync-fuzz-'));
    corpora = await loadCorpora();
    nock.disableNetConnect();
    nock.emitter.on('no match', onNoMatch);
    process.on('warning', onWarning);
  });

  afterAll(async () => {
    nock.emitter.removeListener('no match', onNoMatch);
    process.removeListener('warning', onWarning);
    nock.enableNetConnect();
    // Failing cases stay on disk (their paths were printed); the rest is removed.
    if (failures.length === 0 && ONLY === undefined) await rm(root, { recursive: true, force: true });
  });

  it('the generator is reproducible: the same seed and index give the same files', async () => {
    const first = await loadCorpora();
    for (let index = 0; index < 50; index++) {
      const a = mutateCorpus(pickCorpus(first, 0.3).files, caseRng(SEED, index));
      const b = mutateCorpus(pickCorpus(first, 0.3).files, caseRng(SEED, index));
      expect(b).toEqual(a);
    }
  });

  it(
    'every mutated config validates or yields positioned diagnostics; validate never crashes or calls the API',
    async () => {
      const indexes = ONLY === undefined ? Array.from({ length: CASES }, (_, i) => i) : [ONLY];
      const used = new Map<string, number>();
      let valid = 0;
      let checked = 0;
      let most = { index: -1, count: 0 };
      let slowest = { index: -1, ms: 0 };
      const started = performance.now();
      const cpuStart = process.cpuUsage();
      const suspects: number[] = [];
      const runOne = async (index: number, alone: boolean): Promise<void> => {
        const c = writeCase(root, index, corpora);
        for (const m of c.mutated.mutations) {
          const name = m.slice(m.lastIndexOf(':') + 1);
          used.set(name, (used.get(name) ?? 0) + 1);
        }
        const validate = await loadAndCheck(c, 'validate');
        const problems = [...validate.problems];
        let ms = validate.ms;
        if (alone || EVERY_CASE || index % PLAN_EVERY === 0) {
          const plan = await loadAndCheck(c, 'plan');
          problems.push(...plan.problems);
          ms += plan.ms;
          // Plan mode is validate plus "variables must be set": it can only be stricter.
          if (plan.valid && !validate.valid) problems.push('plan mode accepted what validate mode refused');
        }
        if (alone || EVERY_CASE || index % CLI_EVERY === 0)
          problems.push(...(await cliCheck(c, validate.valid)));
        if (ms > CASE_TIME_LIMIT_MS) {
          // Timed while other cases ran: only a case that is slow alone is a finding.
          if (alone)
            problems.push(`loading took ${Math.round(ms)} ms alone (limit ${CASE_TIME_LIMIT_MS} ms)`);
          else if (problems.length === 0) suspects.push(index);
        }
        if (!alone) {
          checked++;
          if (validate.valid) valid++;
          if (ms > slowest.ms) slowest = { index, ms };
          if (validate.diagnostics > most.count) most = { index, count: validate.diagnostics };
        }
        if (problems.length > 0 || ONLY !== undefined) {
          if (problems.length > 0)
            failures.push({ index, corpus: c.corpus, mutations: c.mutated.mutations, dir: c.dir, problems });
          console.info(
            `fuzz case ${index} (seed ${SEED}, corpus ${c.corpus}): ${c.dir}\n  mutations: ${c.mutated.mutations.join(', ')}\n  ${problems.join('\n  ') || 'no problems'}`,
          );
        } else {
          rmSync(c.dir, { recursive: true, force: true });
        }
      };
      // Loading is mostly file-system latency: a few cases at a time keep both cores busy.
      // Each case is independent of the others, so the outcome does not depend on the interleaving.
      // A bug that fails many cases stops the run early, to keep it bounded.
      let next = 0;
      await Promise.all(
        Array.from({ length: ONLY === undefined ? CONCURRENCY : 1 }, async () => {
          while (next < indexes.length && failures.length < MAX_FAILURES)
            await runOne(indexes[next++]!, false);
        }),
      );
      for (const index of suspects) await runOne(index, true);
      failures.sort((a, b) => a.index - b.index);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const cpu = process.cpuUsage(cpuStart);
      const cpuSeconds = ((cpu.user + cpu.system) / 1e6).toFixed(1);
      console.info(
        `config fuzz: ${checked} of ${indexes.length} cases (seed ${SEED}) in ${seconds} s (${cpuSeconds} s CPU): ${valid} valid, ${checked - valid} invalid, ${failures.length} failing${failures.length >= MAX_FAILURES ? ' (stopped early)' : ''}; slowest load ${Math.round(slowest.ms)} ms wall (case ${slowest.index}, other cases in flight); most diagnostics: case ${most.index} (${most.count})`,
      );
      const report = failures
        .slice(0, 20)
        .map(
          (f) =>
            `case ${f.index} [SEQERA_SYNC_FUZZ_SEED=${SEED} SEQERA_SYNC_FUZZ_CASE=${f.index}] corpus ${f.corpus}, files in ${f.dir}\n    mutations: ${f.mutations.join(', ')}\n    ${f.problems.slice(0, 5).join('\n    ')}`,
        );
      expect.soft(report, `${failures.length} failing fuzz case(s)`).toEqual([]);
      expect.soft(attempted, 'network requests while validating').toEqual([]);
      await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on the next tick
      expect
        .soft(
          [...new Set(warnings)].slice(0, 10),
          'process warnings while loading (printed on stderr outside the CLI output)',
        )
        .toEqual([]);
      if (ONLY === undefined && checked >= 1_000) {
        // The fuzzer itself must stay effective: every mutation ran, and both outcomes occur.
        expect(mutationNames().filter((name) => !used.has(name) && !EXCLUDE.has(name))).toEqual([]);
        expect(valid).toBeGreaterThan(0);
        expect(valid).toBeLessThan(checked);
      }
    },
    SOAK ? 3_600_000 : 120_000,
  );
});
