/**
 * The physical limit of a run, from the desired state and the live platform
 * (counted from the emulator seed) and the API's shape.
 *
 * READS of a plan — the minimum the API's shape allows for a fully managed
 * estate (every collection declared, no `--workspace` filter). They are the
 * reader's own request model (each kind declares, in its read facet, what
 * it reads and what that costs; src/state/request-count.ts adds them up),
 * priced at the API's best answer: a list without a total size is not
 * charged the empty page that ends it at an exact multiple of 100. So the
 * reader is held to one formula, not to a copy of it. Spelled out, with
 * pages(n) = max(1, ceil(n / 100)) for the lists the API pages:
 *
 *   1  GET /user-info (who the token is)
 *   1  GET /orgs (ids of the orgs; unpaged)
 *   per declared organisation that exists:
 *     1                 GET /orgs/{id}/workspaces (unpaged)
 *     pages(custom roles) GET /roles (when the file declares roles), plus 1
 *                       GET /roles/{name} per declared role that exists (its
 *                       permissions: the list has none) and 1 GET
 *                       /roles/permissions when a declared role lists permissions
 *     pages(members)    GET /orgs/{id}/members
 *     pages(teams)      GET /orgs/{id}/teams
 *     per declared team that exists: pages(its members)   GET …/teams/{id}/members
 *     per declared present workspace that exists:
 *       pages(participants)   GET …/workspaces/{id}/participants
 *       1                     GET /credentials (unpaged)
 *       1                     GET /compute-envs (unpaged; no config in it)
 *       compute envs          GET /compute-envs/{id} (one describe each: the config)
 *       pages(pipelines)      GET /pipelines
 *       pipelines             GET /pipelines/{id}/launch (one each: the list has no launch)
 *       1                     GET /pipeline-secrets (unpaged)
 *       pages(labels)         GET /labels (when the file declares labels, or a
 *                             compute environment, pipeline or dataset names one)
 *       pages(data links)     GET /data-links (when the file declares data links; custom
 *                             and discovered links, no total size), plus one request
 *                             per 202 answer while the platform is still discovering
 *                             buckets (a state of the platform, not of the reader: no
 *                             reader learns the whole list with fewer)
 *       1                     GET …/workspaces/{id}/settings/studios (when the file declares studios)
 *       pages(datasets)       GET /datasets (when the file declares datasets; with their
 *                             labels; no total size)
 *       pages(latest versions) GET /datasets/versions (the same; one per dataset with a version)
 *       1 per declared dataset whose latest version has the declared file name and
 *         size                GET /datasets/{id}/v/{id}/n/{id} (its content: only the bytes
 *                             tell whether a new version is needed; so a converged
 *                             dataset costs a download)
 *     1  GET /orgs/{id}/quotas, after the plan is computed, when it creates
 *        something a quota counts (a workspace, member, team, participant,
 *        pipeline, label, dataset or custom role)
 *       1                     GET /actions (unpaged; when the file declares actions, or
 *                             compute environments and there is one: a replace re-points them)
 *       actions               GET /actions/{id} (one describe each: the list has no launch)
 *   Nothing else: no describe of what a list returns whole, no read of an
 *   unmanaged collection, no re-read.
 *
 * WRITES of an apply — one request per object or field the API can only set
 * separately (deletions are not counted: the scenarios prune nothing):
 *   org missing: 1 POST /orgs; member missing: 1 PUT …/members/add, plus
 *   1 PUT …/members/{id}/role when the declared role differs from the role an
 *   add gives (`member`, the add takes no role); member with another role: 1 role PUT;
 *   custom role missing: 1 POST /roles (its permissions go in the create);
 *   team missing: 1 POST; team member missing: 1 POST; workspace missing:
 *   1 POST; participant missing: 1 PUT …/participants/add, plus 1 role PUT
 *   when the declared role differs from the role an add gives (the
 *   emulator's `defaultAddRole`); participant with another role: 1 role PUT;
 *   credential, compute environment (its labels go in the create), pipeline
 *   (its launch, version name and labels go in the create), secret, label
 *   (its flags go in the create), data link missing: 1 POST each (the route each kind
 *   declares in its resource's `writes`; a create waits for the creates its
 *   `references` name, labels included); pipeline action missing: 1 POST
 *   /actions, plus what its `writes.afterCreate` declares, one step after
 *   the create: 1 POST /actions/labels/apply when it declares labels (a
 *   create takes none) and 1 GET /actions/{id} for a `github` one (its hook
 *   URL, reported); dataset missing: 1 POST /datasets, plus, as its
 *   `writes.afterCreate` declares, 1 POST /datasets/{id}/upload (its first
 *   version) and 1 POST /datasets/labels/apply when it declares labels (a
 *   create takes none); declared Studios settings of a created workspace, or
 *   that differ from the live ones: 1 PUT; a declared primary
 *   compute environment that is created (or is not primary): 1 POST
 *   …/primary. Each resource declares its writes in its `writes` facet
 *   (`ResourceWrites`: the create, what follows it, what changes a live
 *   item, how the file and the seed list its items and what a create waits
 *   for) and one generic counter adds them up; only the containers' creates
 *   are the organisation's and the workspace's own `writes`. An apply's
 *   bound = the reads of its plan (against the platform before) + these writes. Reads made while waiting for a compute
 *   environment to become available are waits, reported apart, not in the
 *   bound.
 *
 * CRITICAL PATH (in request latencies) — the longest chain of requests
 * that each need an answer of the one before:
 *   plan: user-info ∥ orgs (1) → org lists (2) → further pages of a paged
 *   list, team-member lists and workspace lists (3) → describes/launches of
 *   listed items and pages after the first (4) [+1 for items only on a later
 *   page]; an apply adds its longest write chain: workspace create → credential
 *   create → compute-env create → one status read → make primary (5), or member
 *   add → participant add → role (3), and so on.
 *
 * READS of an access report (`access-report --org ORG`) — its list floor,
 * every collection of the organisation on the platform, declared or not:
 *
 *   1                    GET /orgs (the organisation's id; unpaged)
 *   1                    GET /orgs/{id}/workspaces (unpaged)
 *   pages(members)       GET /orgs/{id}/members
 *   pages(teams)         GET /orgs/{id}/teams
 *   per team:            pages(its members)     GET …/teams/{id}/members
 *   per workspace:       pages(participants)    GET …/workspaces/{id}/participants
 *   No /user-info (the organisation list names the token's member id), no
 *   describe, no call per person. Critical path: orgs (1) → the three org
 *   lists (2) → team-member and participant lists (3), plus one for each
 *   later page on the way. The lists are what each kind's read facet says
 *   an access report reads of it (`accessReport`), priced by its request
 *   costs (src/state/request-count.ts, `accessReportRequestsByRoute`).
 *
 * READS of a pull request's plan (`--base-config-dir`, one workspace file
 * changed, the organisation file not) — the org-level reads the changed
 * workspace needs and that workspace's reads, whatever the size of the
 * estate:
 *
 *   1  GET /user-info
 *   1  GET /orgs
 *   1  GET /orgs/{id}/workspaces (its id)
 *   pages(teams)  GET /orgs/{id}/teams, only when the file names a team (their ids)
 *   the changed workspace's reads, as above
 *
 * No org members, no team members, no other workspace. Critical path: the
 * workspace's (its lists at 3, describes and launches at 4).
 *
 * TIME BOUND = max(bound requests ÷ rate, critical path × latency).
 *
 * The live platform is what the emulator seed holds, as each resource's
 * `writes` facet reads it (its items by identity, `live`; the sizes its
 * reads are priced by, `seedSizes`); the bound's precondition (every
 * collection managed) is each resource's `writes.managed`. This file names
 * no kind: a new kind takes part through its facets.
 */
