import { describe, expect, it } from 'vitest';
import { describeApplyEvent, renderApplyReport, type ApplyReport } from '../../../src/apply/index.js';
import { address } from '../../../src/model/address.js';
import {
  ORG,
  WS,
  aPlan,
  aWorld,
  credentialAction,
  memberCreate,
  participantCreate,
  secretAction,
} from './plan-fixtures.js';

const PLANTED = ['planted-Secret-Value-123', 'planted-Secret-Token-456'];

const report: ApplyReport = {
  applied: [
    { address: 'biocommons/ausgen', kind: 'workspace', type: 'update', org: ORG, workspace: WS, name: WS },
    {
      address: 'biocommons/ausgen/participants/jane@example.org',
      kind: 'participant',
      type: 'create',
      org: ORG,
      workspace: WS,
      name: 'jane@example.org',
      notes: ['adopted the existing object after a 409 conflict; no duplicate was created'],
    },
    {
      address: 'biocommons/ausgen/computeEnvironments/ce',
      kind: 'computeEnvironment',
      type: 'replace',
      org: ORG,
      workspace: WS,
      name: 'ce',
    },
    {
      address: 'biocommons/ausgen/secrets/OLD',
      kind: 'secret',
      type: 'delete',
      org: ORG,
      workspace: WS,
      name: 'OLD',
    },
  ],
  failed: [
    {
      address: 'biocommons/ausgen/credentials/aws',
      kind: 'credential',
      type: 'create',
      org: ORG,
      workspace: WS,
      name: 'aws',
      error: 'POST /credentials failed: 400 Bad Request — "Invalid"',
    },
  ],
  skipped: [
    {
      address: 'biocommons/ausgen/computeEnvironments/x',
      kind: 'computeEnvironment',
      type: 'create',
      org: ORG,
      workspace: WS,
      name: 'x',
      because: 'biocommons/ausgen/credentials/aws failed',
    },
  ],
  pending: [
    {
      address: 'biocommons/members/new@example.org',
      email: 'new@example.org',
      message: 'new@example.org has no account on the platform yet',
    },
  ],
  warnings: ['something to know'],
  requests: { total: 20, writes: 6 },
};

describe('renderApplyReport', () => {
  it('text: one line per action, warnings, and the summary line', () => {
    expect(renderApplyReport(report, { format: 'text', color: false })).toBe(
      [
        '  ~ biocommons/ausgen: updated',
        '  + biocommons/ausgen/participants/jane@example.org: created (adopted the existing object after a 409 conflict; no duplicate was created)',
        '-/+ biocommons/ausgen/computeEnvironments/ce: replaced',
        '  - biocommons/ausgen/secrets/OLD: destroyed',
        '  ✗ biocommons/ausgen/credentials/aws: create failed: POST /credentials failed: 400 Bad Request — "Invalid"',
        '  ↷ biocommons/ausgen/computeEnvironments/x: create skipped: biocommons/ausgen/credentials/aws failed',
        '  ! pending: 1 person has no account on the platform yet; the next plan adds them again once they have signed in:',
        '      biocommons/members/new@example.org',
        '',
        'Warning: something to know',
        '',
        'Apply complete: 1 added, 1 changed, 1 replaced, 1 destroyed, 1 failed, 1 skipped, 1 pending.',
        '',
      ].join('\n'),
    );
  });

  it('text with colour uses ANSI codes; without, none', () => {
    expect(renderApplyReport(report, { format: 'text', color: true })).toContain('\u001b[');
    expect(renderApplyReport(report, { format: 'text', color: false })).not.toContain('\u001b[');
  });

  it('an empty report is just the summary', () => {
    const empty: ApplyReport = {
      applied: [],
      failed: [],
      skipped: [],
      pending: [],
      warnings: [],
      requests: { total: 0, writes: 0 },
    };
    expect(renderApplyReport(empty, { format: 'text', color: false })).toBe(
      'Apply complete: 0 added, 0 changed, 0 replaced, 0 destroyed, 0 failed, 0 skipped, 0 pending.\n',
    );
  });

  it('json: formatVersion, summary and the report', () => {
    const parsed = JSON.parse(renderApplyReport(report, { format: 'json', color: true })) as Record<
      string,
      unknown
    >;
    expect(parsed['formatVersion']).toBe('1');
    expect(parsed['summary']).toEqual({
      added: 1,
      changed: 1,
      replaced: 1,
      destroyed: 1,
      failed: 1,
      skipped: 1,
      pending: 1,
    });
    expect(parsed['failed']).toEqual(report.failed);
    expect(parsed['requests']).toEqual({ total: 20, writes: 6 });
  });

  it('never contains a secret value, whatever happened to the actions that used it', async () => {
    const w = await aWorld({ unregistered: ['ghost@example.org'] });
    w.emu.scriptFault({ method: 'POST', path: '/pipeline-secrets', fault: { kind: '5xx', status: 500 } });
    w.emu.scriptFault({ method: 'POST', path: '/credentials', fault: { kind: 'lost-response' } });
    const plan = aPlan(
      [
        memberCreate('ghost@example.org'),
        participantCreate('ghost@example.org'),
        credentialAction('create'),
        secretAction('create'),
        secretAction('create', 'ANOTHER', { address: address.secret(ORG, WS, 'ANOTHER') }),
      ],
      w.liveIds,
    );
    const result = await w.apply(plan);
    expect(w.emu.pendingScriptedFaults()).toEqual([]);
    expect(result.applied.length + result.failed.length + result.pending.length + result.skipped.length).toBe(
      5,
    );
    for (const format of ['text', 'json'] as const) {
      const out = renderApplyReport(result, { format, color: false });
      for (const secret of PLANTED) expect(out).not.toContain(secret);
    }
    expect(JSON.stringify(result)).not.toContain(PLANTED[0]);
  });
});

describe('describeApplyEvent', () => {
  it('gives one plain line per event', () => {
    const base = { address: 'biocommons/ausgen/secrets/S', kind: 'secret', action: 'create' } as const;
    expect(describeApplyEvent({ ...base, type: 'started' })).toBe(
      'biocommons/ausgen/secrets/S: create started',
    );
    expect(describeApplyEvent({ ...base, type: 'finished' })).toBe('biocommons/ausgen/secrets/S: created');
    expect(describeApplyEvent({ ...base, type: 'finished', message: 'adopted' })).toBe(
      'biocommons/ausgen/secrets/S: created (adopted)',
    );
    expect(describeApplyEvent({ ...base, type: 'failed', message: 'boom' })).toBe(
      'biocommons/ausgen/secrets/S: create failed: boom',
    );
    expect(describeApplyEvent({ ...base, type: 'skipped', message: 'x failed' })).toBe(
      'biocommons/ausgen/secrets/S: create skipped: x failed',
    );
    expect(describeApplyEvent({ ...base, type: 'waiting', message: 'CREATING after 3s' })).toBe(
      'biocommons/ausgen/secrets/S: CREATING after 3s',
    );
  });
});
