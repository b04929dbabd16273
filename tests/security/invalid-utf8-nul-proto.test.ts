/**
 * Attack: a workspace file with bytes that are not UTF-8, a NUL character, or
 * a `__proto__` / `constructor` / `prototype` key — accepted, silently
 * replaced or dropped by a lenient reader, and so read differently by the
 * tool, by reviewers and by other tools.
 * Outcome: each is a validation error with file:line:col; nothing else is
 * read from the file.
 */
import { describe, expect, it } from 'vitest';
import { BOT_EMAIL, ORG, configDir, orgFile, sync } from './support/attack.js';

const HEAD = `name: ws\nfullName: Workspace\nvisibility: private\n`;

async function validate(workspace: string | Uint8Array): Promise<{ code: number; stdout: string }> {
  const dir = await configDir({ [`${ORG}/organization.yaml`]: orgFile(), [`${ORG}/ws.yaml`]: workspace });
  const result = await sync('http://127.0.0.1:9', dir, ['validate']);
  expect(result.stderr).not.toContain('internal error');
  return result;
}

describe('invalid UTF-8, NUL and prototype keys', () => {
  it('bytes that are not UTF-8 are an error at their position', async () => {
    const bytes = Buffer.concat([
      Buffer.from(`${HEAD}description: "caf`),
      Buffer.from([0xe9]), // Latin-1 é: not UTF-8
      Buffer.from('"\n'),
    ]);
    const result = await validate(bytes);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'workspaces/acme/ws.yaml:4:18: error: the file is not valid UTF-8 (byte 0xe9 at this position): save it as UTF-8',
    );
  });

  it('a NUL byte is an error at its position', async () => {
    const result = await validate(`${HEAD}description: "a\u0000b"\n`);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('workspaces/acme/ws.yaml:4:16: error: the file contains a NUL character');
  });

  it('a NUL written as an escape is an error too', async () => {
    const result = await validate(`${HEAD}description: "a\\0b"\n`);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'workspaces/acme/ws.yaml:4:14: error: a string may not contain a NUL character',
    );
  });

  it.each(['__proto__', 'constructor', 'prototype'])(
    'the key %s is an error where it is written',
    async (key) => {
      const result = await validate(
        `${HEAD}participants:\n  - email: ${BOT_EMAIL}\n    role: owner\n    ${key}: { role: view }\n`,
      );
      expect(result.code).toBe(1);
      expect(result.stdout).toContain(`workspaces/acme/ws.yaml:7:5: error: key '${key}' is not allowed`);
    },
  );
});
