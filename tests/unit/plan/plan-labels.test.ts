/** The labels planner with pure data: desired + live labels → actions, drift and blocks. */
import { describe, expect, it } from 'vitest';
import type { ActualLabel, DesiredLabel } from '../../../src/kinds/labels/model.js';
import {
  aDesiredOrg,
  aDesiredState,
  aDesiredWorkspace,
  aSource,
  anActualOrg,
  anActualState,
  anActualWorkspace,
  ignoreLists,
  pruneSetting,
} from '../../helpers/builders.js';
import { actionAt, driftAddresses, plan, rules, summary } from './plan-kit.js';

const L = (name: string): string => `biocommons/ausgen/labels/${name}`;

function simple(name: string): DesiredLabel {
  return { name, resource: false, isDefault: false, source: aSource(undefined, 30) };
}

function resource(name: string, value: string, isDefault = false): DesiredLabel {
  return { name, value, resource: true, isDefault, source: aSource(undefined, 31) };
}

let nextId = 100;
function live(label: Omit<ActualLabel, 'id'>): ActualLabel {
  return { id: nextId++, ...label };
}

function state(
  labels: DesiredLabel[] | undefined,
  liveLabels: ActualLabel[] | undefined,
  more: { prune?: boolean; ignore?: string[]; workspaceExists?: boolean } = {},
) {
  const desired = aDesiredState(
    aDesiredOrg({
      workspaces: [
        aDesiredWorkspace({
          ...(labels === undefined ? {} : { labels }),
          prune: pruneSetting({ labels: more.prune ?? false }),
          ignore: ignoreLists({ labels: more.ignore ?? [] }),
        }),
      ],
    }),
  );
  const actual = anActualState(
    anActualOrg({
      workspaces:
        more.workspaceExists === false
          ? []
          : [anActualWorkspace(liveLabels === undefined ? {} : { labels: liveLabels })],
    }),
  );
  return [desired, actual] as const;
}

describe('workspace labels', () => {
  it('creates the declared labels that are missing, showing what a resource label carries', () => {
    const [desired, actual] = state([simple('rnaseq'), resource('project', 'ausgen', true)], []);
    const p = plan(desired, actual);
    expect(summary(p)).toEqual([`create ${L('project')}`, `create ${L('rnaseq')}`]);
    expect(actionAt(p, L('rnaseq')).changes).toEqual([]);
    expect(actionAt(p, L('project')).changes).toEqual([
      { field: 'default', to: true },
      { field: 'resource', to: true },
      { field: 'value', to: 'ausgen' },
    ]);
  });

  it('plans nothing when the platform has the labels as declared', () => {
    const [desired, actual] = state(
      [simple('rnaseq'), resource('project', 'ausgen', true)],
      [
        live({ name: 'rnaseq', resource: false, isDefault: false }),
        live({ name: 'project', value: 'ausgen', resource: true, isDefault: true }),
      ],
    );
    const p = plan(desired, actual);
    expect(p.actions).toEqual([]);
    expect(p.unmanaged).toEqual([]);
  });

  it('updates a changed value and default flag in place', () => {
    const current = live({ name: 'project', value: 'old', resource: true, isDefault: false });
    const [desired, actual] = state([resource('project', 'ausgen', true)], [current]);
    const p = plan(desired, actual);
    expect(summary(p)).toEqual([`update ${L('project')}`]);
    const action = actionAt(p, L('project'));
    expect(action.changes).toEqual([
      { field: 'default', from: false, to: true },
      { field: 'value', from: 'old', to: 'ausgen' },
    ]);
    expect(action.reason).toBe('default, value differ from the platform');
    expect(action.kind === 'label' ? action.current?.id : undefined).toBe(current.id);
  });

  it('blocks a change between simple and resource, which the platform cannot update', () => {
    const [desired, actual] = state(
      [resource('rnaseq', 'x1')],
      [live({ name: 'rnaseq', resource: false, isDefault: false })],
    );
    const p = plan(desired, actual);
    expect(p.actions).toEqual([]);
    expect(rules(p)).toEqual(['immutableLabel']);
    expect(p.blocked[0]?.message).toMatch(
      /^workspaces\/biocommons\/ausgen\.yaml:31: label rnaseq is a simple label on the platform but declared as a resource label/,
    );
    expect(p.blocked[0]?.addresses).toEqual([L('rnaseq')]);
  });

  it('blocks a new value for a label whose value is dynamic, but lets its default flag change', () => {
    const dynamic = live({
      name: 'run',
      value: '${workflowId}',
      resource: true,
      isDefault: false,
      dynamic: true,
    });
    const [desired, actual] = state([resource('run', 'fixed')], [dynamic]);
    const p = plan(desired, actual);
    expect(rules(p)).toEqual(['immutableLabel']);
    expect(p.blocked[0]?.message).toContain('has a dynamic value on the platform (${workflowId})');
  });

  it('reports undeclared labels as drift with prune off, and leaves ignored ones alone', () => {
    const [desired, actual] = state(
      [],
      [
        live({ name: 'stray', resource: false, isDefault: false }),
        live({ name: 'known', resource: false, isDefault: false }),
      ],
      { ignore: ['known'] },
    );
    const p = plan(desired, actual);
    expect(p.actions).toEqual([]);
    expect(driftAddresses(p)).toEqual([L('stray')]);
    expect(p.unmanaged[0]?.reason).toBe(
      'on the platform, not declared in workspaces/biocommons/ausgen.yaml (prune is off for labels)',
    );
  });

  it('deletes undeclared labels with prune on, showing a resource label’s value', () => {
    const stray = live({ name: 'cost', value: 'c1', resource: true, isDefault: false });
    const [desired, actual] = state([], [stray], { prune: true });
    const p = plan(desired, actual);
    expect(summary(p)).toEqual([`delete ${L('cost')}`]);
    expect(actionAt(p, L('cost')).changes).toEqual([
      { field: 'default', from: false },
      { field: 'resource', from: true },
      { field: 'value', from: 'c1' },
    ]);
    expect(p.liveIds[L('cost')]).toBe(stray.id);
  });

  it('leaves labels alone when the key is absent, recording their ids only', () => {
    const known = live({ name: 'rnaseq', resource: false, isDefault: false });
    const [desired, actual] = state(undefined, [known], { prune: true });
    const p = plan(desired, actual);
    expect(p.actions).toEqual([]);
    expect(p.unmanaged).toEqual([]);
    expect(p.liveIds[L('rnaseq')]).toBe(known.id);
  });

  it('creates labels of a new workspace after the workspace, before its participants', () => {
    const desired = aDesiredState(
      aDesiredOrg({
        workspaces: [
          aDesiredWorkspace({
            labels: [simple('rnaseq')],
            participants: [{ type: 'user', email: 'jane@example.org', role: 'launch', source: aSource() }],
          }),
        ],
      }),
    );
    const p = plan(desired, anActualState(anActualOrg({ workspaces: [] })));
    expect(summary(p)).toEqual([
      'create biocommons/ausgen',
      `create ${L('rnaseq')}`,
      'create biocommons/ausgen/participants/jane@example.org',
    ]);
    expect(actionAt(p, L('rnaseq')).dependsOn).toEqual(['biocommons/ausgen']);
  });
});
