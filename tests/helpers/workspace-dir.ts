/**
 * The configuration folder of a one-workspace integration test: a fresh
 * temporary folder per test (removed after it), the workspace file written
 * into it, and the emulated workspace's id read through the API.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { ApiCall } from './emulator.js';

export interface WorkspaceDir {
  /** The test's folder (the CLI's working directory); set before each test. */
  readonly root: string;
  /** Writes `<folder>/<org>/<workspace>.yaml`: its name and full name, then `body`. */
  readonly writeWorkspace: (body: string, folder?: string) => Promise<void>;
}

/** A folder per test for workspace `org/ws` (full name `fullName`), registered with the test's hooks. */
export function useWorkspaceDir(prefix: string, org: string, ws: string, fullName: string): WorkspaceDir {
  let root = '';
  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), `seqera-sync-${prefix}-`));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });
  return {
    get root() {
      return root;
    },
    writeWorkspace: async (body, folder = 'workspaces') => {
      await mkdir(path.join(root, folder, org), { recursive: true });
      await writeFile(
        path.join(root, folder, org, `${ws}.yaml`),
        `name: ${ws}\nfullName: ${fullName}\n${body}`,
      );
    },
  };
}

/** The id of the emulated workspace `org/ws`, read through the API (0 when it is not there). */
export async function workspaceIdOf(api: ApiCall, org: string, ws: string): Promise<number> {
  const orgs = (await api('GET', '/orgs')).body as { organizations: { orgId: number; name: string }[] };
  const orgId = orgs.organizations.find((o) => o.name === org)?.orgId ?? 0;
  const wss = (await api('GET', `/orgs/${String(orgId)}/workspaces`)).body as {
    workspaces: { id: number; name: string }[];
  };
  return wss.workspaces.find((w) => w.name === ws)?.id ?? 0;
}
