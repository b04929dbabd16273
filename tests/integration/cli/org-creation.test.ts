/**
 * Creating an organisation takes `--allow-org-creation`: a typo in a folder
 * name must not quietly plan a new organisation's workspaces.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useEmulator } from '../../helpers/emulator.js';
import { convergedSeed, estateCopy, FAST_CE, loadEstate, ORG, sync, useTempDir } from './support.js';

const converged = await convergedSeed(await loadEstate());
const TYPO = 'biocomons';

/** The estate plus a folder whose name is one letter off the existing organisation. */
async function estateWithTypo(dir: string): Promise<string> {
  const configDir = await estateCopy(dir);
  await mkdir(join(configDir, TYPO));
  await writeFile(join(configDir, TYPO, 'organization.yaml'), `name: ${TYPO}\n`, 'utf8');
  await writeFile(
    join(configDir, TYPO, 'reef-genomics.yaml'),
    'name: reef-genomics\nfullName: Reef Genomics\nvisibility: private\n',
    'utf8',
  );
  return configDir;
}

describe('plan with an organisation that is not on the platform', () => {
  const fx = useEmulator({ ...FAST_CE, seed: converged });
  const tmp = useTempDir();

  it('is blocked without --allow-org-creation, suggesting the organisation the token can see', async () => {
    const configDir = await estateWithTypo(tmp.path);
    const result = await sync(fx.emu, ['plan', '--no-color'], { configDir });

    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `Error: plan blocked — organizationCreation: organisation ${TYPO} does not exist on the platform (did you mean ${ORG}?): check the folder name, or create it (use --allow-org-creation)`,
    );
    expect(result.stdout).not.toContain(`+ organization ${TYPO}`);
  });

  it('plans the organisation and its workspaces with --allow-org-creation', async () => {
    const configDir = await estateWithTypo(tmp.path);
    const result = await sync(fx.emu, ['plan', '--no-color', '--allow-org-creation'], { configDir });

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Made with --allow-org-creation.');
    expect(result.stdout).toContain(`+ organization ${TYPO}`);
    expect(result.stdout).toContain(`+ workspace ${TYPO}/reef-genomics`);
  });
});
