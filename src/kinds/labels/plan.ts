/**
 * Workspace labels, identified by name (names are unique in a workspace). A
 * declared label missing on the platform is created; a label whose value or
 * default flag differs is updated in place. Two differences cannot be
 * updated in place and block the plan instead: the `resource` flag (the
 * platform's update has no such field) and the value of a label whose value
 * is dynamic (filled in per run, such as `${workflowId}`). A delete or a
 * re-create would detach the label from every compute environment,
 * pipeline and run it is on, so the tool does not do it silently: the
 * message says how to resolve it by hand. The platform also refuses to
 * edit a resource label that a compute environment or a pipeline carries:
 * when the read state shows one, that change blocks the plan too, naming
 * them.
 */
import { address } from '../../model/address.js';
import type { ActualLabel, DesiredLabel } from './model.js';
import type { FieldChange } from '../../model/plan.js';
import { planNamedCollection, sameKeyCollection } from '../kit/named-collection.js';
import { changedReason, sourceOf, workspaceCreate, type WorkspaceScope } from '../kit/scope.js';

export function planLabels(s: WorkspaceScope): void {
  planNamedCollection(s, {
    kind: 'label',
    ...sameKeyCollection(s, 'labels'),
    idOf: (label) => label.id,
    planDeclared: (label, current) => {
      planDeclared(s, label, current);
    },
    deleteAction: (label, base) => ({
      ...base,
      kind: 'label',
      changes: shownFields(label).map(({ field, to }) => ({ field, from: to })),
      current: label,
    }),
  });
}

/** The fields a resource label shows (in field order, as the plan sorts them); a simple label has only its name. */
function shownFields(label: DesiredLabel | ActualLabel): FieldChange[] {
  if (!label.resource) return [];
  return [
    { field: 'default', to: label.isDefault },
    { field: 'resource', to: true },
    ...(label.value === undefined ? [] : [{ field: 'value', to: label.value }]),
  ];
}

function planDeclared(s: WorkspaceScope, label: DesiredLabel, current: ActualLabel | undefined): void {
  const labelAddress = address.label(s.org.name, s.ws.name, label.name);
  const base = {
    kind: 'label',
    address: labelAddress,
    org: s.org.name,
    workspace: s.ws.name,
    name: label.name,
    desired: label,
  } as const;
  if (current === undefined) {
    s.out.add({
      ...base,
      ...workspaceCreate(s),
      changes: shownFields(label),
    });
    return;
  }
  const where = sourceOf(label.source);
  if (current.resource !== label.resource) {
    const [is, declared] = current.resource ? ['a resource', 'a simple'] : ['a simple', 'a resource'];
    s.out.block({
      rule: 'immutableLabel',
      message:
        `${where}: label ${label.name} is ${is} label on the platform but declared as ${declared} label; ` +
        'a label cannot change between simple and resource in place: delete it on the platform ' +
        '(it is removed from everything it is attached to) or declare it as it is',
      addresses: [labelAddress],
    });
    return;
  }
  const changes: FieldChange[] = [];
  if (current.isDefault !== label.isDefault) {
    changes.push({ field: 'default', from: current.isDefault, to: label.isDefault });
  }
  if (current.value !== label.value) changes.push({ field: 'value', from: current.value, to: label.value });
  if (changes.length === 0) return;
  if (current.dynamic === true && current.value !== label.value) {
    s.out.block({
      rule: 'immutableLabel',
      message:
        `${where}: label ${label.name} has a dynamic value on the platform (${current.value ?? ''}), ` +
        'which cannot be changed in place: delete the label on the platform, or leave it out of the file ' +
        `and list it under ignore: labels`,
      addresses: [labelAddress],
    });
    return;
  }
  const carriers = current.resource ? carriersOf(s, current.id) : [];
  if (carriers.length > 0) {
    s.out.block({
      rule: 'immutableLabel',
      message:
        `${where}: resource label ${label.name} would change (${changes.map((c) => c.field).join(', ')}), ` +
        `but the platform refuses to edit a resource label in use, and ${carriers.join(', ')} carries it: ` +
        'declare a new label for the new value, or keep this one as it is',
      addresses: [labelAddress],
    });
    return;
  }
  s.out.add({
    ...base,
    type: 'update',
    reason: changedReason(changes.map((c) => c.field)),
    changes,
    dependsOn: [],
    current,
  });
}

/** The live compute environments and pipelines (as read) that carry the label. */
function carriersOf(s: WorkspaceScope, labelId: number): string[] {
  return [
    ...(s.actualWs?.computeEnvironments ?? [])
      .filter((ce) => ce.labelIds.includes(labelId))
      .map((ce) => `compute environment ${ce.name}`),
    ...(s.actualWs?.pipelines ?? [])
      .filter((p) => p.labelIds.includes(labelId))
      .map((p) => `pipeline ${p.name}`),
  ];
}
