/**
 * Workspace labels (`/labels?workspaceId=`). Names are unique in a
 * workspace. A create of a name that exists with the same value answers the
 * existing label (the platform's create is idempotent on name and value); the
 * same name with another value, or another kind (simple/resource), is a 400.
 * Simple labels have no value and are never a default; resource labels need
 * a value, which may be dynamic (`${workflowId}`...) and then cannot change.
 * A resource label attached to a compute environment or a pipeline cannot be
 * edited or deleted; deleting a simple label detaches it from pipelines and
 * pipeline actions.
 * Reads need `view`, writes `maintain`. The list is paged (`max`/`offset`)
 * and filtered by `type` (simple|resource|all), `search` and `isDefault`.
 */
import { workspaceFromQuery } from '../access.js';
import { integerParam, objectField, optBoolean, optNullableString, optString, reqString } from '../body.js';
import { noContent, ok, type EmulatorEnv } from '../env.js';
import { badRequest, notFound } from '../http-error.js';
import type { JsonObject } from '../json.js';
import { RESOURCE_NAME } from '../names.js';
import { seedObj, seedOptStr, seedStr, type EmulatorKind, type Loader } from '../kind.js';
import { paginate, searchFilter } from '../paging.js';
import type { RequestContext, Route } from '../router.js';
import type { IdSequence, WorkspaceRecord } from '../store.js';
import { orNull } from '../wire.js';

export interface LabelRecord {
  readonly id: number;
  name: string;
  /** Resource labels only; `${workflowId}`-style values are dynamic (filled in per run). */
  value?: string;
  readonly resource: boolean;
  isDefault: boolean;
  readonly dateCreated: string;
}

export interface LabelSeed {
  readonly name: string;
  readonly value?: string;
  readonly resource?: boolean;
  readonly isDefault?: boolean;
}

declare module '../records.js' {
  interface WorkspaceCollections {
    readonly labels: Map<number, LabelRecord>;
  }
}

declare module '../seed-types.js' {
  interface WorkspaceSeed {
    readonly labels?: readonly LabelSeed[];
  }
}

const LABEL_IDS: IdSequence = { start: 1 };

/** The values the platform fills in per run; a resource label with one cannot change its value. */
export const DYNAMIC_LABEL_VALUES: readonly string[] = ['${sessionId}', '${workflowId}', '${userName}'];

export function isDynamicLabelValue(value: string | undefined): boolean {
  return value !== undefined && DYNAMIC_LABEL_VALUES.includes(value);
}

/** LabelDbDto, as other kinds' answers embed it too. */
export function labelDto(label: LabelRecord): JsonObject {
  return {
    id: label.id,
    name: label.name,
    value: orNull(label.value),
    resource: label.resource,
    isDefault: label.isDefault,
    isDynamic: isDynamicLabelValue(label.value),
    isInterpolated: false,
    dateCreated: label.dateCreated,
  };
}

/** For a seed of another kind: the id of the workspace's label `name`, a new simple label when missing. */
export function labelIdFor(loader: Loader, ws: WorkspaceRecord, name: string): number {
  for (const label of ws.labels.values()) if (label.name === name) return label.id;
  const label: LabelRecord = {
    id: loader.store.nextId(LABEL_IDS),
    name,
    resource: false,
    isDefault: false,
    dateCreated: loader.timestamp,
  };
  ws.labels.set(label.id, label);
  return label.id;
}

/** For a snapshot of another kind: the names of the labels `ids`. */
export function labelNames(ws: WorkspaceRecord, ids: readonly number[]): string[] {
  return ids.flatMap((id) => {
    const label = ws.labels.get(id);
    return label === undefined ? [] : [label.name];
  });
}

const LABEL_TYPES = ['simple', 'resource', 'all'] as const;

function checkLabelText(field: string, text: string): void {
  if (!RESOURCE_NAME.test(text)) {
    throw badRequest(
      `Invalid label ${field} '${text}': 2-39 letters, digits, '-' or '_', starting and ending with a letter or digit, no consecutive '-'/'_'`,
    );
  }
}

function checkValue(resource: boolean, value: string | undefined): void {
  if (!resource) {
    if (value !== undefined)
      throw badRequest('A simple label has no value (set resource: true for a resource label)');
    return;
  }
  if (value === undefined) throw badRequest('A resource label needs a value');
  if (!isDynamicLabelValue(value)) checkLabelText('value', value);
}

function attached(ws: WorkspaceRecord, id: number): boolean {
  for (const ce of ws.computeEnvs.values()) if (ce.labelIds.includes(id)) return true;
  for (const pipeline of ws.pipelines.values()) if (pipeline.labelIds.includes(id)) return true;
  for (const action of ws.actions.values()) if (action.labelIds.includes(id)) return true;
  return false;
}

function createResponse(label: LabelRecord): JsonObject {
  return {
    id: label.id,
    name: label.name,
    value: label.value ?? null,
    resource: label.resource,
    isDefault: label.isDefault,
  };
}