import type { EmulatorSeed } from '../emulator/seed.js';
import type { DesiredState } from '../model/desired.js';
import {
  accessReportCriticalPath as accessReportCriticalPathOf,
  accessReportRequestsByRoute,
  quotaReadRequests,
  readCriticalPath,
  readRequestsByRoute,
  type LiveOrgSize,
  type LiveSizes,
  type LiveWorkspaceSize,
} from '../state/request-count.js';
import { RESOURCE_ORDER, specOf } from '../kinds/graph.js';
import { KINDS, type Reference, type ResourceWrites } from '../kinds/index.js';
import type { WriteContext, WriteItem, WriteWait } from '../kinds/kind.js';
import { itemsAt, textOf } from '../kinds/kit/write-items.js';
import type { ResourceKind } from '../model/resources.js';
import { addCount, totalOf, type RouteCounts } from './routes.js';

/** The API's page size (`max=100`, the largest it serves). */
export const API_PAGE_SIZE = 100;

export function pages(n: number): number {
  return Math.max(1, Math.ceil(n / API_PAGE_SIZE));
}

/** The live items of each resource with writes, by identity (`ResourceWrites.live`). */
export type LiveItems = ReadonlyMap<ResourceKind, ReadonlyMap<string, Readonly<Record<string, unknown>>>>;

