import { describe, expect, it } from 'vitest';
import type { DesiredWorkspace } from '../../../src/model/desired.js';
import {
  aDesiredOrg,
  aDesiredState,
  aDesiredWorkspace,
  aPlannerContext,
  anActualOrg,
  anActualState,
  anActualWorkspace,
  aUserParticipant,
  actualFromDesired,
  anActualComputeEnv,
  anActualCredential,
  anActualPipeline,
  anActualSecret,
  anActualUserParticipant,
} from '../../helpers/builders.js';
import { actionAt, driftAddresses, noteMessages, plan, rules, summary } from './plan-kit.js';

const ALLOW_ORG_CREATION = aPlannerContext({ options: { allowOrgCreation: true } });

describe('organisations (SPEC 4.1)', () => {
  it('blocks creating an organisation without --allow-org-creation, with "did you mean" against visible ones', () => {
    const desired = aDesiredState(
      aDesiredOrg({ name: 'biocomons', workspaces: [aDesiredWorkspace({ name: 'ausgen' })] }),
    );
    const live = { ...anActualState(), visibleOrgs: ['biocommons', 'marine'] };
    const p = plan(desired, live);
    expect(p.actions).toEqual([]);
    expect(p.blocked).toEqual([
      {
        rule: 'organizationCreation',
        message:
          'organisation biocomons does not exist on the platform (did you mean biocommons?): check the folder name, or create it',
        addresses: ['biocomons', 'biocomons/ausgen'],
        override: '--allow-org-creation',
      },
    ]);
  });

  it('says "did you mean" for an org that has no file either, and nothing when no name is close', () => {
    const missing = aDesiredState(aDesiredOrg({ name: 'biocomons', hasFile: false }));
    const close = plan(missing, { ...anActualState(), visibleOrgs: ['biocommons'] });
    expect(close.blocked[0]?.message).toContain('(did you mean biocommons?)');
    const far = plan(missing, { ...anActualState(), visibleOrgs: ['marine-omics'] });
    expect(far.blocked[0]?.message).not.toContain('did you mean');
  });

  it('creates an org that has a file, then everything inside it', () => {
    const desired = aDesiredState(
      aDesiredOrg({
        fullName: 'BioCommons',
        members: [],
        workspaces: [aDesiredWorkspace({ participants: [aUserParticipant('a@x.org')] })],
      }),
    );
    const p = plan(desired, anActualState(), ALLOW_ORG_CREATION);
    expect(summary(p)).toEqual([
      'create biocommons',
      'create biocommons/ausgen',
      'create biocommons/ausgen/participants/a@x.org',
    ]);
    expect(actionAt(p, 'biocommons')).toMatchObject({
      kind: 'organization',
      desired: { name: 'biocommons', fullName: 'BioCommons' },
    });
    expect(actionAt(p, 'biocommons/ausgen').dependsOn).toEqual(['biocommons']);
    expect(p.blocked).toEqual([]);
  });

  it('uses the name as full name when the file declares none', () => {
    const p = plan(aDesiredState(aDesiredOrg()), anActualState(), ALLOW_ORG_CREATION);
    expect(actionAt(p, 'biocommons')).toMatchObject({
      desired: { name: 'biocommons', fullName: 'biocommons' },
    });
  });

  it('blocks a workspace file for an org that has neither a file nor a platform org, naming the missing file', () => {
    const desired = aDesiredState(
      aDesiredOrg({
        hasFile: false,
        source: { file: 'workspaces/neworg', line: 1, column: 1, pointer: '' },
        workspaces: [aDesiredWorkspace()],
      }),
    );
    const p = plan(desired, anActualState());
    expect(p.actions).toEqual([]);
    expect(p.blocked).toHaveLength(1);
    expect(p.blocked[0]).toMatchObject({
      rule: 'missingOrganization',
      addresses: ['biocommons', 'biocommons/ausgen'],
    });
    expect(p.blocked[0]?.message).toContain('workspaces/neworg/organization.yaml');
  });

  it.each([
    ['fullName', { fullName: 'New' }, [{ field: 'fullName', from: 'biocommons full name', to: 'New' }]],
    ['description', { description: 'About' }, [{ field: 'description', from: undefined, to: 'About' }]],
  ])('updates %s in place when the file declares it', (_field, overrides, changes) => {
    const p = plan(aDesiredState(aDesiredOrg(overrides)), anActualState(anActualOrg()));
    expect(summary(p)).toEqual(['update biocommons']);
    expect(actionAt(p, 'biocommons').changes).toEqual(changes);
  });

  it('leaves org fields the file does not declare alone, and an org without a file is never updated', () => {
    const live = anActualState(anActualOrg({ fullName: 'Something', description: 'Else' }));
    expect(plan(aDesiredState(aDesiredOrg()), live).actions).toEqual([]);
    expect(plan(aDesiredState(aDesiredOrg({ hasFile: false, fullName: 'X' })), live).actions).toEqual([]);
  });

  it('records the org id in liveIds and never deletes an org', () => {
    const p = plan(aDesiredState(aDesiredOrg()), anActualState(anActualOrg({ orgId: 42 })));
    expect(p.liveIds['biocommons']).toBe(42);
    expect(p.actions).toEqual([]);
  });
});

