/**
 * `scopeChange`: which workspaces a change touches, by content, and the
 * safety settings it is judged by (the base's), with the change's own
 * settings listed as policy changes.
 */
import { describe, expect, it } from 'vitest';
import { scopeChange, workspacesLeftOut } from '../../../src/config/change-scope.js';
import { coversOrgLevel, coversWorkspace } from '../../../src/model/selection.js';
import {
  aDesiredOrg,
  aDesiredState,
  aDesiredWorkspace,
  aPolicy,
  aSource,
  aUserParticipant,
  ignoreLists,
  pruneSetting,
} from '../../helpers/builders.js';

const alpha = aDesiredWorkspace({
  name: 'alpha',
  participants: [aUserParticipant('a@example.org', 'admin')],
});
const beta = aDesiredWorkspace({ name: 'beta' });
const base = aDesiredState(aDesiredOrg({ workspaces: [alpha, beta] }));

describe('scopeChange', () => {
  it('selects only a workspace whose declarations changed; positions and comments do not count', () => {
    const moved = { ...beta, source: aSource('workspaces/biocommons/beta.yaml', 40) };
    const edited = { ...alpha, participants: [aUserParticipant('a@example.org', 'owner')] };
    const change = scopeChange(base, aDesiredState(aDesiredOrg({ workspaces: [edited, moved] })));
    expect(coversWorkspace(change.selection, 'biocommons', 'alpha')).toBe(true);
    expect(coversWorkspace(change.selection, 'biocommons', 'beta')).toBe(false);
    expect(coversOrgLevel(change.selection, 'biocommons')).toBe(false);
    expect(change.files).toEqual([{ file: 'workspaces/biocommons/alpha.yaml', change: 'changed' }]);
    expect(workspacesLeftOut(change.desired, change.selection)).toBe(1);
  });

  it('selects the whole organisation when its file changed, and a new organisation whole', () => {
    const renamed = aDesiredOrg({ fullName: 'BioCommons', workspaces: [alpha, beta] });
    const newOrg = aDesiredOrg({ name: 'newcomers', workspaces: [aDesiredWorkspace({ name: 'first' })] });
    const change = scopeChange(base, aDesiredState(renamed, newOrg));
    expect(coversOrgLevel(change.selection, 'biocommons')).toBe(true);
    expect(coversOrgLevel(change.selection, 'newcomers')).toBe(true);
    expect(workspacesLeftOut(change.desired, change.selection)).toBe(0);
  });

  it('keeps the base safety settings in force and lists what the change would set', () => {
    const raised = aDesiredOrg({
      policy: aPolicy({ maxDeletions: 50, prune: pruneSetting({ participants: true }) }),
      ignore: ignoreLists({ members: ['helpdesk@example.org'] }),
      workspaces: [
        { ...alpha, prune: pruneSetting({ participants: true, secrets: true }) },
        { ...beta, prune: pruneSetting({ participants: true }) },
      ],
    });
    const change = scopeChange(base, aDesiredState(raised));
    const org = change.desired.orgs[0]!;
    expect(org.policy).toEqual(base.orgs[0]!.policy);
    expect(org.ignore).toEqual(base.orgs[0]!.ignore);
    expect(org.workspaces.map((ws) => ws.prune)).toEqual([pruneSetting(false), pruneSetting(false)]);
    // beta follows its organisation both before and after: only the organisation file's change is listed.
    expect(change.policyChanges).toEqual([
      {
        file: 'workspaces/biocommons/alpha.yaml',
        setting: 'prune.secrets',
        from: 'off',
        to: 'on',
      },
      {
        file: 'workspaces/biocommons/organization.yaml',
        setting: 'ignore.members',
        from: '(none)',
        to: '[helpdesk@example.org]',
      },
      {
        file: 'workspaces/biocommons/organization.yaml',
        setting: 'policy.maxDeletions',
        from: '10',
        to: '50',
      },
      {
        file: 'workspaces/biocommons/organization.yaml',
        setting: 'policy.prune.participants',
        from: 'off',
        to: 'on',
      },
    ]);
  });

  it("gives a new workspace its base organisation's settings, not its own", () => {
    const gamma = aDesiredWorkspace({ name: 'gamma', prune: pruneSetting(true) });
    const change = scopeChange(base, aDesiredState(aDesiredOrg({ workspaces: [alpha, beta, gamma] })));
    expect(change.desired.orgs[0]!.workspaces[2]!.prune).toEqual(pruneSetting(false));
    expect(change.policyChanges.map((c) => c.setting)).toContain('prune.participants');
    expect(change.files).toEqual([{ file: 'workspaces/biocommons/gamma.yaml', change: 'added' }]);
  });

  it('lists a removed file, and a rename when an added file has the same content', () => {
    const renamed = { ...beta, name: 'beta-two', source: aSource('workspaces/biocommons/beta-two.yaml') };
    const change = scopeChange(base, aDesiredState(aDesiredOrg({ workspaces: [renamed] })));
    expect(change.files).toEqual([
      { file: 'workspaces/biocommons/alpha.yaml', change: 'removed' },
      {
        file: 'workspaces/biocommons/beta-two.yaml',
        change: 'added',
      },
      {
        file: 'workspaces/biocommons/beta.yaml',
        change: 'removed',
        renamedTo: 'workspaces/biocommons/beta-two.yaml',
      },
    ]);
    expect(coversWorkspace(change.selection, 'biocommons', 'beta-two')).toBe(true);
    expect(coversWorkspace(change.selection, 'biocommons', 'alpha')).toBe(false);
  });
});