export interface LiveWorkspace {
  /**
   * The sizes its resources' reads are priced by: a named collection's
   * length (every listed item) and what each resource's `writes.seedSizes`
   * reads off the seed, by size name.
   */
  readonly sizes: LiveWorkspaceSize;
  readonly items: LiveItems;
}

/**
 * A resource whose writes the bound counts (`ResourceSpec.writes`), at the
 * level of its container: what its container's file declares, what the
 * seed holds, and what a create waits for.
 */
interface WriteSpec {
  readonly resource: ResourceKind;
  readonly level: 'org' | 'workspace';
  readonly writes: ResourceWrites;
  readonly declared: (container: object) => readonly WriteItem[];
  readonly live: (container: object, context: WriteContext) => readonly WriteItem[];
  readonly waitsFor: (item: Readonly<Record<string, unknown>>) => readonly WriteWait[];
  /** Its items are a named collection of the file (the default `declared`): their seed sizes are the reader's. */
  readonly named: boolean;
  readonly key: string;
}

const NOTHING_AFTER = (): readonly string[] => [];

function byName(items: readonly Readonly<Record<string, unknown>>[]): readonly WriteItem[] {
  return items.map((item) => ({ id: textOf(item, 'name'), fields: item }));
}

/** The items a create waits for by its references (a compute environment's credential). */
function referencedItems(
  references: readonly Reference[],
): (item: Readonly<Record<string, unknown>>) => WriteWait[] {
  return (item) =>
    references.flatMap(({ field, to, nameOf: refName }) => {
      const value = item[field];
      const entries: readonly unknown[] =
        typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
      return entries.flatMap((entry) =>
        typeof entry === 'string' ? [{ to, id: refName === undefined ? entry : refName(entry) }] : [],
      );
    });
}

const WRITE_SPECS: readonly WriteSpec[] = KINDS.flatMap((kind) =>
  kind.resources.flatMap((spec): WriteSpec[] => {
    const writes = spec.writes;
    if (writes === undefined || spec.scope === 'root' || kind.load === undefined) return [];
    const key = kind.load.key;
    const own = writes.own ?? (() => true);
    return [
      {
        resource: spec.kind,
        level: spec.scope,
        writes,
        declared: writes.declared ?? ((container) => byName(itemsAt(container, key))),
        live: writes.live ?? ((container) => byName(itemsAt(container, key).filter(own))),
        waitsFor: writes.waitsFor ?? referencedItems(spec.references ?? []),
        named: writes.declared === undefined,
        key,
      },
    ];
  }),
).sort((a, b) => RESOURCE_ORDER.indexOf(a.resource) - RESOURCE_ORDER.indexOf(b.resource));

/** The live items of each resource of `level` in a seed's container. */
function liveItems(level: WriteSpec['level'], container: object, context: WriteContext): LiveItems {
  return new Map(
    WRITE_SPECS.filter((w) => w.level === level).map((w) => [
      w.resource,
      new Map(w.live(container, context).map((item) => [item.id, item.fields])),
    ]),
  );
}

export interface LiveOrg {
  /** The sizes its resources' reads are priced by, as their `writes.seedSizes` read them off the seed. */
  readonly sizes: Readonly<Record<string, unknown>>;
  readonly workspaces: ReadonlyMap<string, LiveWorkspace>;
  readonly items: LiveItems;
}

/** Organisations by name. */
export type LivePlatform = ReadonlyMap<string, LiveOrg>;

/** The sizes a seed's container gives the reads of the resources of `level` (see `LiveWorkspace.sizes`). */
function seedSizes(level: WriteSpec['level'], container: object): Readonly<Record<string, unknown>> {
  return Object.fromEntries(
    WRITE_SPECS.filter((w) => w.level === level).flatMap(({ named, key, writes }) => [
      ...(named ? [[key, itemsAt(container, key).length] as const] : []),
      ...Object.entries(writes.seedSizes?.(container) ?? {}),
    ]),
  );
}

