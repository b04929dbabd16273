/** The datasets planner with pure data: desired + live datasets → actions and drift. */
import { describe, expect, it } from 'vitest';
import type { ActualDataset, DatasetAction, DesiredDataset } from '../../../src/kinds/datasets/model.js';
import type { ActualLabel } from '../../../src/kinds/labels/model.js';
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
import { actionAt, driftAddresses, plan, summary } from './plan-kit.js';

const D = (name: string): string => `biocommons/ausgen/datasets/${name}`;
const DIGEST = 'a'.repeat(64);
const OTHER_DIGEST = 'b'.repeat(64);

function declared(name: string, more: Partial<DesiredDataset> = {}): DesiredDataset {
  return {
    name,
    file: `${name}.csv`,
    header: true,
    size: 120,
    sha256: DIGEST,
    path: `/config/biocommons/datasets/ausgen/${name}.csv`,
    source: aSource(undefined, 40),
    ...more,
  };
}

function live(name: string, more: Partial<ActualDataset> = {}): ActualDataset {
  return {
    id: `id-${name}`,
    name,
    labels: [],
    latest: { version: 3, fileName: `${name}.csv`, size: 120, header: true, sha256: DIGEST },
    ...more,
  };
}

function label(name: string, resource = false): ActualLabel {
  return { id: name.length * 11, name, resource, isDefault: false, ...(resource ? { value: 'v1' } : {}) };
}

/** The workspace's labels on the platform, unless a test says otherwise: the simple labels the tests name. */
const LIVE_LABELS = ['rnaseq', 'a', 'b'].map((name) => label(name));

function state(
  datasets: DesiredDataset[] | undefined,
  liveDatasets: ActualDataset[] | undefined,
  more: { prune?: boolean; ignore?: string[]; liveLabels?: ActualLabel[] } = {},
) {
  const desired = aDesiredState(
    aDesiredOrg({
      workspaces: [
        aDesiredWorkspace({
          ...(datasets === undefined ? {} : { datasets }),
          prune: pruneSetting({ datasets: more.prune ?? false }),
          ignore: ignoreLists({ datasets: more.ignore ?? [] }),
        }),
      ],
    }),
  );
  const actual = anActualState(
    anActualOrg({
      workspaces: [
        anActualWorkspace({
          labels: more.liveLabels ?? LIVE_LABELS,
          ...(liveDatasets === undefined ? {} : { datasets: liveDatasets }),
        }),
      ],
    }),
  );
  return [desired, actual] as const;
}

