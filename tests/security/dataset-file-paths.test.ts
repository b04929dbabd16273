/**
 * Attack: a maintainer who may edit only their own workspace file names, as
 * a dataset's `file`, something that is not their workspace's own sample
 * sheet — another workspace's file (`../other-ws/secret.csv`), an absolute
 * path on the runner, a symbolic link out of the config dir, or their
 * datasets folder linked to another workspace's — hoping that `plan` or
 * `apply` uploads it to a workspace they can read.
 * Outcome: `validate` refuses each with an error at the entry's `file`
 * (file:line), the content appears nowhere, and `apply` writes nothing.
 */
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ORG, configDir, emulator, orgFile, seedWith, sync, tempDir, writes } from './support/attack.js';

const SECRET = 'sample,token\nS1,Distinctive-Dataset-Secret-4e7a\n';
const OWN = 'sample\nS1\n';

function workspaceFile(file: string): string {
  return `name: ausgen\nfullName: Ausgen\ndatasets:\n  - name: sheet\n    file: ${JSON.stringify(file)}\n`;
}

async function estate(file: string): Promise<string> {
  return configDir({
    [`${ORG}/organization.yaml`]: orgFile(),
    [`${ORG}/ausgen.yaml`]: workspaceFile(file),
    [`${ORG}/datasets/ausgen/own.csv`]: OWN,
    [`${ORG}/datasets/other-ws/secret.csv`]: SECRET,
  });
}

async function refused(dir: string, message: string): Promise<void> {
  const validated = await sync('http://127.0.0.1:9', dir, ['validate']);
  expect(validated.code).toBe(1);
  expect(validated.stdout).toContain(`workspaces/${ORG}/ausgen.yaml:5:`);
  expect(validated.stdout).toContain(message);
  expect(`${validated.stdout}${validated.stderr}`).not.toContain('Distinctive-Dataset-Secret');

  const emu = await emulator(seedWith({ workspaces: [{ name: 'ausgen' }] }));
  const applied = await sync(emu.endpoint, dir, ['apply', '--yes']);
  expect(applied.code).not.toBe(0);
  expect(`${applied.stdout}${applied.stderr}`).not.toContain('Distinctive-Dataset-Secret');
  expect(writes(emu)).toEqual([]);
}

describe("a dataset file that is not the workspace's own", () => {
  it("another workspace's file by a relative path ('..')", async () => {
    await refused(await estate('../other-ws/secret.csv'), "climbs out of the workspace's datasets folder");
  });

  it('an absolute path', async () => {
    const outside = join(await tempDir('seqera-sync-outside-'), 'secret.csv');
    await writeFile(outside, SECRET);
    await refused(await estate(outside), 'is an absolute path');
  });

  it('a path with separators inside the folder', async () => {
    await refused(await estate('sub/own.csv'), 'is a path');
  });

  it('a symbolic link out of the config dir', async () => {
    const outside = join(await tempDir('seqera-sync-outside-'), 'secret.csv');
    await writeFile(outside, SECRET);
    const dir = await estate('linked.csv');
    await symlink(outside, join(dir, ORG, 'datasets', 'ausgen', 'linked.csv'));
    await refused(dir, 'datasets/ausgen/linked.csv is a symbolic link');
  });

  it("its datasets folder linked to another workspace's", async () => {
    const dir = await configDir({
      [`${ORG}/organization.yaml`]: orgFile(),
      [`${ORG}/ausgen.yaml`]: workspaceFile('secret.csv'),
      [`${ORG}/datasets/other-ws/secret.csv`]: SECRET,
    });
    await symlink(join(dir, ORG, 'datasets', 'other-ws'), join(dir, ORG, 'datasets', 'ausgen'));
    await refused(dir, 'datasets/ausgen/ is a link to another folder');
  });

  it('a directory, a missing file, another extension, bytes that are not UTF-8 text', async () => {
    const dir = await estate('own.csv');
    await mkdir(join(dir, ORG, 'datasets', 'ausgen', 'folder.csv'));
    await writeFile(
      join(dir, ORG, 'datasets', 'ausgen', 'binary.csv'),
      Buffer.from([0xff, 0xfe, 0x00, 0x41]),
    );
    const cases: readonly (readonly [string, string])[] = [
      ['folder.csv', 'is a directory'],
      ['missing.csv', 'does not exist'],
      ['own.json', 'is not a .csv or .tsv file'],
      ['binary.csv', 'is not UTF-8 text'],
    ];
    for (const [file, message] of cases) {
      await writeFile(join(dir, ORG, 'ausgen.yaml'), workspaceFile(file));
      const validated = await sync('http://127.0.0.1:9', dir, ['validate']);
      expect(validated.code).toBe(1);
      expect(validated.stdout).toContain(`workspaces/${ORG}/ausgen.yaml:5:`);
      expect(validated.stdout).toContain(message);
    }
  });

  it('a file over the size limit', async () => {
    const dir = await estate('big.csv');
    await writeFile(join(dir, ORG, 'datasets', 'ausgen', 'big.csv'), 'a\n'.repeat(5 * 1024 * 1024 + 1));
    const validated = await sync('http://127.0.0.1:9', dir, ['validate']);
    expect(validated.code).toBe(1);
    expect(validated.stdout).toContain('over the 10485760-byte limit');
  });

  it('its own file validates', async () => {
    const validated = await sync('http://127.0.0.1:9', await estate('own.csv'), ['validate']);
    expect(validated.stdout).toContain('2 files valid');
    expect(validated.code).toBe(0);
  });
});