/** The live platform an emulator seed describes (the emulator's defaults applied: role `member`, `defaultAddRole`). */
export function livePlatform(seed: EmulatorSeed, defaultAddRole: string): LivePlatform {
  const orgs = new Map<string, LiveOrg>();
  const context: WriteContext = { addRole: defaultAddRole };
  for (const org of seed.orgs ?? []) {
    const workspaces = new Map<string, LiveWorkspace>();
    for (const ws of org.workspaces ?? []) {
      const sizes = Object.entries(seedSizes('workspace', ws)).flatMap(([name, size]) =>
        typeof size === 'number' ? [[name, size] as const] : [],
      );
      workspaces.set(ws.name, {
        sizes: Object.fromEntries(sizes),
        items: liveItems('workspace', ws, context),
      });
    }
    orgs.set(org.name, { sizes: seedSizes('org', org), workspaces, items: liveItems('org', org, context) });
  }
  return orgs;
}

/** Whether a container's file manages every resource of `level` whose writes say it must (`ResourceWrites.managed`). */
function unmanaged(level: WriteSpec['level'], container: object): string[] {
  return WRITE_SPECS.filter((w) => w.level === level).flatMap(({ key, writes }) => {
    const managed = writes.managed;
    if (managed === undefined) return [];
    const ok =
      managed === true
        ? (container as Readonly<Record<string, unknown>>)[key] !== undefined
        : managed(container);
    return ok ? [] : [key];
  });
}

/** The bound's precondition: the formula above is for fully managed estates. */
export function assertFullyManaged(desired: DesiredState): void {
  for (const org of desired.orgs) {
    const orgMissing = [...new Set(unmanaged('org', org))];
    if (orgMissing.length > 0) {
      throw new Error(`the bound needs every collection managed (org ${org.name}: ${orgMissing.join(', ')})`);
    }
    for (const ws of org.workspaces) {
      const missing = unmanaged('workspace', ws);
      if (missing.length > 0) {
        throw new Error(
          `the bound needs every collection managed (${org.name}/${ws.name}: ${missing.join(', ')})`,
        );
      }
    }
  }
}

/**
 * The sizes the kinds' request costs read, from the live platform: the
 * lists' lengths (the list of pipelines returns the workspace's own), and
 * the sizes each kind's `writes.seedSizes` reads off the seed (a data link
 * list's 202 answers to come; the datasets' latest versions, and each one's
 * size under its dataset and file name, `latestFileSizeKey`).
 */
export function liveSizes(live: LivePlatform): LiveSizes {
  const sizes: Record<string, LiveOrgSize> = {};
  for (const [name, org] of live) {
    const workspaces = Object.fromEntries([...org.workspaces].map(([wsName, ws]) => [wsName, ws.sizes]));
    sizes[name] = { ...org.sizes, workspaces };
  }
  return sizes;
}

/** The desired state without its absent workspaces (the bound is for present ones). */
function presentOnly(desired: DesiredState): DesiredState {
  return {
    ...desired,
    orgs: desired.orgs.map((org) => ({
      ...org,
      workspaces: org.workspaces.filter((ws) => ws.state === 'present'),
    })),
  };
}

/**
 * The minimum requests of a plan (see the header), by route: the reader's
 * own request model (each kind's declared request costs), priced at the
 * API's best answer.
 */
export function planReadBound(desired: DesiredState, live: LivePlatform): RouteCounts {
  assertFullyManaged(desired);
  return sumCounts(
    readRequestsByRoute(presentOnly(desired), liveSizes(live), { workspaceFilter: [] }, 'floor'),
    quotaReadRequests(orgsWithCountedCreates(desired, live)),
  );
}

/** The creates a quota counts, by route: those of every resource that declares `countsToward`. */
const COUNTED_CREATES: readonly string[] = KINDS.flatMap((kind) =>
  kind.resources.flatMap((spec) =>
    spec.countsToward !== undefined && spec.writes !== undefined ? [spec.writes.create] : [],
  ),
);

/** The existing organisations whose plan creates something a quota counts: their quotas are read once each. */
function orgsWithCountedCreates(desired: DesiredState, live: LivePlatform): number {
  return desired.orgs.filter((org) => {
    if (!live.has(org.name)) return false;
    const writes = applyWriteBound({ orgs: [org] }, live, { member: '', participant: '' });
    return COUNTED_CREATES.some((route) => (writes[route] ?? 0) > 0);
  }).length;
}

