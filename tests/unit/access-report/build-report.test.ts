import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../src/access-report/build-report.js';
import { declaredAccess, NOTHING_DECLARED } from '../../../src/access-report/declared-access.js';
import type { LiveAccess } from '../../../src/access-report/live-access.js';
import type { AccessRow } from '../../../src/access-report/model.js';
import { strongestRole } from '../../../src/access-report/roles.js';
import { DEFAULT_POLICY, NO_IGNORE, NO_PRUNE } from '../../../src/config/normalise-policy.js';
import type { DesiredOrg } from '../../../src/model/desired.js';
import { BOT, reviewFixture } from './fixture.js';

const OPTIONS = { generatedAt: '2026-12-07T00:00:00.000Z', endpoint: 'https://api.example.org' };
const SOURCE = { file: 'x.yaml', line: 1, column: 1, pointer: '' };

function row(rows: readonly AccessRow[], email: string, ws: string): AccessRow | undefined {
  return rows.find((r) => r.email === email && r.workspace === ws);
}

function labels(r: AccessRow | undefined): string[] {
  return (r?.sources ?? []).map(
    (s) => `${s.kind}${s.team === undefined ? '' : ` ${s.team}`}=${s.role}${s.declared ? '' : '!'}`,
  );
}

describe('strongestRole', () => {
  it('ranks the built-in roles and puts custom roles below them', () => {
    expect(strongestRole(['launch', 'admin', 'view'])).toBe('admin');
    expect(strongestRole(['launcher-plus', 'view'])).toBe('view');
    expect(strongestRole(['zeta', 'alpha'])).toBe('alpha');
  });
});

describe('buildReport', () => {
  const { live, declared } = reviewFixture();
  const report = buildReport(live, declared, OPTIONS);

  it('takes the strongest role and lists every source, org owner first, then direct, then teams', () => {
    const jane = row(report.rows, 'jane.citizen@example.edu.au', 'ausgen');
    expect(jane?.role).toBe('admin');
    expect(labels(jane)).toEqual(['direct=launch', 'team ausgen-admins=admin', 'team launchers=launch']);
    expect(labels(row(report.rows, 'olga.owner@example.org', 'shared-pipelines'))).toEqual([
      'org owner=owner',
    ]);
  });

  it('gives org owners a row in every workspace and leaves the token user out', () => {
    expect(report.rows.filter((r) => r.email === 'olga.owner@example.org')).toHaveLength(4);
    expect(report.rows.some((r) => r.email === BOT)).toBe(false);
    expect(report.tokenUser).toBe(BOT);
    expect(report.summary.owners).toBe(1);
  });

  it('marks what the configuration does not grant as unmanaged, per source and per row', () => {
    // Priya is in `launchers` on the platform; the configuration lists only Jane and John.
    expect(labels(row(report.rows, 'priya.analyst@example.edu.au', 'ausgen'))).toEqual([
      'team launchers=launch!',
    ]);
    expect(row(report.rows, 'priya.analyst@example.edu.au', 'ausgen')?.status).toBe('unmanaged');
    expect(row(report.rows, 'wei.chen@example.edu.au', 'ausgen-dev')?.status).toBe('declared');
    const unmanaged = report.rows.flatMap((r) => r.sources.filter((s) => !s.declared));
    expect(report.summary.unmanagedGrants).toBe(unmanaged.length);
  });

  it('shows people with no account as pending, with the declared role', () => {
    const starter = row(report.rows, 'new.starter@example.edu.au', 'ausgen');
    expect(starter).toMatchObject({ pending: true, status: 'declared', role: 'maintain' });
    expect(report.people.find((p) => p.email === 'new.starter@example.edu.au')).toMatchObject({
      pending: true,
      orgRole: 'collaborator',
    });
    expect(report.workspaces.find((w) => w.name === 'ausgen')?.pending).toBe(1);
  });

  it('takes a collaborator’s org role from the participant rows, and keeps custom roles as they are', () => {
    expect(report.people.find((p) => p.email === 'alice.outsider@example.com')?.orgRole).toBe('collaborator');
    expect(row(report.rows, 'lab.manager@example.edu.au', 'ausgen')?.role).toBe('launcher-plus');
  });

  it('adds no rows for a shared workspace beyond its participants and owners', () => {
    const shared = report.rows.filter((r) => r.workspace === 'shared-pipelines').map((r) => r.email);
    expect(shared).toEqual(['olga.owner@example.org', 'priya.analyst@example.edu.au']);
    expect(report.workspaces.find((w) => w.name === 'shared-pipelines')).toMatchObject({
      visibility: 'shared',
      declared: false,
      owners: ['olga.owner@example.org'],
    });
  });

  it('sorts rows by email then workspace, and people by email', () => {
    const keys = report.rows.map((r) => `${r.email}\u0000${r.workspace}`);
    expect(keys).toEqual([...keys].sort());
    const emails = report.people.map((p) => p.email);
    expect(emails).toEqual([...emails].sort());
  });

  it('with nothing declared, every row is unmanaged and nobody is pending', () => {
    const bare = buildReport(live, NOTHING_DECLARED, OPTIONS);
    expect(bare.rows.every((r) => r.status === 'unmanaged' && !r.pending)).toBe(true);
  });
});

describe('declaredAccess', () => {
  const live: LiveAccess = {
    org: { name: 'o', fullName: 'O' },
    tokenMemberId: undefined,
    members: [{ memberId: 1, email: 'a@example.org', role: 'member' }],
    teams: [{ name: 'sso-team', members: [{ email: 'a@example.org', orgRole: 'member' }] }],
    workspaces: [
      {
        name: 'ws',
        fullName: 'WS',
        visibility: 'private',
        participants: [{ kind: 'team', team: 'sso-team', role: 'launch' }],
      },
    ],
  };
  const org = (teams: DesiredOrg['teams']): DesiredOrg => ({
    name: 'o',
    hasFile: true,
    ...(teams === undefined ? {} : { teams }),
    policy: DEFAULT_POLICY,
    ignore: NO_IGNORE,
    source: SOURCE,
    workspaces: [
      {
        org: 'o',
        name: 'ws',
        fullName: 'WS',
        visibility: 'private',
        state: 'present',
        prune: NO_PRUNE,
        ignore: NO_IGNORE,
        maintainers: [],
        participants: [{ type: 'team', team: 'sso-team', role: 'launch', source: SOURCE }],
        source: SOURCE,
      },
    ],
  });

  it('covers every member of a declared team whose membership the configuration does not manage', () => {
    const idp = buildReport(live, declaredAccess(org([{ name: 'sso-team', source: SOURCE }])), OPTIONS);
    expect(idp.rows[0]?.status).toBe('declared');
    const listed = buildReport(
      live,
      declaredAccess(org([{ name: 'sso-team', members: [], source: SOURCE }])),
      OPTIONS,
    );
    expect(listed.rows[0]?.status).toBe('unmanaged');
  });
});