function labelRoutes({ store }: EmulatorEnv): Route[] {
  const find = (ctx: RequestContext): { ws: WorkspaceRecord; label: LabelRecord } => {
    const { ws } = workspaceFromQuery(store, ctx.query, ctx.user, 'maintain');
    const id = integerParam(ctx.params, 'labelId');
    const label = ws.labels.get(id);
    if (label === undefined) throw notFound(`Label ${id} not found in workspace '${ws.name}'`);
    return { ws, label };
  };
  const refuseAttachedResource = (ws: WorkspaceRecord, label: LabelRecord, verb: string): void => {
    if (label.resource && attached(ws, label.id)) {
      throw badRequest(`Resource label '${label.name}' is in use and cannot be ${verb}`);
    }
  };
  return [
    {
      method: 'GET',
      pattern: '/labels',
      handler: (ctx) => {
        const { ws } = workspaceFromQuery(store, ctx.query, ctx.user, 'view');
        const type = ctx.query.get('type') ?? 'all';
        if (!(LABEL_TYPES as readonly string[]).includes(type)) {
          throw badRequest(`query parameter type must be one of ${LABEL_TYPES.join(', ')}, got '${type}'`);
        }
        const isDefault = ctx.query.get('isDefault');
        const matches = searchFilter(ctx.query);
        const all = [...ws.labels.values()].filter(
          (l) =>
            (type === 'all' || l.resource === (type === 'resource')) &&
            (isDefault === undefined || String(l.isDefault) === isDefault) &&
            matches(l.name),
        );
        const page = paginate(all, ctx.query);
        return ok({ labels: page.items.map(labelDto), totalSize: page.totalSize });
      },
    },
    {
      method: 'POST',
      pattern: '/labels',
      handler: (ctx) => {
        const { ws } = workspaceFromQuery(store, ctx.query, ctx.user, 'maintain');
        const body = objectField(ctx.body, 'request body');
        const name = reqString(body, 'name', '');
        const resource = optBoolean(body, 'resource', '') ?? false;
        const value = optNullableString(body, 'value', '') ?? undefined;
        const isDefault = optBoolean(body, 'isDefault', '') ?? false;
        checkLabelText('name', name);
        checkValue(resource, value);
        if (isDefault && !resource) throw badRequest('Only a resource label can be a default label');
        for (const existing of ws.labels.values()) {
          if (existing.name !== name) continue;
          if (existing.resource === resource && existing.value === value) return ok(createResponse(existing));
          throw badRequest(`A label named '${name}' already exists in workspace '${ws.name}'`);
        }
        const label: LabelRecord = {
          id: store.nextId(LABEL_IDS),
          name,
          resource,
          isDefault,
          dateCreated: ctx.timestamp,
          ...(value === undefined ? {} : { value }),
        };
        ws.labels.set(label.id, label);
        return ok(createResponse(label));
      },
    },
    {
      method: 'PUT',
      pattern: '/labels/{labelId}',
      handler: (ctx) => {
        const { ws, label } = find(ctx);
        const body = objectField(ctx.body, 'request body');
        const name = optString(body, 'name', '') ?? label.name;
        const value = optNullableString(body, 'value', '');
        const isDefault = optBoolean(body, 'isDefault', '') ?? label.isDefault;
        checkLabelText('name', name);
        const newValue = value === undefined ? label.value : (value ?? undefined);
        checkValue(label.resource, newValue);
        if (isDefault && !label.resource) throw badRequest('Only a resource label can be a default label');
        if (newValue !== label.value && isDynamicLabelValue(label.value)) {
          throw badRequest(`The dynamic value of label '${label.name}' cannot be changed`);
        }
        for (const other of ws.labels.values()) {
          if (other.id !== label.id && other.name === name) {
            throw badRequest(`A label named '${name}' already exists in workspace '${ws.name}'`);
          }
        }
        refuseAttachedResource(ws, label, 'edited');
        label.name = name;
        if (newValue === undefined) delete label.value;
        else label.value = newValue;
        label.isDefault = isDefault;
        return ok({ id: label.id, name: label.name, value: label.value ?? null, isDefault: label.isDefault });
      },
    },
    {
      method: 'DELETE',
      pattern: '/labels/{labelId}',
      handler: (ctx) => {
        const { ws, label } = find(ctx);
        refuseAttachedResource(ws, label, 'deleted');
        for (const pipeline of ws.pipelines.values()) {
          pipeline.labelIds = pipeline.labelIds.filter((id) => id !== label.id);
        }
        for (const action of ws.actions.values()) {
          action.labelIds = action.labelIds.filter((id) => id !== label.id);
        }
        ws.labels.delete(label.id);
        return noContent();
      },
    },
  ];
}

export const labelsKind: EmulatorKind = {
  routes: labelRoutes,
  workspace: {
    state: () => ({ labels: new Map() }),
    seedSchema: {
      labels: {
        type: 'array',
        items: seedObj(['name'], {
          name: seedStr,
          value: seedOptStr,
          resource: { type: 'boolean' },
          isDefault: { type: 'boolean' },
        }),
      },
    },
    loadSeed: (loader, _org, ws, seed) => {
      for (const l of seed.labels ?? []) {
        const label: LabelRecord = {
          id: loader.store.nextId(LABEL_IDS),
          name: l.name,
          resource: l.resource ?? l.value !== undefined,
          isDefault: l.isDefault ?? false,
          dateCreated: loader.timestamp,
          ...(l.value === undefined ? {} : { value: l.value }),
        };
        ws.labels.set(label.id, label);
      }
    },
    snapshot: (_store, _org, ws) => ({
      labels: [...ws.labels.values()].map((l) => ({
        name: l.name,
        ...(l.value === undefined ? {} : { value: l.value }),
        resource: l.resource,
        isDefault: l.isDefault,
      })),
    }),
  },
};
