/** The Studios settings planner with pure data: desired + live settings → one update, or nothing. */
import { describe, expect, it } from 'vitest';
import type { ActualStudios, DesiredStudios } from '../../../src/kinds/studios/model.js';
import {
  aDesiredOrg,
  aDesiredState,
  aDesiredWorkspace,
  aSource,
  anActualOrg,
  anActualState,
  anActualWorkspace,
} from '../../helpers/builders.js';
import { actionAt, plan, summary } from './plan-kit.js';

const ADDRESS = 'biocommons/ausgen/studios';
const LIVE: ActualStudios = { lifespanHours: 8, privateStudioByDefault: false };

function declared(fields: Omit<DesiredStudios, 'source'>): DesiredStudios {
  return { ...fields, source: aSource(undefined, 40) };
}

function state(studios: DesiredStudios | undefined, live: ActualStudios | undefined, workspaceExists = true) {
  const desired = aDesiredState(
    aDesiredOrg({ workspaces: [aDesiredWorkspace(studios === undefined ? {} : { studios })] }),
  );
  const actual = anActualState(
    anActualOrg({
      workspaces: workspaceExists ? [anActualWorkspace(live === undefined ? {} : { studios: live })] : [],
    }),
  );
  return [desired, actual] as const;
}

describe('Studios settings', () => {
  it('plans nothing when the file has no studios key, whatever the platform has', () => {
    expect(summary(plan(...state(undefined, LIVE)))).toEqual([]);
  });

  it('compares only the declared fields: an undeclared difference is no change', () => {
    const p = plan(
      ...state(declared({ lifespanHours: 8 }), { ...LIVE, containerRepository: 'cr.example.org/x' }),
    );
    expect(summary(p)).toEqual([]);
  });

  it('updates in place the declared fields that differ, each shown from → to', () => {
    const p = plan(
      ...state(
        declared({
          lifespanHours: 24,
          privateStudioByDefault: false,
          containerRepository: 'cr.example.org/s',
        }),
        LIVE,
      ),
    );
    expect(summary(p)).toEqual([`update ${ADDRESS}`]);
    const action = actionAt(p, ADDRESS);
    expect(action.kind).toBe('studiosSettings');
    expect(action.changes).toEqual([
      { field: 'containerRepository', from: undefined, to: 'cr.example.org/s' },
      { field: 'lifespanHours', from: 8, to: 24 },
    ]);
    expect(action.reason).toBe('containerRepository, lifespanHours differ from the platform');
    expect(action.dependsOn).toEqual([]);
  });

  it('treats 0 hours (no limit) as a value, not as absent', () => {
    const p = plan(...state(declared({ lifespanHours: 0 }), LIVE));
    expect(actionAt(p, ADDRESS).changes).toEqual([{ field: 'lifespanHours', from: 8, to: 0 }]);
  });

  it('sets every declared field of a workspace the plan creates, after the workspace', () => {
    const p = plan(...state(declared({ privateStudioByDefault: true }), undefined, false));
    expect(summary(p)).toContain(`update ${ADDRESS}`);
    const action = actionAt(p, ADDRESS);
    expect(action.changes).toEqual([{ field: 'privateStudioByDefault', to: true }]);
    expect(action.dependsOn).toEqual(['biocommons/ausgen']);
    expect(action.reason).toContain('set once the workspace is created');
  });

  it('comes after every other action of the workspace', () => {
    const p = plan(...state(declared({ lifespanHours: 1 }), undefined, false));
    expect(summary(p).at(-1)).toBe(`update ${ADDRESS}`);
  });
});
