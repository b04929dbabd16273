/**
 * `npm run demo` in the test suite: `runDemo` in process (the entry point
 * only wires it to the process), against its own emulator, with the CLI of
 * the sources (`npm run demo` runs the build in dist/). The CLI's `run` is
 * wrapped (not replaced) to record each step's argv and the environment the
 * demo gave it, so the test knows the token and the variable values it must
 * not find in the output.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../../src/api/client.js';
import { run } from '../../../src/cli/main.js';
import { runDemo } from '../../../src/demo/demo.js';
import { DEMO_DRIFT } from '../../../src/demo/drift.js';
import { REPO_ROOT as ROOT_DIR } from '../../helpers/openapi-spec.js';

const recorded = {
  calls: [] as { argv: string[]; env: Readonly<Record<string, string | undefined>> }[],
};

const recordingRun: typeof run = (argv, deps) => {
  recorded.calls.push({ argv: [...argv], env: { ...deps.env } });
  return run(argv, deps);
};

const VARS = '--vars-file src/demo/demo-vars.json';
const STEPS = ['validate', `plan ${VARS}`, `apply --yes ${VARS}`, `plan --detailed-exitcode ${VARS}`];
const NO_CHANGES = 'No changes. The platform matches the configuration.';

/** The output of each `$ seqera-sync …` step, by its command line. */
function sections(stdout: string): Map<string, string> {
  const parts = stdout.split(/^\$ seqera-sync (.+)$/m);
  const out = new Map<string, string>();
  for (let i = 1; i < parts.length; i += 2) out.set(parts[i] ?? '', parts[i + 1] ?? '');
  return out;
}

describe('npm run demo', () => {
  it('seeds a drifted platform, runs validate → plan → apply → plan, and ends with no changes', async () => {
    let stdout = '';
    let stderr = '';
    const code = await runDemo({
      stdout: (t) => {
        stdout += t;
      },
      stderr: (t) => {
        stderr += t;
      },
      isTTY: false,
      env: {},
      cli: { run: recordingRun, createApiClient },
    });
    expect(code, `${stdout}\n[stderr]\n${stderr}`).toBe(0);

    // The four steps, in order, each run once through the real CLI.
    expect(recorded.calls.map((c) => c.argv.join(' '))).toEqual(STEPS);
    const headers = [...stdout.matchAll(/^\$ seqera-sync (.+)$/gm)].map((m) => m[1]);
    expect(headers).toEqual(STEPS);
    const out = sections(stdout);

    expect(out.get('validate')?.trim()).toMatch(/^\d+ files valid$/);

    // The first plan shows the drift the demo seeded.
    const plan = out.get(`plan ${VARS}`) ?? '';
    expect(plan).toContain(
      `- participant biocommons/community-pipelines/participants/${DEMO_DRIFT.handAddedParticipant}`,
    );
    expect(plan).toContain(
      `~ participant biocommons/community-pipelines/participants/${DEMO_DRIFT.roleChanged.email}`,
    );
    expect(plan).toContain(`role: "${DEMO_DRIFT.roleChanged.to}" → "${DEMO_DRIFT.roleChanged.from}"`);
    expect(plan).toContain(
      `-/+ compute environment biocommons/community-pipelines/computeEnvironments/${DEMO_DRIFT.computeEnvironment}`,
    );
    expect(plan).toContain(`+ workspace biocommons/${DEMO_DRIFT.missingWorkspace}`);
    expect(plan).toMatch(/^Plan: \d+ to add, \d+ to change, 1 to replace, 1 to destroy\.$/m);

    expect(out.get(`apply --yes ${VARS}`)).toMatch(/^Apply complete: .*\b0 failed\b/m);

    // The last step prints exactly "No changes", and the demo ends with it.
    const last = out.get(`plan --detailed-exitcode ${VARS}`) ?? '';
    expect(last.trim()).toMatch(
      /^Planning against http:\/\/127\.0\.0\.1:\d+ as \S+ \(\S+\), org biocommons\.\n\nNo changes\./,
    );
    expect(last.trim().endsWith(NO_CHANGES)).toBe(true);
    expect(stdout.trimEnd().endsWith(NO_CHANGES)).toBe(true);

    // No token or secret value of the demo's variables in anything it printed.
    const env = recorded.calls[0]?.env ?? {};
    expect(env.TOWER_API_ENDPOINT).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    // The demo's variables come from its file only, each under its workspace's key.
    expect(env.SEQERA_SYNC_VARS).toBeUndefined();
    const file = JSON.parse(
      await readFile(path.join(ROOT_DIR, 'src', 'demo', 'demo-vars.json'), 'utf8'),
    ) as Record<string, Record<string, string>>;
    const variables = Object.values(file).flatMap((names) => Object.values(names));
    expect(variables.length).toBeGreaterThan(0);
    expect(plan).toContain('(sensitive, from ${AUSGEN_SENTIEON_LICENSE})');
    const secrets = [env.TOWER_ACCESS_TOKEN ?? '', ...variables];
    expect(secrets.every((s) => s.length >= 4)).toBe(true);
    for (const secret of secrets) {
      expect(stdout.includes(secret) || stderr.includes(secret), `a secret value was printed`).toBe(false);
    }
  }, 120_000);
});
