import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../src/access-report/build-report.js';
import { diffRows, withChanges } from '../../../src/access-report/diff-reports.js';
import type { AccessRow } from '../../../src/access-report/model.js';
import { reviewFixture } from './fixture.js';

function r(
  email: string,
  workspace: string,
  role: string,
  sources: AccessRow['sources'],
  pending = false,
): AccessRow {
  return { email, workspace, role, sources, status: 'declared', pending };
}
const direct = (role: string): AccessRow['sources'][number] => ({ kind: 'direct', role, declared: true });
const team = (name: string, role: string): AccessRow['sources'][number] => ({
  kind: 'team',
  team: name,
  role,
  declared: false,
});

describe('diffRows', () => {
  it('reports granted, revoked and changed rows with the sources that moved', () => {
    const before = [
      r('a@x.org', 'ws', 'launch', [direct('launch')]),
      r('b@x.org', 'ws', 'view', [direct('view')]),
    ];
    const after = [
      r('a@x.org', 'ws', 'admin', [direct('launch'), team('admins', 'admin')]),
      r('c@x.org', 'ws', 'launch', [direct('launch')]),
    ];
    expect(diffRows(before, after)).toEqual([
      {
        change: 'changed',
        email: 'a@x.org',
        workspace: 'ws',
        from: 'launch',
        to: 'admin',
        sourcesAdded: [team('admins', 'admin')],
        sourcesRemoved: [],
      },
      {
        change: 'revoked',
        email: 'b@x.org',
        workspace: 'ws',
        from: 'view',
        sourcesAdded: [],
        sourcesRemoved: [direct('view')],
      },
      {
        change: 'granted',
        email: 'c@x.org',
        workspace: 'ws',
        to: 'launch',
        sourcesAdded: [direct('launch')],
        sourcesRemoved: [],
      },
    ]);
  });

  it('reports the same role reached through another source as a change', () => {
    const changes = diffRows(
      [r('a@x.org', 'ws', 'launch', [direct('launch')])],
      [r('a@x.org', 'ws', 'launch', [team('t', 'launch')])],
    );
    expect(changes).toMatchObject([{ change: 'changed', from: 'launch', to: 'launch' }]);
  });

  it('ignores pending rows: an account appearing is a grant, not a change', () => {
    const pending = r('p@x.org', 'ws', 'launch', [direct('launch')], true);
    expect(diffRows([pending], [pending])).toEqual([]);
    expect(diffRows([pending], [{ ...pending, pending: false }])).toMatchObject([{ change: 'granted' }]);
  });

  it('reports nothing for identical reports', () => {
    const { live, declared } = reviewFixture();
    const report = buildReport(live, declared, { generatedAt: '2026-12-07T00:00:00.000Z', endpoint: 'e' });
    const again = withChanges(report, report);
    expect(again.changes).toEqual([]);
    expect(again.summary.changes).toEqual({ granted: 0, revoked: 0, changed: 0 });
    expect(again.previousGeneratedAt).toBe(report.generatedAt);
  });
});