/** Roles the platform gives on add (the emulator's settings), keyed by the resource kind added (each write facet gets its own as `addRole`). */
export interface AddRoles {
  readonly member: string;
  readonly participant: string;
}

/** The role the platform gives a resource's items on add. */
function contextOf(resource: ResourceKind, roles: AddRoles): WriteContext {
  const byResource: Readonly<Partial<Record<ResourceKind, string>>> = roles;
  return { addRole: byResource[resource] ?? '' };
}

/** The writes of one container's resources (see `ResourceWrites`). */
function containerWrites(
  counts: Record<string, number>,
  level: WriteSpec['level'],
  container: object,
  live: LiveItems | undefined,
  roles: AddRoles,
): void {
  for (const spec of WRITE_SPECS) {
    if (spec.level !== level) continue;
    const context = contextOf(spec.resource, roles);
    const current = live?.get(spec.resource);
    for (const { id, fields } of spec.declared(container)) {
      const liveItem = current?.get(id);
      const routes =
        liveItem === undefined
          ? [spec.writes.create, ...(spec.writes.afterCreate ?? NOTHING_AFTER)(fields, context)]
          : (spec.writes.update?.(fields, liveItem, context) ?? []);
      for (const route of routes) addCount(counts, route, 1);
    }
  }
}

/** A container's create, as its root resource declares it. */
function containerCreate(resource: ResourceKind): string {
  const create = specOf(resource).writes?.create;
  if (create === undefined) throw new Error(`${resource} declares no create`);
  return create;
}

/** The minimum writes to create what is missing and set roles that differ (see the header), by route. */
export function applyWriteBound(desired: DesiredState, live: LivePlatform, roles: AddRoles): RouteCounts {
  const counts: Record<string, number> = {};
  for (const org of desired.orgs) {
    const liveOrg = live.get(org.name);
    if (liveOrg === undefined) addCount(counts, containerCreate('organization'), 1);
    containerWrites(counts, 'org', org, liveOrg?.items, roles);
    for (const ws of org.workspaces) {
      if (ws.state !== 'present') continue;
      const liveWs = liveOrg?.workspaces.get(ws.name);
      if (liveWs === undefined) addCount(counts, containerCreate('workspace'), 1);
      containerWrites(counts, 'workspace', ws, liveWs?.items, roles);
    }
  }
  return counts;
}

/** The minimum requests of `access-report --org orgName` (see the header), by route: its request model, at the API's best answer. */
export function accessReportReadBound(live: LivePlatform, orgName: string): RouteCounts {
  return accessReportRequestsByRoute(liveSizes(live)[orgName], 'floor');
}

/** The access report's critical path in request latencies (see the header). */
export function accessReportCriticalPath(live: LivePlatform, orgName: string): number {
  return accessReportCriticalPathOf(liveSizes(live)[orgName], 'floor');
}

/** The bound of `access-report --org orgName` against `live`. */
export function accessReportBound(live: LivePlatform, orgName: string): ScenarioBound {
  const requests = accessReportReadBound(live, orgName);
  return {
    requests,
    total: totalOf(requests),
    writes: 0,
    criticalPath: accessReportCriticalPath(live, orgName),
  };
}

/** Merges route counts. */
export function sumCounts(...parts: readonly RouteCounts[]): RouteCounts {
  const out: Record<string, number> = {};
  for (const part of parts) for (const [route, n] of Object.entries(part)) addCount(out, route, n);
  return out;
}

/** The plan's critical path in request latencies (see the header): the reader's, at the API's best answer. */
export function planCriticalPath(desired: DesiredState, live: LivePlatform): number {
  const quotas = orgsWithCountedCreates(desired, live) > 0 ? 1 : 0;
  return readCriticalPath(presentOnly(desired), liveSizes(live), { workspaceFilter: [] }, 'floor') + quotas;
}

/**
 * The longest write chain of one container's resources, from its own level
 * (`base`: 1 when it is created): a create comes one step after its
 * container and after the creates it waits for (`waitsFor`; one more for an
 * item that must be available), what follows a create one step after it,
 * and a change of a live item one step after its container. `levels`
 * collects each created item's level.
 */
