/**
 * Attack: a saved plan left world-readable (or group-readable) on a shared
 * runner or workstation tells anyone there which people, workspaces and
 * secrets a change touches. Outcome: `plan --out` writes the file with mode
 * 0600 — also when it replaces an existing, more open file — and it holds no
 * variable value, only the names.
 */
import { chmod, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useEmulator } from '../helpers/emulator.js';
import {
  convergedSeed,
  expectNothingShown,
  FAST_CE,
  jobEnv,
  loadEstate,
  sync,
  useTempDir,
} from './support.js';

const converged = await convergedSeed(await loadEstate());
/** ausgen's pipeline secret deleted by hand: the plan recreates it from its variable. */
const seed = {
  ...converged,
  orgs: (converged.orgs ?? []).map((org) => ({
    ...org,
    workspaces: (org.workspaces ?? []).map((ws) => (ws.name === 'ausgen' ? { ...ws, secrets: [] } : ws)),
  })),
};

const modeOf = async (file: string): Promise<number> => (await stat(file)).mode & 0o777;

describe('attack: reading a saved plan someone else wrote', () => {
  const fx = useEmulator({ ...FAST_CE, seed });
  const tmp = useTempDir();

  it('plan --out writes mode 0600, with variable names and no value', async () => {
    const planned = await sync(fx.emu, ['plan', '--out', 'plan.json'], { env: jobEnv(), cwd: tmp.path });
    expect(planned.code, planned.stderr).toBe(0);
    const file = join(tmp.path, 'plan.json');
    expect(await modeOf(file)).toBe(0o600);
    const text = await readFile(file, 'utf8');
    expect(text).toContain('"secretRef": "AUSGEN_SENTIEON_LICENSE"');
    expect(text).toContain('"biocommons/ausgen/AUSGEN_SENTIEON_LICENSE"');
    expectNothingShown(planned, text);
  });

  it('replacing an existing world-readable file leaves a 0600 one', async () => {
    const file = join(tmp.path, 'plan.json');
    await writeFile(file, '{}');
    await chmod(file, 0o666);
    const planned = await sync(fx.emu, ['plan', '--out', 'plan.json'], { env: jobEnv(), cwd: tmp.path });
    expect(planned.code, planned.stderr).toBe(0);
    expect(await modeOf(file)).toBe(0o600);
  });
});
