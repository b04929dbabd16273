/**
 * Attack: a maintainer writes `${GITHUB_TOKEN}` (or the API token's, or one of
 * their own secrets' variable) into a field that is not a secret — a
 * description, a pipeline parameter, a compute environment setting — hoping
 * it is interpolated, shown in the PR comment and written to the platform.
 * Outcome: a validation error at the reference's file:line:col, no value
 * printed anywhere, no plan file, no request that writes.
 */
import { describe, expect, it } from 'vitest';
import { useEmulator } from '../helpers/emulator.js';
import {
  convergedSeed,
  estateCopy,
  expectNothingShown,
  FAST_CE,
  filesIn,
  jobEnv,
  loadEstate,
  OWN_FILE,
  sync,
  useTempDir,
  writes,
} from './support.js';

const seed = await convergedSeed(await loadEstate());
const MESSAGE =
  'variables are resolved only in credential keys and secret values; write `$${` for a literal `${`';

/** The attacker's edits of their own file. */
const hostile = (text: string): string =>
  text
    .replace(/^description: .*$/m, 'description: "${GITHUB_TOKEN}"')
    .replace('genome: GATK.GRCh38', 'genome: ${TOWER_ACCESS_TOKEN}')
    .replace('headQueue: normal', 'headQueue: ${AUSGEN_SENTIEON_LICENSE}');

describe('attack: ${VAR} in a non-secret field', () => {
  const fx = useEmulator({ ...FAST_CE, seed });
  const tmp = useTempDir();

  it('is a validation error at each reference, for validate, plan and apply; nothing printed, nothing written', async () => {
    const configDir = await estateCopy(tmp.path, { [OWN_FILE]: hostile });
    const runs = {
      validate: await sync(fx.emu, ['validate'], { configDir, env: jobEnv(), cwd: tmp.path }),
      'validate --format github': await sync(fx.emu, ['validate', '--format', 'github'], {
        configDir,
        env: jobEnv(),
        cwd: tmp.path,
      }),
      'plan --format markdown --out': await sync(
        fx.emu,
        ['plan', '--format', 'markdown', '--out', 'p.json'],
        {
          configDir,
          env: jobEnv(),
          cwd: tmp.path,
        },
      ),
      'plan --format json': await sync(fx.emu, ['plan', '--format', 'json'], {
        configDir,
        env: jobEnv(),
        cwd: tmp.path,
      }),
      'apply --yes': await sync(fx.emu, ['apply', '--yes'], { configDir, env: jobEnv(), cwd: tmp.path }),
    };
    for (const [name, result] of Object.entries(runs)) {
      expect(result.code, name).toBe(1);
      const out = result.stdout + result.stderr;
      // Each misplaced reference, where it is written (line:col of the value).
      for (const [line, col] of [
        [4, 14],
        [29, 18],
        [51, 15],
      ]) {
        const at = new RegExp(`ausgen\\.yaml(:|,line=)${String(line)}(:|,col=)${String(col)}\\b`);
        expect(out, `${name}: line ${String(line)}`).toMatch(at);
      }
      expect(out.split(MESSAGE).length - 1, name).toBeGreaterThanOrEqual(3);
      expectNothingShown(result);
    }
    expect(writes(fx.emu)).toEqual([]);
    expect(await filesIn(tmp.path)).toEqual([]);
  });

  it('a verbatim field keeps ${...} as written, and $${ is a literal ${ elsewhere', async () => {
    const configDir = await estateCopy(tmp.path, {
      // (a function, so that String.replace does not read `$$` as an escape)
      [OWN_FILE]: (text) => text.replace(/^description: .*$/m, () => 'description: "costs $${HOME} nothing"'),
    });
    const planned = await sync(fx.emu, ['plan', '--format', 'json'], {
      configDir,
      env: jobEnv(),
      cwd: tmp.path,
    });
    expect(planned.code, planned.stderr).toBe(0);
    expect(planned.stdout).toContain('"to": "costs ${HOME} nothing"');
    expect(planned.stdout).not.toContain('"nextflowConfig"'); // unchanged: ${task.cpus} was never touched
    expectNothingShown(planned);
  });
});