describe('workspaces (SPEC 4.1, 4.4)', () => {
  const org = (ws: ReturnType<typeof aDesiredWorkspace>[]) => aDesiredState(aDesiredOrg({ workspaces: ws }));
  const liveOrg = (...ws: ReturnType<typeof anActualWorkspace>[]) =>
    anActualState(anActualOrg({ workspaces: ws }));

  it('creates a missing workspace with all four fields', () => {
    const p = plan(org([aDesiredWorkspace({ description: 'D', visibility: 'shared' })]), liveOrg());
    expect(actionAt(p, 'biocommons/ausgen')).toMatchObject({
      type: 'create',
      dependsOn: [],
      desired: { name: 'ausgen', fullName: 'ausgen full name', description: 'D', visibility: 'shared' },
    });
  });

  it.each<[string, Partial<Pick<DesiredWorkspace, 'fullName' | 'description' | 'visibility'>>, string]>([
    ['fullName', { fullName: 'New name' }, 'fullName'],
    ['description', { description: 'New' }, 'description'],
    ['visibility', { visibility: 'shared' }, 'visibility'],
  ])('updates %s in place and always carries the full set', (_f, overrides, field) => {
    const live = anActualWorkspace({ id: 7, description: 'Old', visibility: 'private' });
    const p = plan(org([aDesiredWorkspace(overrides)]), liveOrg(live));
    const action = actionAt(p, 'biocommons/ausgen');
    expect(action.type).toBe('update');
    expect(action.changes.map((c) => c.field)).toEqual([field]);
    expect(action).toMatchObject({
      desired: {
        name: 'ausgen',
        fullName: overrides.fullName ?? 'ausgen full name',
        description: overrides.description ?? 'Old',
        visibility: overrides.visibility ?? 'private',
      },
      current: { id: 7 },
    });
  });

  it('keeps SHARED when only the description changes', () => {
    const live = anActualWorkspace({ visibility: 'shared' });
    const p = plan(org([aDesiredWorkspace({ visibility: 'shared', description: 'x' })]), liveOrg(live));
    expect(actionAt(p, 'biocommons/ausgen')).toMatchObject({ desired: { visibility: 'shared' } });
  });

  it('matches a live workspace without description when the file declares none', () => {
    expect(plan(org([aDesiredWorkspace()]), liveOrg(anActualWorkspace())).actions).toEqual([]);
  });

  it('treats a renamed workspace as new and notes the unmanaged namesake', () => {
    const p = plan(
      org([aDesiredWorkspace({ name: 'ausgen2', fullName: 'AusGen' })]),
      liveOrg(anActualWorkspace({ name: 'ausgen', fullName: 'AusGen' })),
    );
    expect(summary(p)).toEqual(['create biocommons/ausgen2']);
    expect(driftAddresses(p)).toEqual(['biocommons/ausgen']);
    expect(noteMessages(p).join()).toContain('renaming creates a new workspace');
  });

  it('reports workspaces without a file as unmanaged and never deletes them', () => {
    const p = plan(org([]), liveOrg(anActualWorkspace({ name: 'other' })));
    expect(p.actions).toEqual([]);
    expect(p.unmanaged).toEqual([
      expect.objectContaining({ address: 'biocommons/other', kind: 'workspace', workspace: 'other' }),
    ]);
  });

  it('deletes a workspace only with state: absent and --allow-workspace-deletion', () => {
    const desired = org([aDesiredWorkspace({ state: 'absent' })]);
    const live = liveOrg(anActualWorkspace());
    const blocked = plan(desired, live);
    expect(summary(blocked)).toEqual(['delete biocommons/ausgen']);
    expect(blocked.blocked).toEqual([
      expect.objectContaining({
        rule: 'workspaceDeletion',
        override: '--allow-workspace-deletion',
        addresses: ['biocommons/ausgen'],
      }),
    ]);
    const allowed = plan(desired, live, aPlannerContext({ options: { allowWorkspaceDeletion: true } }));
    expect(summary(allowed)).toEqual(['delete biocommons/ausgen']);
    expect(allowed.blocked).toEqual([]);
    expect(allowed.options.allowWorkspaceDeletion).toBe(true);
  });

  it('names what goes with a deleted workspace, and says the flag once', () => {
    const desired = org([aDesiredWorkspace({ state: 'absent' })]);
    const live = liveOrg(
      anActualWorkspace({
        participants: [anActualUserParticipant('b@x.org'), anActualUserParticipant('a@x.org')],
        credentials: [anActualCredential({ name: 'aws' })],
        computeEnvironments: [anActualComputeEnv({ name: 'spot' })],
        pipelines: [anActualPipeline({ name: 'rnaseq' })],
        secrets: [anActualSecret('LICENSE')],
      }),
    );
    const p = plan(desired, live);
    expect(actionAt(p, 'biocommons/ausgen')).toMatchObject({
      cascade: [
        'biocommons/ausgen/participants/a@x.org',
        'biocommons/ausgen/participants/b@x.org',
        'biocommons/ausgen/credentials/aws',
        'biocommons/ausgen/computeEnvironments/spot',
        'biocommons/ausgen/pipelines/rnaseq',
        'biocommons/ausgen/secrets/LICENSE',
      ],
    });
    expect(p.blocked[0]?.message).not.toContain('--allow-workspace-deletion');
  });

  it('plans nothing for state: absent when the workspace does not exist', () => {
    const p = plan(org([aDesiredWorkspace({ state: 'absent' })]), liveOrg());
    expect(p.actions).toEqual([]);
    expect(p.blocked).toEqual([]);
  });

  it('does not plan a workspace deletion through prune', () => {
    const desired = aDesiredState(
      aDesiredOrg({
        policy: { ...aDesiredOrg().policy, prune: { ...aDesiredOrg().policy.prune, members: true } },
      }),
    );
    const p = plan(desired, liveOrg(anActualWorkspace()));
    expect(p.actions).toEqual([]);
  });
});

