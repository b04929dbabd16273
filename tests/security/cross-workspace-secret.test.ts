/**
 * Attack: the ausgen maintainer points a secret field of their own file at
 * another community's variable (`${BIOCOMMONS_AWS_SECRET_KEY}`, which CI
 * holds for biocommons/community-pipelines), hoping the value is written
 * into a credential or pipeline secret they control. Outcome: the variable
 * is looked up only under "biocommons/ausgen", so the plan is blocked with a
 * missing-variable error naming the variable, that key and the reference's
 * file:line:col; the other community's value is never used, printed or sent.
 */
import { describe, expect, it } from 'vitest';
import { useEmulator } from '../helpers/emulator.js';
import {
  convergedSeed,
  estateCopy,
  expectNothingShown,
  FAST_CE,
  jobEnv,
  loadEstate,
  OWN_FILE,
  sync,
  useTempDir,
  VARIABLES,
  writes,
} from './support.js';

const seed = await convergedSeed(await loadEstate());
const STOLEN = VARIABLES['BIOCOMMONS_AWS_SECRET_KEY'] ?? '';

/** A new credential and a new secret in the attacker's own file, both fed by the other community's variable. */
const hostile = (text: string): string =>
  text
    .replace(
      'credentials:\n',
      () =>
        'credentials:\n  - name: exfil\n    provider: aws\n    keys: { accessKey: AKIAEXFIL, secretKey: "${BIOCOMMONS_AWS_SECRET_KEY}" }\n',
    )
    .replace('secrets:\n', () => 'secrets:\n  - { name: EXFIL, value: "${BIOCOMMONS_AWS_SECRET_KEY}" }\n');

describe("attack: another workspace's variable", () => {
  const fx = useEmulator({ ...FAST_CE, seed });
  const tmp = useTempDir();

  it('is missing for the own workspace: plan and apply are refused, naming the variable, the key and the position', async () => {
    expect(STOLEN).not.toBe('');
    const configDir = await estateCopy(tmp.path, { [OWN_FILE]: hostile });
    const env = jobEnv();
    const validated = await sync(fx.emu, ['validate'], { configDir, env, cwd: tmp.path });
    expect(validated.code).toBe(0); // the file is well-formed: the value is what it cannot have

    for (const format of ['text', 'markdown', 'json']) {
      const planned = await sync(fx.emu, ['plan', '--format', format], { configDir, env, cwd: tmp.path });
      expect(planned.code, format).toBe(1);
      // (markdown escapes the message's punctuation: read it without the backslashes)
      const out = (planned.stdout + planned.stderr).replace(/\\/g, '');
      expect(out).toContain('missingVariable');
      for (const [what, position] of [
        ['create credential exfil', 'biocommons/ausgen.yaml:14:46'],
        ['create secret EXFIL', 'biocommons/ausgen.yaml:72:27'],
      ]) {
        expect(out, `${format}: ${what ?? ''}`).toContain(
          `\${BIOCOMMONS_AWS_SECRET_KEY} (workspaces/${position ?? ''}) is not set for "biocommons/ausgen": needed to ${what ?? ''}`,
        );
      }
      expect(out).toContain(
        'Add "BIOCOMMONS_AWS_SECRET_KEY" to the "biocommons/ausgen" object of SEQERA_SYNC_VARS',
      );
      expectNothingShown(planned);
    }
    const applied = await sync(fx.emu, ['apply', '--yes'], { configDir, env, cwd: tmp.path });
    expect(applied.code).toBe(1);
    expect(applied.stdout + applied.stderr).toContain('apply refuses a blocked plan; nothing was written');
    expectNothingShown(applied);

    expect(writes(fx.emu)).toEqual([]);
    const sent = JSON.stringify(fx.emu.requestLog().map((entry) => entry.body ?? null));
    expect(sent).not.toContain(STOLEN);
  });

  it('the process environment is no source either: a same-named environment variable is ignored', async () => {
    const configDir = await estateCopy(tmp.path, { [OWN_FILE]: hostile });
    const env = { ...jobEnv(), BIOCOMMONS_AWS_SECRET_KEY: STOLEN };
    const planned = await sync(fx.emu, ['plan'], { configDir, env, cwd: tmp.path });
    expect(planned.code).toBe(1);
    expect(planned.stdout + planned.stderr).toContain('is not set for "biocommons/ausgen"');
    expectNothingShown(planned);
    expect(writes(fx.emu)).toEqual([]);
  });
});
