/**
 * Datasets, identified by name. A declared dataset missing on the platform
 * is created with its first version (one action). An existing one is
 * updated in place: its description and labels (when declared), and a new
 * version when the declared file differs from the latest version — by file
 * name, size and header flag, then by content (the reader downloads the
 * latest version only when name and size match, and gives its digest).
 * Versions are never deleted; a pruned dataset is deleted with all of them.
 * The plan shows sizes, never a file's content.
 */
import { address } from '../../model/address.js';
import { compareText } from '../kit/compare-text.js';
import type { ActualDataset, DesiredDataset } from './model.js';
import type { FieldChange } from '../../model/plan.js';
import { planNamedCollection, sameKeyCollection } from '../kit/named-collection.js';
import { changedReason, createReason, deps, workspaceDeps, type WorkspaceScope } from '../kit/scope.js';
import { checkLabelRefs, labelDeps } from '../labels/attached.js';

/** `12,345 bytes`. */
export function sizeText(size: number | undefined): string {
  return size === undefined ? 'size unknown' : `${size.toLocaleString('en-US')} bytes`;
}

/** Why the declared file needs a new version, or undefined when the latest version holds it. */
export function versionDifference(dataset: DesiredDataset, live: ActualDataset): string | undefined {
  const latest = live.latest;
  const differs = (what: string): string => `${what} differs from the latest version`;
  if (latest === undefined) return 'no version uploaded yet';
  if (latest.fileName !== dataset.file) return differs('file name');
  if (latest.size !== undefined && latest.size !== dataset.size) return differs('size');
  if (latest.header !== dataset.header) return differs('header');
  if (latest.sha256 !== dataset.sha256) return differs('content');
  return undefined;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = [...new Set(a)].sort();
  const right = [...new Set(b)].sort();
  return left.length === right.length && left.every((v, i) => v === right[i]);
}

function versionChanges(dataset: DesiredDataset, live: ActualDataset | undefined): FieldChange[] {
  const latest = live?.latest;
  const changes: FieldChange[] = [];
  if (latest === undefined || latest.fileName !== dataset.file) {
    changes.push({
      field: 'file',
      ...(latest === undefined ? {} : { from: latest.fileName }),
      to: dataset.file,
    });
  }
  if (latest === undefined || latest.header !== dataset.header) {
    changes.push({
      field: 'header',
      ...(latest === undefined ? {} : { from: latest.header }),
      to: dataset.header,
    });
  }
  changes.push({
    field: 'size',
    ...(latest === undefined ? {} : { from: sizeText(latest.size) }),
    to: sizeText(dataset.size),
  });
  return changes;
}

function planDeclared(s: WorkspaceScope, dataset: DesiredDataset, current: ActualDataset | undefined): void {
  const base = {
    kind: 'dataset',
    address: address.dataset(s.org.name, s.ws.name, dataset.name),
    org: s.org.name,
    workspace: s.ws.name,
    name: dataset.name,
    desired: dataset,
  } as const;
  if (
    !checkLabelRefs(s, dataset.labels, `dataset ${dataset.name}`, base.address, dataset.source, 'a dataset')
  )
    return;
  const dependsOn = deps(workspaceDeps(s), labelDeps(s, dataset.labels));
  if (current === undefined) {
    s.out.add({
      ...base,
      type: 'create',
      reason: `${createReason(s.ws.source.file)}; its first version is uploaded`,
      changes: [
        ...(dataset.description === undefined ? [] : [{ field: 'description', to: dataset.description }]),
        ...(dataset.labels === undefined || dataset.labels.length === 0
          ? []
          : [{ field: 'labels', to: [...dataset.labels].sort() }]),
        ...versionChanges(dataset, undefined),
      ].sort((a, b) => compareText(a.field, b.field)),
      dependsOn,
      uploads: true,
    });
    return;
  }
  const changes: FieldChange[] = [];
  if ((current.description ?? '') !== (dataset.description ?? '')) {
    changes.push({ field: 'description', from: current.description, to: dataset.description });
  }
  if (dataset.labels !== undefined && !sameSet(current.labels, dataset.labels)) {
    changes.push({ field: 'labels', from: [...current.labels].sort(), to: [...dataset.labels].sort() });
  }
  const difference = versionDifference(dataset, current);
  if (difference !== undefined) changes.push(...versionChanges(dataset, current));
  if (changes.length === 0) return;
  const inPlace = changes
    .filter((c) => c.field === 'description' || c.field === 'labels')
    .map((c) => c.field);
  const reason = [
    ...(difference === undefined ? [] : [`new version (${difference})`]),
    ...(inPlace.length === 0 ? [] : [changedReason(inPlace)]),
  ].join('; ');
  s.out.add({
    ...base,
    type: 'update',
    reason,
    changes: changes.sort((a, b) => compareText(a.field, b.field)),
    dependsOn,
    current,
    ...(difference === undefined ? {} : { uploads: true as const }),
  });
}

export function planDatasets(s: WorkspaceScope): void {
  planNamedCollection(s, {
    kind: 'dataset',
    ...sameKeyCollection(s, 'datasets'),
    idOf: (dataset) => dataset.id,
    planDeclared: (dataset, current) => {
      planDeclared(s, dataset, current);
    },
    deleteAction: (dataset, deleteBase) => ({
      ...deleteBase,
      kind: 'dataset',
      changes: [
        ...(dataset.latest === undefined
          ? []
          : [
              { field: 'file', from: dataset.latest.fileName },
              { field: 'size', from: sizeText(dataset.latest.size) },
            ]),
      ],
      current: dataset,
    }),
  });
}