describe('--workspace filter and scope', () => {
  const desired = aDesiredState(
    aDesiredOrg({
      fullName: 'New',
      members: [],
      teams: [],
      workspaces: [
        aDesiredWorkspace({ name: 'a', fullName: 'A!' }),
        aDesiredWorkspace({ name: 'b', fullName: 'B!' }),
      ],
    }),
    aDesiredOrg({ name: 'other', workspaces: [aDesiredWorkspace({ name: 'c' })] }),
  );
  const live = anActualState(
    anActualOrg({
      members: [],
      teams: [],
      workspaces: [
        anActualWorkspace({ name: 'a' }),
        anActualWorkspace({ name: 'b' }),
        anActualWorkspace({ name: 'z' }),
      ],
    }),
  );

  it('plans everything without a filter and lists the scope', () => {
    const p = plan(desired, live);
    expect(p.scope).toEqual({
      orgs: ['biocommons', 'other'],
      workspaces: ['biocommons/a', 'biocommons/b', 'other/c'],
    });
    expect(summary(p)).toContain('update biocommons');
    expect(driftAddresses(p)).toEqual(['biocommons/z']);
  });

  it('plans only the filtered workspaces, no org-level updates, members or teams, and no other drift', () => {
    const p = plan(desired, live, aPlannerContext({ workspaceFilter: ['biocommons/b'] }));
    expect(p.scope).toEqual({ orgs: ['biocommons'], workspaces: ['biocommons/b'] });
    expect(summary(p)).toEqual(['update biocommons/b']);
    expect(p.unmanaged).toEqual([]);
  });

  it('still creates a missing org for a filtered workspace', () => {
    const p = plan(
      desired,
      live,
      aPlannerContext({ workspaceFilter: ['other/c'], options: { allowOrgCreation: true } }),
    );
    expect(summary(p)).toEqual(['create other', 'create other/c']);
  });

  it('names only the filtered workspaces when their org is missing', () => {
    const missing = aDesiredState(
      aDesiredOrg({
        hasFile: false,
        workspaces: [aDesiredWorkspace({ name: 'a' }), aDesiredWorkspace({ name: 'b' })],
      }),
    );
    const p = plan(missing, anActualState(), aPlannerContext({ workspaceFilter: ['biocommons/b'] }));
    expect(p.blocked.map((b) => b.addresses)).toEqual([['biocommons', 'biocommons/b']]);
  });

  it('reports an unmanaged workspace the filter names', () => {
    const p = plan(desired, live, aPlannerContext({ workspaceFilter: ['biocommons/z'] }));
    expect(p.actions).toEqual([]);
    expect(driftAddresses(p)).toEqual(['biocommons/z']);
  });

  it('is empty for identical state', () => {
    const p = plan(desired, actualFromDesired(desired));
    expect(p.actions).toEqual([]);
    expect(p.unmanaged).toEqual([]);
    expect(rules(p)).toEqual([]);
  });
});
