import { afterEach, describe, expect, it } from 'vitest';
import { applySucceeded } from '../../../src/apply/types.js';
import { actionsOf, startHarness, usersSeed, type Harness } from './harness.js';
import { PEOPLE, ausgen, emptyOrgSeed, estate, other } from './estate.js';
import { aUserParticipant } from '../../helpers/builders.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

describe('failures, pending people and single sign-on against the emulator', () => {
  it('a failure in one workspace does not stop another; only dependents are skipped', async () => {
    harness = await startHarness({ seed: emptyOrgSeed(), failComputeEnvs: (name) => name === 'aws-sydney' });
    const report = await harness.apply(await harness.plan(estate()));
    expect(report.failed.map((f) => f.address)).toEqual(['biocommons/ausgen/computeEnvironments/aws-sydney']);
    // The CE's primary flag is part of its (failed) create: only the pipeline that uses it is skipped.
    expect(report.skipped.map((s) => s.address).sort()).toEqual(['biocommons/ausgen/pipelines/rnaseq']);
    expect(report.applied.map((a) => a.address)).toEqual(
      expect.arrayContaining([
        'biocommons/other',
        'biocommons/other/participants/carol@example.org',
        'biocommons/other/secrets/OTHER_SECRET',
        'biocommons/ausgen/secrets/SENTIEON_LICENSE',
        'biocommons/ausgen/credentials/aws-main',
      ]),
    );
    expect(applySucceeded(report)).toBe(false);
    // What is left is exactly what failed or was skipped.
    expect(actionsOf(await harness.plan(estate()))).toEqual([
      'create biocommons/ausgen/computeEnvironments/aws-sydney',
      'create biocommons/ausgen/pipelines/rnaseq',
    ]);
  });

  it('people who never signed in are pending: a warning, and the next plan adds them again', async () => {
    harness = await startHarness({
      seed: {
        users: usersSeed(...PEOPLE),
        orgs: [{ name: 'biocommons', fullName: 'Australian BioCommons' }],
      },
    });
    const desired = estate([
      ausgen(),
      other({
        participants: [
          aUserParticipant('carol@example.org', 'view'),
          aUserParticipant('newbie@example.org', 'view'),
        ],
      }),
    ]);
    const report = await harness.apply(await harness.plan(desired));
    expect(report.failed).toEqual([]);
    expect(report.pending.map((p) => p.email)).toEqual(['newbie@example.org']);
    expect(applySucceeded(report)).toBe(true);
    expect(actionsOf(await harness.plan(desired))).toEqual([
      'create biocommons/other/participants/newbie@example.org',
    ]);
  });

  it('an SSO org refusing a collaborator is reported as that, not as "already there"', async () => {
    harness = await startHarness({
      seed: {
        users: usersSeed(...PEOPLE),
        orgs: [{ name: 'biocommons', fullName: 'Australian BioCommons', sso: true }],
      },
    });
    const report = await harness.apply(await harness.plan(estate()));
    expect(report.failed.map((f) => [f.address, f.error.split(' (409')[0]])).toEqual([
      [
        'biocommons/ausgen/participants/bob@example.org',
        'the organisation uses single sign-on and refuses collaborators: add bob@example.org as an org member first',
      ],
      [
        'biocommons/other/participants/carol@example.org',
        'the organisation uses single sign-on and refuses collaborators: add carol@example.org as an org member first',
      ],
    ]);
  });
});
