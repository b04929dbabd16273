import { describe, expect, it } from 'vitest';
import type { Plan, PlanAction } from '../../../src/model/plan.js';
import { renderText } from '../../../src/render/text.js';
import { emptyPlan, richAddresses, richPlan } from '../../fixtures/plans/rich-plan.js';

const NO_CHANGES = 'No changes. The platform matches the configuration.';
// eslint-disable-next-line no-control-regex -- matching ANSI escapes is the point
const ANSI = /\u001b\[[0-9;]*m/;

function planWith(actions: readonly PlanAction[], extra: Partial<Plan> = {}): Plan {
  return { ...emptyPlan(), actions, ...extra };
}

const roleUpdate: PlanAction = {
  kind: 'participant',
  type: 'update',
  address: 'biocommons/ausgen/participants/sam.lee@example.edu.au',
  org: 'biocommons',
  workspace: 'ausgen',
  name: 'sam.lee@example.edu.au',
  reason: 'role differs from ausgen.yaml',
  changes: [{ field: 'role', from: 'view', to: 'maintain' }],
  dependsOn: [],
};

describe('renderText', () => {
  it('prints exactly "No changes." for an empty plan, and nothing else', () => {
    expect(renderText(emptyPlan(), { color: false })).toBe(`${NO_CHANGES}\n`);
    expect(renderText(emptyPlan(), { color: true })).toBe(`${NO_CHANGES}\n`);
  });

  it('keeps notes with "No changes."', () => {
    const out = renderText(
      { ...emptyPlan(), notes: [{ message: 'keys not compared (X not set)' }] },
      { color: false },
    );
    expect(out).toContain('keys not compared (X not set)');
    expect(out.trimEnd().endsWith(NO_CHANGES)).toBe(true);
  });

  it('never prints "No changes." when there is an action, drift or a blocked rule', () => {
    const driftOnly: Plan = {
      ...emptyPlan(),
      unmanaged: [
        {
          address: 'biocommons/ausgen/pipelines/x',
          kind: 'pipeline',
          org: 'biocommons',
          workspace: 'ausgen',
          name: 'x',
          reason: 'not declared',
        },
      ],
    };
    const blockedOnly: Plan = {
      ...emptyPlan(),
      blocked: [
        { rule: 'missingOrganization', message: 'no organization.yaml for neworg', addresses: ['neworg'] },
      ],
    };
    for (const plan of [richPlan(), planWith([roleUpdate]), driftOnly, blockedOnly]) {
      expect(renderText(plan, { color: false })).not.toContain('No changes');
    }
    expect(renderText(driftOnly, { color: false })).toContain(
      'Plan: 0 to add, 0 to change, 0 to replace, 0 to destroy. 1 unmanaged (drift).',
    );
    expect(renderText(blockedOnly, { color: false })).toMatch(/^Error: plan blocked — missingOrganization/);
  });

  it('ends with the exact summary line, without the drift part when there is none', () => {
    const lines = renderText(planWith([roleUpdate]), { color: false })
      .trimEnd()
      .split('\n');
    expect(lines.at(-1)).toBe('Plan: 0 to add, 1 to change, 0 to replace, 0 to destroy.');
    const rich = renderText(richPlan(), { color: false }).trimEnd().split('\n');
    expect(rich.at(-1)).toBe(
      'Plan: 13 to add, 9 to change, 1 to replace, 9 to destroy. 3 unmanaged (drift).',
    );
  });

  it('says where the plan runs first, then the blocked rules with the override flag and the addresses', () => {
    const out = renderText(richPlan(), { color: false });
    expect(out.split('\n').slice(0, 3)).toEqual([
      'Planning against https://seqera.example.org/api as seqera-sync (seqera-sync@biocommons.example.org), org biocommons.',
      '',
      expect.stringMatching(/^Error: plan blocked — maxDeletionRatio: /),
    ]);
    expect(out).toContain(
      '(use --allow-deletions)\n  - biocommons/ausgen/participants/former.admin@example.edu.au\n',
    );
    expect(out.indexOf('Error: plan blocked — missingVariable')).toBeLessThan(
      out.indexOf('Organization biocommons'),
    );
    expect(out).toContain('Blocked by 1 safety rule and 1 unset variable (see the top)');
  });

  it('has no ANSI codes without colour, and coloured symbols with it', () => {
    expect(renderText(richPlan(), { color: false })).not.toMatch(ANSI);
    const coloured = renderText(richPlan(), { color: true });
    expect(coloured).toContain('\u001b[32m  +\u001b[0m');
    expect(coloured).toContain('\u001b[33m  ~\u001b[0m');
    expect(coloured).toContain('\u001b[31m  -\u001b[0m');
    expect(coloured).toContain('\u001b[35m-/+\u001b[0m');
    expect(coloured).toContain('\u001b[1;31mError: plan blocked —\u001b[0m');
    // eslint-disable-next-line no-control-regex -- strip ANSI to compare with the plain rendering
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(renderText(richPlan(), { color: false }));
  });

  it('shows the fields that force a replace, the pipelines to re-point and the primary move', () => {
    const out = renderText(richPlan(), { color: false });
    expect(out).toContain(`-/+ compute environment ${richAddresses.awsSydney}\n`);
    expect(out).toContain('config.region: "ap-southeast-2" → "ap-southeast-4"   # forces replacement');
    expect(out).toContain('description: "Spot queue" → "Spot queue, Fusion v2"\n');
    expect(out).toContain('re-points pipeline rnaseq (id 101) to the new compute environment');
    expect(out).toContain('moves primary to the new compute environment');
  });

  it('names a forcing field that has no change line', () => {
    const replace: PlanAction = {
      kind: 'computeEnvironment',
      type: 'replace',
      address: 'biocommons/ausgen/computeEnvironments/ce',
      org: 'biocommons',
      workspace: 'ausgen',
      name: 'ce',
      reason: 'platform differs',
      changes: [],
      dependsOn: [],
      forcedBy: ['platform'],
    };
    expect(renderText(planWith([replace]), { color: false })).toContain('# forces replacement: platform');
  });

  it('shows the cascade of a member removal', () => {
    const out = renderText(richPlan(), { color: false });
    expect(out).toContain(
      'also removes, on the platform:\n        - biocommons/teams/ausgen-users/members/old.student@example.edu.au\n',
    );
  });

  it('renders values readably: quoted strings, objects key by key, (none), long strings around the difference', () => {
    const long = 'x'.repeat(300);
    const update: PlanAction = {
      ...roleUpdate,
      changes: [
        { field: 'description', to: 'new' },
        { field: 'config.forge', from: { maxCpus: 1 }, to: { maxCpus: 2, types: ['a'] } },
        { field: 'nextflowConfig', from: `${long}A${long}`, to: `${long}B${long}` },
        { field: 'blob', from: 1, to: 'y'.repeat(500) },
      ],
    };
    const out = renderText(planWith([update]), { color: false });
    expect(out).toContain('description: (none) → "new"');
    expect(out).toContain('config.forge: {\n        ~ maxCpus: 1 → 2\n        + types: ["a"]\n      }');
    expect(out).toContain(`nextflowConfig: "…${'x'.repeat(20)}A${'x'.repeat(79)}…" → "…${'x'.repeat(20)}B`);
    expect(out).toContain(`blob: 1 → "${'y'.repeat(100)}…"`);
    expect(out).not.toContain('y'.repeat(101));
  });

  it('shows every action and unmanaged item with its reason', () => {
    const plan = richPlan();
    const out = renderText(plan, { color: false });
    for (const item of [...plan.actions, ...plan.unmanaged]) {
      expect(out).toContain(` ${item.address}\n      # ${item.reason}\n`);
    }
  });

  it('prints org-level resources before workspaces, and workspaces by name', () => {
    const out = renderText(richPlan(), { color: false });
    const order = [
      'Organization biocommons:',
      'Workspace biocommons/ausgen:',
      'Workspace biocommons/genomics:',
      'Workspace biocommons/newcomm:',
      'Workspace biocommons/retired:',
    ].map((h) => out.indexOf(h));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((x, y) => x - y)).toEqual(order);
  });
});
