/**
 * Attack: a pull request adds a "workspace file" that is a symbolic link to
 * a file on the runner (a credentials file, `/etc/passwd`, the runner's
 * environment), hoping that `validate` or `plan` reads it and quotes its
 * content in an error, or a link to a whole folder outside the config dir.
 * Outcome: a link that leaves the config dir is an error naming the link,
 * the target is never read, and its content appears nowhere; a link that
 * stays inside the config dir is followed as before.
 */
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ORG, configDir, orgFile, sync, tempDir } from './support/attack.js';

const SECRET_CONTENT = 'runner-secret: Distinctive-Runner-Secret-71c3\n';

async function outsideFile(): Promise<string> {
  const outside = join(await tempDir('seqera-sync-outside-'), 'credentials.yaml');
  await writeFile(outside, SECRET_CONTENT);
  return outside;
}

describe('a symlinked config file', () => {
  it('pointing outside the config dir is an error naming the link; the target is never shown', async () => {
    const dir = await configDir({ [`${ORG}/organization.yaml`]: orgFile() });
    await symlink(await outsideFile(), join(dir, ORG, 'stolen.yaml'));

    for (const format of ['text', 'json', 'github']) {
      const result = await sync('http://127.0.0.1:9', dir, ['validate', '--format', format]);
      expect(result.code).toBe(1);
      expect(`${result.stdout}${result.stderr}`).toContain(
        'stolen.yaml is a symbolic link to somewhere outside the config dir',
      );
      expect(`${result.stdout}${result.stderr}`).not.toContain('Distinctive-Runner-Secret');
      expect(`${result.stdout}${result.stderr}`).not.toContain('credentials.yaml');
    }
  });

  it('an organisation folder linked from outside is refused the same way', async () => {
    const dir = await configDir({ [`${ORG}/organization.yaml`]: orgFile() });
    const outsideDir = join(await tempDir('seqera-sync-outside-'), 'org');
    await mkdir(outsideDir);
    await writeFile(join(outsideDir, 'organization.yaml'), `name: other\nfullName: ${SECRET_CONTENT}`);
    await symlink(outsideDir, join(dir, 'other'));

    const result = await sync('http://127.0.0.1:9', dir, ['validate']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'workspaces/other:1:1: error: other is a symbolic link to somewhere outside the config dir',
    );
    expect(result.stdout).not.toContain('Distinctive-Runner-Secret');
  });

  it('a link that stays inside the config dir is still followed', async () => {
    const dir = await configDir({
      [`${ORG}/organization.yaml`]: orgFile(),
      [`shared/ws.yaml`]: 'name: ws\nfullName: Workspace\nvisibility: private\n',
    });
    await symlink(join(dir, 'shared', 'ws.yaml'), join(dir, ORG, 'ws.yaml'));

    const result = await sync('http://127.0.0.1:9', dir, ['validate']);
    expect(result.stdout).not.toContain('symbolic link');
    expect(result.code).toBe(0);
  });
});
