/**
 * What the attack tests share: a config dir written from YAML texts (as a
 * hostile maintainer would write them), an emulator seeded with the platform
 * being attacked, and the real CLI run against it in-process over HTTP.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';
import type { EmulatorSeed, OrgSeed, UserSeed } from '../../../src/emulator/seed.js';
import { startEmulator, type RunningEmulator } from '../../../src/emulator/index.js';
import { runCli, type CliResult } from '../../helpers/cli.js';

export const TOKEN = 'tok-Security-Suite-5d1e2a';
export const BOT_EMAIL = 'seqera-sync@acme.example.org';
export const ORG = 'acme';

/** Registered users of the attacked platform: the token's user and a few people. */
export function users(...emails: readonly string[]): readonly UserSeed[] {
  return [
    { userName: 'seqera-sync', email: BOT_EMAIL, token: TOKEN },
    ...emails.map((email, i) => ({ userName: `user${String(i)}`, email })),
  ];
}

/** A seed with one org (the token's user its owner) and the given users. */
export function seedWith(org: Omit<OrgSeed, 'name'>, ...emails: readonly string[]): EmulatorSeed {
  return {
    users: users(...emails),
    orgs: [
      {
        name: ORG,
        fullName: 'Acme',
        ...org,
        members: [{ email: BOT_EMAIL, role: 'owner' }, ...(org.members ?? [])],
      },
    ],
  };
}

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A temporary folder removed after the test. */
export async function tempDir(prefix = 'seqera-sync-security-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Writes `files` (path relative to the config dir → text or bytes) into a new config dir; returns its path. */
export async function configDir(files: Readonly<Record<string, string | Uint8Array>>): Promise<string> {
  const dir = join(await tempDir(), 'workspaces');
  await mkdir(dir, { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path);
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, content);
  }
  return dir;
}

/** Starts an emulator with `seed`, stopped after the test. */
export async function emulator(seed: EmulatorSeed): Promise<RunningEmulator> {
  const emu = await startEmulator({ seed });
  cleanups.push(() => emu.stop());
  return emu;
}

/** Runs `seqera-sync` with the token, against `endpoint`, on `dir`. */
export function sync(
  endpoint: string,
  dir: string,
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): Promise<CliResult> {
  // validate works offline and refuses --endpoint.
  const target = args[0] === 'validate' ? [] : ['--endpoint', endpoint];
  return runCli([...args, '--config-dir', dir, ...target, '--no-color'], {
    env: { TOWER_ACCESS_TOKEN: TOKEN, ...env },
  });
}

/** The write requests (anything but GET) the emulator received. */
export function writes(emu: RunningEmulator): readonly string[] {
  return emu
    .requestLog()
    .filter((e) => e.method !== 'GET')
    .map((e) => `${e.method} ${e.path}`);
}

/** The org file most attacks start from: the token's user owns the org; nothing else is managed. */
export function orgFile(extra = ''): string {
  return `name: ${ORG}\nfullName: Acme\n${extra}`;
}
