/** Applying label actions against the emulator: the requests sent, and the labels the workspace then has. */
import { describe, expect, it } from 'vitest';
import { labelReads } from '../../../src/kinds/labels/api.js';
import { address } from '../../../src/model/address.js';
import type { ActualLabel, DesiredLabel, LabelAction } from '../../../src/kinds/labels/model.js';
import { aSource } from '../../helpers/builders.js';
import { AWS_CREDENTIAL, ORG, WS, aPlan, aWorld, seededComputeEnv } from './plan-fixtures.js';

function labelAction(
  type: LabelAction['type'],
  desired: Omit<DesiredLabel, 'source'> | undefined,
  current?: ActualLabel,
): LabelAction {
  const name = desired?.name ?? current?.name ?? 'project';
  return {
    kind: 'label',
    type,
    address: address.label(ORG, WS, name),
    org: ORG,
    workspace: WS,
    name,
    reason: 'test',
    changes: [],
    dependsOn: [],
    ...(desired === undefined ? {} : { desired: { ...desired, source: aSource() } }),
    ...(current === undefined ? {} : { current }),
  };
}

const PROJECT = { name: 'project', value: 'ausgen', resource: true, isDefault: true } as const;

describe('labels', () => {
  it('creates a label with its flags in one request', async () => {
    const w = await aWorld();
    const report = await w.apply(aPlan([labelAction('create', PROJECT)], w.liveIds));
    expect(report.failed).toEqual([]);
    expect(w.writes()).toEqual(['POST /labels']);
    expect(w.entries('POST /labels')[0]?.body).toEqual(PROJECT);
    expect(w.workspace().labels).toEqual([PROJECT]);
  });

  it('adopts a label made since the plan (same name and value) and gives it the declared default flag', async () => {
    const w = await aWorld({ workspace: { labels: [{ ...PROJECT, isDefault: false }] } });
    const report = await w.apply(aPlan([labelAction('create', PROJECT)], w.liveIds));
    expect(report.failed).toEqual([]);
    expect(report.applied[0]?.notes).toEqual([
      'the label existed already; its default flag was set as declared',
    ]);
    expect(w.writes()).toEqual(['POST /labels', 'PUT /labels/{id}']);
    expect(w.workspace().labels).toEqual([PROJECT]);
  });

  it('updates the value and default flag of the live label, by its id', async () => {
    const w = await aWorld({ workspace: { labels: [{ name: 'project', value: 'old', resource: true }] } });
    const [live] = await w.client.use(labelReads).listLabels(w.wsId);
    const current: ActualLabel = {
      id: live?.id ?? 0,
      name: 'project',
      value: 'old',
      resource: true,
      isDefault: false,
    };
    const report = await w.apply(aPlan([labelAction('update', PROJECT, current)], w.liveIds));
    expect(report.failed).toEqual([]);
    expect(w.entries('PUT /labels/{id}')[0]?.path).toBe(`/labels/${String(current.id)}`);
    expect(w.entries('PUT /labels/{id}')[0]?.body).toEqual({
      name: 'project',
      value: 'ausgen',
      isDefault: true,
    });
    expect(w.workspace().labels).toEqual([PROJECT]);
  });

  it('deletes a label; a resource label still on a compute environment fails with the platform’s reason', async () => {
    const w = await aWorld({
      workspace: {
        labels: [{ name: 'rnaseq' }, { name: 'cost', value: 'c1', resource: true }],
        credentials: [AWS_CREDENTIAL],
        computeEnvironments: [seededComputeEnv('aws-sydney', { labels: ['cost'] })],
      },
    });
    const live = new Map((await w.client.use(labelReads).listLabels(w.wsId)).map((l) => [l.name, l.id]));
    const current = (name: string, resource: boolean): ActualLabel => ({
      id: live.get(name) ?? 0,
      name,
      resource,
      isDefault: false,
    });
    const report = await w.apply(
      aPlan(
        [
          labelAction('delete', undefined, current('rnaseq', false)),
          labelAction('delete', undefined, current('cost', true)),
        ],
        w.liveIds,
      ),
    );
    expect(report.failed.map((f) => [f.address, f.error])).toEqual([
      [
        address.label(ORG, WS, 'cost'),
        expect.stringContaining("Resource label 'cost' is in use and cannot be deleted"),
      ],
    ]);
    expect(w.workspace().labels?.map((l) => l.name)).toEqual(['cost']);
  });
});
