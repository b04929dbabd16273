/**
 * `seqera-sync access-report` against the emulator through the real CLI: the
 * rows and their sources, declared/unmanaged/pending, the request floor, the
 * four formats, `--previous` (granted, revoked, changed with their sources)
 * and the errors a bad `--previous` gives.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { accessReportErrors } from '../../../src/access-report/previous-report.js';
import type { AccessReport, AccessRow } from '../../../src/access-report/model.js';
import { runCli, type CliResult } from '../../helpers/cli.js';
import { apiCaller, useEmulator } from '../../helpers/emulator.js';
import {
  accessSeed,
  ALICE,
  BOT,
  HOSTILE_FULL_NAME,
  JANE,
  JOHN,
  LAB,
  ORG,
  OWNER,
  PENDING,
  writeAccessConfig,
} from './estate.js';

// The first run compiles the schemas and loads the whole CLI: slow on a busy machine.
vi.setConfig({ testTimeout: 90_000 });

const fixture = useEmulator(() => ({ seed: accessSeed() }));

let tmp = '';
beforeEach(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'access-report-'));
  await writeAccessConfig(path.join(tmp, 'workspaces'));
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

function cli(args: readonly string[]): Promise<CliResult> {
  return runCli(['access-report', '--org', ORG, '--endpoint', fixture.emu.endpoint, ...args], {
    cwd: tmp,
    env: { TOWER_ACCESS_TOKEN: 'emu-token-access' },
  });
}

async function jsonReport(args: readonly string[] = []): Promise<AccessReport> {
  const result = await cli(['--format', 'json', ...args]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as AccessReport;
}

function row(report: AccessReport, email: string, workspace: string): AccessRow | undefined {
  return report.rows.find((r) => r.email === email && r.workspace === workspace);
}

function sourcesOf(r: AccessRow | undefined): string[] {
  return (r?.sources ?? []).map(
    (s) =>
      `${s.kind === 'team' ? `team ${s.team ?? ''}` : s.kind}:${s.role}:${s.declared ? 'declared' : 'unmanaged'}`,
  );
}

describe('access-report rows', () => {
  it('gives every source of each person × workspace, the strongest role, and the org role', async () => {
    const report = await jsonReport();
    expect(accessReportErrors(report)).toEqual([]);
    const jane = row(report, JANE, 'ausgen');
    expect(jane?.role).toBe('admin');
    expect(sourcesOf(jane)).toEqual([
      'direct:launch:declared',
      'team ausgen-admins:admin:declared',
      'team launchers:launch:declared',
    ]);
    expect(jane?.status).toBe('declared');
    // John is in `launchers` on the platform, but the configuration lists only Jane (and the starter).
    expect(sourcesOf(row(report, JOHN, 'ausgen'))).toEqual(['team launchers:launch:unmanaged']);
    expect(row(report, JOHN, 'ausgen')?.status).toBe('unmanaged');
    expect(sourcesOf(row(report, JOHN, 'shared-pipelines'))).toEqual(['direct:maintain:unmanaged']);
    // A custom role is shown as it is.
    expect(row(report, LAB, 'ausgen')?.role).toBe('launcher-plus');
    const people = new Map(report.people.map((p) => [p.email, p]));
    expect(people.get(ALICE)?.orgRole).toBe('collaborator');
    expect(people.get(OWNER)?.orgRole).toBe('owner');
    expect(people.get(JOHN)?.orgRole).toBe('member');
  });

  it('gives an org owner a row in every workspace and leaves the token user out', async () => {
    const report = await jsonReport();
    for (const ws of ['ausgen', 'shared-pipelines']) {
      expect(sourcesOf(row(report, OWNER, ws))).toEqual(['org owner:owner:declared']);
    }
    expect(report.rows.some((r) => r.email === BOT)).toBe(false);
    expect(report.people.some((p) => p.email === BOT)).toBe(false);
    expect(report.tokenUser).toBe(BOT);
    expect(report.summary.owners).toBe(1);
  });

  it('shows a declared person without an account as pending, with the declared role and sources', async () => {
    const report = await jsonReport();
    const pending = row(report, PENDING, 'ausgen');
    expect(pending).toMatchObject({ pending: true, status: 'declared', role: 'maintain' });
    expect(sourcesOf(pending)).toEqual(['direct:maintain:declared', 'team launchers:launch:declared']);
    expect(report.people.find((p) => p.email === PENDING)?.pending).toBe(true);
    expect(report.summary.pending).toBe(1);
  });

  it('gives per-workspace visibility, owners/admins and counts, and a summary', async () => {
    const report = await jsonReport();
    const ausgen = report.workspaces.find((w) => w.name === 'ausgen');
    expect(ausgen).toMatchObject({
      visibility: 'private',
      owners: [OWNER],
      admins: [JANE],
      teams: ['ausgen-admins', 'launchers'],
      declared: true,
      pending: 1,
    });
    expect(report.workspaces.find((w) => w.name === 'shared-pipelines')).toMatchObject({
      visibility: 'shared',
      declared: false,
    });
    // Unmanaged: John via launchers and direct in shared, Alice, the lab manager.
    expect(report.summary.unmanagedGrants).toBe(4);
    expect(report.summary.changes).toBeNull();
  });

  it('reads at the list floor: one list per collection, no describe, no call per person', async () => {
    fixture.emu.clearRequestLog();
    await jsonReport();
    const routes = fixture.emu
      .requestLog()
      .map(
        (e) =>
          `${e.method} ${e.path.replace(/\/\d+/g, '/{id}')}${e.query.max === undefined ? '' : ` max=${e.query.max}`}`,
      )
      .sort();
    expect(routes).toEqual(
      [
        'GET /orgs',
        'GET /orgs/{id}/members max=100',
        'GET /orgs/{id}/teams max=100',
        'GET /orgs/{id}/teams/{id}/members max=100',
        'GET /orgs/{id}/teams/{id}/members max=100',
        'GET /orgs/{id}/workspaces',
        'GET /orgs/{id}/workspaces/{id}/participants max=100',
        'GET /orgs/{id}/workspaces/{id}/participants max=100',
      ].sort(),
    );
  });

  it('never shows the token, in any format, even with --verbose', async () => {
    for (const format of ['html', 'csv', 'json', 'markdown']) {
      const result = await cli(['--format', format, '--verbose']);
      expect(result.code).toBe(0);
      expect(result.stderr).toContain('GET');
      expect(result.stdout + result.stderr).not.toContain('emu-token-access');
    }
  });

  it('keeps a stable order: the same platform gives the same document but for the time', async () => {
    const a = await jsonReport();
    const b = await jsonReport();
    expect({ ...a, generatedAt: '' }).toEqual({ ...b, generatedAt: '' });
    expect(a.rows.map((r) => `${r.email} ${r.workspace}`)).toEqual(
      [...a.rows].map((r) => `${r.email} ${r.workspace}`).sort(),
    );
  });
});

describe('access-report formats', () => {
  it('writes CSV with sign-off columns', async () => {
    const result = await cli(['--format', 'csv']);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\r\n');
    expect(lines[0]).toBe(
      'email,org_role,pending,workspace,visibility,role,sources,status,reviewer,decision',
    );
    expect(lines).toContain(
      `${JANE},member,no,ausgen,private,admin,direct (launch); team ausgen-admins (admin); team launchers (launch),declared,,`,
    );
  });

  it('writes markdown for an issue and HTML with the platform text escaped', async () => {
    const md = await cli(['--format', 'markdown']);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain(`## Access review: \`${ORG}\``);
    expect(md.stdout).toContain('### Unmanaged grants');
    const html = await cli(['--format', 'html']);
    expect(html.code).toBe(0);
    expect(html.stdout).not.toContain('<script>alert(1)');
    expect(html.stdout).toContain('&#60;script&#62;alert(1)&#60;/script&#62;&#34; onmouseover=&#34;x');
    expect(HOSTILE_FULL_NAME).toContain('<script>');
  });

  it('writes each --out FILE in the format its extension names, from one read', async () => {
    fixture.emu.clearRequestLog();
    const result = await cli([
      '--out',
      'review.csv',
      '--out',
      'review.html',
      '--out',
      'review.json',
      '--out',
      'review.md',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('written to review.csv, review.html, review.json, review.md');
    expect(await readFile(path.join(tmp, 'review.csv'), 'utf8')).toMatch(/^email,org_role,/);
    expect(await readFile(path.join(tmp, 'review.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
    expect(JSON.parse(await readFile(path.join(tmp, 'review.json'), 'utf8'))).toMatchObject({
      formatVersion: '1',
    });
    expect(await readFile(path.join(tmp, 'review.md'), 'utf8')).toContain('## Access review');
    expect(fixture.emu.requestLog().filter((e) => e.path === '/orgs')).toHaveLength(1);
  });

  it('refuses an --out whose format it cannot tell, and an unknown --format, before any request', async () => {
    fixture.emu.clearRequestLog();
    const unknown = await cli(['--out', 'review.txt']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('--out review.txt: name the format with --format');
    const format = await cli(['--format', 'text']);
    expect(format.code).toBe(1);
    expect(format.stderr).toContain('--format must be one of html, csv, json, markdown');
    expect(fixture.emu.requestLog()).toEqual([]);
  });
});

describe('access-report --previous', () => {
  it('lists what was granted, revoked and changed since, with the sources', async () => {
    const first = await cli(['--format', 'json', '--out', 'previous.json']);
    expect(first.code).toBe(0);
    const api = apiCaller(fixture.emu.endpoint, fixture.emu.token);
    const orgs = (await api('GET', '/orgs')).body as { organizations: { orgId: number; name: string }[] };
    const orgId = orgs.organizations.find((o) => o.name === ORG)?.orgId ?? 0;
    const workspaces = (await api('GET', `/orgs/${orgId}/workspaces`)).body as {
      workspaces: { id: number; name: string }[];
    };
    const shared = workspaces.workspaces.find((w) => w.name === 'shared-pipelines')?.id ?? 0;
    const ausgen = workspaces.workspaces.find((w) => w.name === 'ausgen')?.id ?? 0;
    // Jane joins shared-pipelines; John's role there goes up; Alice leaves ausgen.
    const add = await api('PUT', `/orgs/${orgId}/workspaces/${shared}/participants/add`, {
      body: { userNameOrEmail: JANE },
    });
    expect(add.status).toBe(200);
    const list = async (ws: number): Promise<{ participantId: number; email: string | null }[]> =>
      (
        (await api('GET', `/orgs/${orgId}/workspaces/${ws}/participants`)).body as {
          participants: { participantId: number; email: string | null }[];
        }
      ).participants;
    const john = (await list(shared)).find((p) => p.email === JOHN)?.participantId ?? 0;
    expect(
      (
        await api('PUT', `/orgs/${orgId}/workspaces/${shared}/participants/${john}/role`, {
          body: { role: 'admin' },
        })
      ).status,
    ).toBe(204);
    const alice = (await list(ausgen)).find((p) => p.email === ALICE)?.participantId ?? 0;
    expect((await api('DELETE', `/orgs/${orgId}/workspaces/${ausgen}/participants/${alice}`)).status).toBe(
      204,
    );

    const report = await jsonReport(['--previous', 'previous.json']);
    expect(accessReportErrors(report)).toEqual([]);
    expect(report.summary.changes).toEqual({ granted: 1, revoked: 1, changed: 1 });
    expect(report.changes).toEqual([
      {
        change: 'revoked',
        email: ALICE,
        workspace: 'ausgen',
        from: 'view',
        sourcesAdded: [],
        sourcesRemoved: [{ kind: 'direct', role: 'view', declared: false }],
      },
      expect.objectContaining({ change: 'granted', email: JANE, workspace: 'shared-pipelines' }),
      {
        change: 'changed',
        email: JOHN,
        workspace: 'shared-pipelines',
        from: 'maintain',
        to: 'admin',
        sourcesAdded: [{ kind: 'direct', role: 'admin', declared: false }],
        sourcesRemoved: [{ kind: 'direct', role: 'maintain', declared: false }],
      },
    ]);
    const md = await cli(['--format', 'markdown', '--previous', 'previous.json']);
    expect(md.stdout).toContain('### Changes since the previous report');
    expect(md.stdout).toContain(
      `| changed | \`${JOHN}\` | \`shared-pipelines\` | \`maintain\` → \`admin\` |`,
    );
  });

  it.each([
    ['missing.json', null, 'cannot read --previous (no such file)'],
    ['bad.json', '{"formatVersion": "1", ', '--previous is not JSON'],
    ['plan.json', '{"formatVersion": "1", "actions": []}', '--previous is not an access report'],
    [
      'v9.json',
      '{"formatVersion": "9", "tool": "seqera-sync", "rows": []}',
      'formatVersion "9" is not supported',
    ],
    [
      'broken.json',
      '{"formatVersion": "1", "tool": "seqera-sync", "rows": [{}]}',
      '--previous is not a valid access report: (top level): must have required property',
    ],
  ])('refuses --previous %s with a clear error and sends no request', async (name, text, message) => {
    if (text !== null) await writeFile(path.join(tmp, name), text);
    fixture.emu.clearRequestLog();
    const result = await cli(['--previous', name]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(name);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(fixture.emu.requestLog()).toEqual([]);
  });

  it('refuses a report of another organisation', async () => {
    await cli(['--format', 'json', '--out', 'previous.json']);
    const doc = JSON.parse(await readFile(path.join(tmp, 'previous.json'), 'utf8')) as AccessReport;
    await writeFile(
      path.join(tmp, 'other.json'),
      JSON.stringify({ ...doc, org: { name: 'other', fullName: 'x' } }),
    );
    const result = await cli(['--previous', 'other.json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'other.json: --previous is a report of organisation "other", not "biocommons"',
    );
  });
});