function containerChain(
  level: WriteSpec['level'],
  container: object,
  live: LiveItems | undefined,
  base: number,
  levels: Map<ResourceKind, Map<string, number>>,
  levelOf: (resource: ResourceKind) => number,
  roles: AddRoles,
): number {
  let depth = base;
  for (const spec of WRITE_SPECS) {
    if (spec.level !== level) continue;
    const context = contextOf(spec.resource, roles);
    const current = live?.get(spec.resource);
    const created = levels.get(spec.resource) ?? new Map<string, number>();
    levels.set(spec.resource, created);
    for (const { id, fields } of spec.declared(container)) {
      const liveItem = current?.get(id);
      if (liveItem !== undefined) {
        if ((spec.writes.update?.(fields, liveItem, context) ?? []).length > 0)
          depth = Math.max(depth, base + 1);
        continue;
      }
      const after = spec.waitsFor(fields).reduce((most, { to, id: other, available }) => {
        const otherLevel = levels.get(to)?.get(other);
        return Math.max(
          most,
          otherLevel === undefined ? levelOf(to) : otherLevel + (available === true ? 1 : 0),
        );
      }, base);
      created.set(id, after + 1);
      const follows = (spec.writes.afterCreate ?? NOTHING_AFTER)(fields, context).length > 0;
      depth = Math.max(depth, follows ? after + 2 : after + 1);
    }
  }
  return depth;
}

/** The longest write chain of an apply (0 when nothing is written). */
export function applyWriteChain(desired: DesiredState, live: LivePlatform, roles: AddRoles): number {
  let depth = 0;
  for (const org of desired.orgs) {
    const liveOrg = live.get(org.name);
    const orgLevel = liveOrg === undefined ? 1 : 0;
    const levels = new Map<ResourceKind, Map<string, number>>();
    const orgScoped = (resource: ResourceKind): boolean => specOf(resource).scope === 'org';
    depth = Math.max(
      depth,
      containerChain('org', org, liveOrg?.items, orgLevel, levels, () => orgLevel, roles),
    );
    for (const ws of org.workspaces) {
      if (ws.state !== 'present') continue;
      const liveWs = liveOrg?.workspaces.get(ws.name);
      const base = liveWs === undefined ? 1 : 0;
      const wsLevels = new Map([...levels].filter(([resource]) => orgScoped(resource)));
      const chain = containerChain(
        'workspace',
        ws,
        liveWs?.items,
        base,
        wsLevels,
        (resource) => (orgScoped(resource) ? orgLevel : base),
        roles,
      );
      depth = Math.max(depth, chain);
    }
  }
  return depth;
}

/** The bound of one scenario. */
export interface ScenarioBound {
  /** Minimum requests, by route (CE status waits excluded). */
  readonly requests: RouteCounts;
  readonly total: number;
  /** Of which writes. */
  readonly writes: number;
  /** Critical path in request latencies. */
  readonly criticalPath: number;
}

/** The bound of `plan` against `live`. */
export function planBound(desired: DesiredState, live: LivePlatform): ScenarioBound {
  const requests = planReadBound(desired, live);
  return { requests, total: totalOf(requests), writes: 0, criticalPath: planCriticalPath(desired, live) };
}

/**
 * The bound of a pull request's plan that changes only `workspace`'s file
 * (see the header): the reads of a plan that selects that workspace alone.
 */
export function prPlanBound(desired: DesiredState, live: LivePlatform, workspace: string): ScenarioBound {
  assertFullyManaged(desired);
  const present = presentOnly(desired);
  const options = { workspaceFilter: present.orgs.map((org) => `${org.name}/${workspace}`) };
  const sizes = liveSizes(live);
  const counts = readRequestsByRoute(present, sizes, options, 'floor');
  const criticalPath = readCriticalPath(present, sizes, options, 'floor');
  return { requests: counts, total: totalOf(counts), writes: 0, criticalPath };
}

/** The bound of `apply` (its plan's reads, then the writes) against `live`. */
export function applyBound(desired: DesiredState, live: LivePlatform, roles: AddRoles): ScenarioBound {
  const reads = planReadBound(desired, live);
  const writes = applyWriteBound(desired, live, roles);
  const requests = sumCounts(reads, writes);
  return {
    requests,
    total: totalOf(requests),
    writes: totalOf(writes),
    criticalPath: planCriticalPath(desired, live) + applyWriteChain(desired, live, roles),
  };
}

/** max(requests ÷ rate, critical path × latency), in ms. */
export function timeBoundMs(bound: ScenarioBound, ratePerSecond: number, latencyMs: number): number {
  return Math.max((bound.total / ratePerSecond) * 1000, bound.criticalPath * latencyMs);
}