describe('datasets', () => {
  it('creates a missing dataset with its first version, showing the size, never the content', () => {
    const [desired, actual] = state([declared('samples', { description: 'Test', labels: ['rnaseq'] })], []);
    const p = plan(desired, actual);
    expect(summary(p)).toEqual([`create ${D('samples')}`]);
    const action = actionAt(p, D('samples')) as DatasetAction;
    expect(action.uploads).toBe(true);
    expect(action.changes).toEqual([
      { field: 'description', to: 'Test' },
      { field: 'file', to: 'samples.csv' },
      { field: 'header', to: true },
      { field: 'labels', to: ['rnaseq'] },
      { field: 'size', to: '120 bytes' },
    ]);
  });

  it('plans nothing when the latest version has the same name, size, header and content', () => {
    const [desired, actual] = state([declared('samples')], [live('samples')]);
    expect(summary(plan(desired, actual))).toEqual([]);
  });

  it.each([
    ['size', { size: 130 }, [{ field: 'size', from: '120 bytes', to: '130 bytes' }]],
    ['content', { sha256: OTHER_DIGEST }, [{ field: 'size', from: '120 bytes', to: '120 bytes' }]],
    [
      'header',
      { header: false },
      [
        { field: 'header', from: true, to: false },
        { field: 'size', from: '120 bytes', to: '120 bytes' },
      ],
    ],
    [
      'file name',
      { file: 'renamed.csv' },
      [
        { field: 'file', from: 'samples.csv', to: 'renamed.csv' },
        { field: 'size', from: '120 bytes', to: '120 bytes' },
      ],
    ],
  ] as const)('a different %s uploads a new version, with the old and new size', (what, change, changes) => {
    const [desired, actual] = state([declared('samples', change)], [live('samples')]);
    const action = actionAt(plan(desired, actual), D('samples')) as DatasetAction;
    expect(action.type).toBe('update');
    expect(action.uploads).toBe(true);
    expect(action.reason).toBe(`new version (${what} differs from the latest version)`);
    expect(action.changes).toEqual(changes);
  });

  it('a dataset without a version gets one', () => {
    const { latest: _latest, ...empty } = live('samples');
    const [desired, actual] = state([declared('samples')], [empty]);
    const action = actionAt(plan(desired, actual), D('samples')) as DatasetAction;
    expect(action.reason).toBe('new version (no version uploaded yet)');
    expect(action.uploads).toBe(true);
  });

  it('the description and labels change in place, without a new version', () => {
    const [desired, actual] = state(
      [declared('samples', { description: 'New', labels: ['b', 'a'] })],
      [live('samples', { description: 'Old', labels: ['a'] })],
    );
    const action = actionAt(plan(desired, actual), D('samples')) as DatasetAction;
    expect(action.type).toBe('update');
    expect(action.uploads).toBeUndefined();
    expect(action.reason).toBe('description, labels differ from the platform');
    expect(action.changes).toEqual([
      { field: 'description', from: 'Old', to: 'New' },
      { field: 'labels', from: ['a'], to: ['a', 'b'] },
    ]);
  });

  it('blocks the plan for a label neither declared nor on the platform, and for a resource label', () => {
    const [d1, a1] = state([declared('samples', { labels: ['missing'] })], [], { liveLabels: [] });
    const p1 = plan(d1, a1);
    expect(p1.blocked.map((b) => b.rule)).toEqual(['unknownLabel']);
    expect(p1.blocked[0]?.message).toBe(
      'workspaces/biocommons/ausgen.yaml:40: dataset samples names label missing, but no label missing exists in ' +
        'workspace ausgen on the platform (declare it under labels:, or create it)',
    );
    expect(summary(p1)).toEqual([]);

    const [d2, a2] = state([declared('samples', { labels: ['cost'] })], [live('samples')], {
      liveLabels: [label('cost', true)],
    });
    const p2 = plan(d2, a2);
    expect(p2.blocked[0]?.message).toContain(
      'names label cost, but it is a resource label, and a dataset carries simple labels',
    );
    expect(summary(p2)).toEqual([]);
  });

  it('labels the file does not declare are left as they are', () => {
    const [desired, actual] = state([declared('samples')], [live('samples', { labels: ['kept'] })]);
    expect(summary(plan(desired, actual))).toEqual([]);
  });

  it('an undeclared dataset is drift, ignored when listed, deleted with prune', () => {
    const drift = state([declared('samples')], [live('samples'), live('by-hand')]);
    expect(driftAddresses(plan(...drift))).toEqual([D('by-hand')]);

    const ignored = state([declared('samples')], [live('samples'), live('by-hand')], { ignore: ['by-hand'] });
    expect(driftAddresses(plan(...ignored))).toEqual([]);

    const pruned = state([declared('samples')], [live('samples'), live('by-hand')], { prune: true });
    const p = plan(...pruned);
    expect(summary(p)).toEqual([`delete ${D('by-hand')}`]);
    expect(actionAt(p, D('by-hand')).changes).toEqual([
      { field: 'file', from: 'by-hand.csv' },
      { field: 'size', from: '120 bytes' },
    ]);
  });

  it('datasets the file does not manage are neither planned nor drift', () => {
    const [desired, actual] = state(undefined, [live('by-hand')]);
    const p = plan(desired, actual);
    expect(summary(p)).toEqual([]);
    expect(driftAddresses(p)).toEqual([]);
  });
});
