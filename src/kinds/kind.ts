/**
 * The one interface every resource kind implements. A kind module
 * (`src/kinds/<kind>/index.ts`) declares, as data, the plan actions it owns
 * (`resources`: their order, their references to other resources, what
 * their deletion waits for) and gives the stage hooks the engines call:
 * planning, applying, reading, exporting and checking a saved plan. The engines iterate
 * `KINDS` (`index.ts`) and never name a kind; `graph.ts` derives plan order,
 * apply order and skip-on-failure from the declarations. See README.md.
 */
import type { ActualOrg, ActualWorkspace } from '../model/actual.js';
import type { DesiredWorkspace } from '../model/desired.js';
import type { BlockRule, PlanAction } from '../model/plan.js';
import type { ResourceKind } from '../model/resources.js';
import type { KindExport } from './kind-export.js';
import type { KindLoad } from './kind-load.js';
import type { ResourceView } from './kind-view.js';
import type { KindRead } from './kind-read.js';
import type { KindSavedPlan, ResourcePrecondition } from './kind-saved-plan.js';
import type { ActionContext } from './kit/action-context.js';
import type { Outcome } from './kit/outcome.js';
import type { OrgOutcome, OrganizationInput } from './kit/organization-input.js';
import type { CascadeEntry, OrgScope, WorkspaceScope } from './kit/scope.js';

/** Applies one plan action of the resource's kind. */
export type Executor = (action: PlanAction, ctx: ActionContext) => Promise<Outcome>;

/** A field of an action's `desired` that names another resource (by name or email). */
export interface Reference {
  /** The field of `desired`, e.g. `credentials` (a name, or a list of names); no reference when it is absent. */
  readonly field: string;
  /** The kind of resource it names. */
  readonly to: ResourceKind;
  /**
   * The loader checks the name against the `to` items declared in the
   * configuration files (when that collection is declared there).
   */
  readonly checkedOnLoad?: boolean;
  /**
   * The name inside one entry, when an entry says more than the name (a
   * label reference `name=value`). The field may hold one entry or a list
   * of entries.
   */
  readonly nameOf?: (entry: string) => string;
}

/**
 * A quota of the organisation (`GET /orgs/{orgId}/quotas`) that the
 * resource counts toward: each create adds one, each delete removes one.
 */
/** The live items of a resource that go when an item of `kind` named `name` is deleted. */
export interface RemovedWith {
  readonly kind: ResourceKind;
  readonly items: (actual: ActualOrg, name: string) => readonly CascadeEntry[];
}

export interface QuotaCount {
  /** The API's quota name (`maxWorkspaces`, `maxPipelinesPerWorkspace`). */
  readonly quota: string;
  /** What one limit covers: the whole organisation, or each workspace. */
  readonly per: 'org' | 'workspace';
  /** Its plural in messages (`pipelines`). */
  readonly what: string;
  /**
   * How many exist: in the organisation (per org) or in the workspace (per
   * workspace); undefined when that collection was not read.
   */
  readonly live: (org: ActualOrg, ws: ActualWorkspace | undefined) => number | undefined;
}

/** An item as the bench's write bound counts it: its identity and its fields (as the file or the seed gives them). */
export interface WriteItem {
  readonly id: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

/** What the write facets are told: the role the platform gives an item it adds with one (the emulator's setting). */
export interface WriteContext {
  readonly addRole: string;
}

/**
 * An item a create waits for: its resource and identity, and whether it must
 * also be available (one status read after its create: a compute environment
 * made primary).
 */
export interface WriteWait {
  readonly to: ResourceKind;
  readonly id: string;
  readonly available?: boolean;
}

/**
 * The requests the applier makes for an action, by route (`METHOD /path/{id}`,
 * as the read facet's request costs name them): what the bench's write
 * bound counts. Per declared item: the create when no live item has its
 * identity (plus `afterCreate`, one step later), else what `update` says.
 */
export interface ResourceWrites {
  /** Creating one item: one request on this route (every field goes in it). */
  readonly create: string;
  /**
   * Whether a live item (as an emulator seed lists it) is one of its own,
   * matched by name; the others are only listed (a discovered data link).
   * Every item by default.
   */
  readonly own?: (item: Readonly<Record<string, unknown>>) => boolean;
  /**
   * Live sizes of a seeded container (the organisation or a workspace, as
   * an emulator seed gives it) that its read facet prices, by size name:
   * besides a named collection's length (its load key), a data link list's
   * 202 answers to come, the members' count, or numbers by name (the members
   * of each team).
   */
  readonly seedSizes?: (
    container: object,
  ) => Readonly<Record<string, number | Readonly<Record<string, number>>>>;
  /**
   * Whether the file manages this resource in its container (the
   * organisation's or a workspace's file, as loaded): the bound is for
   * estates where every resource that declares it does (one whose reads the
   * reader skips when it is unmanaged). `true`: the file declares its list
   * (its kind's load key), even empty.
   */
  readonly managed?: true | ((container: object) => boolean);
  /**
   * The requests a create needs once the item exists (routes, one each, side
   * by side: one step after the create), by the item as the file declares it
   * (a pipeline action's labels, applied apart; a GitHub one's hook URL, read).
   */
  readonly afterCreate?: (
    item: Readonly<Record<string, unknown>>,
    context: WriteContext,
  ) => readonly string[];
  /**
   * The declared items of its container (the organisation's or the
   * workspace's file, as loaded). By default the list under its kind's load
   * key, each by its name.
   */
  readonly declared?: (container: object) => readonly WriteItem[];
  /**
   * The live items of its container as an emulator seed gives them. By
   * default the list under its kind's load key, its own items (`own`), each
   * by its name.
   */
  readonly live?: (container: object, context: WriteContext) => readonly WriteItem[];
  /** The requests that make a live item the declared one (a role set apart); none by default. */
  readonly update?: (
    declared: Readonly<Record<string, unknown>>,
    live: Readonly<Record<string, unknown>>,
    context: WriteContext,
  ) => readonly string[];
  /**
   * What a create waits for besides its container: by default the items its
   * `references` name.
   */
  readonly waitsFor?: (item: Readonly<Record<string, unknown>>) => readonly WriteWait[];
  /**
   * The list read again while a created item becomes available (a compute
   * environment's status), by route: the benchmark counts those reads after
   * the first write as waits, apart from the requests.
   */
  readonly statusPoll?: string;
}

/** One kind of plan action (a kind module may own several: a team and its members). */
export interface ResourceSpec {
  readonly kind: ResourceKind;
  /**
   * Where its address lives: `org` (`<org>/<segment>/<name>`), `workspace`
   * (`<org>/<ws>/<segment>/<name>`), or `root` for the containers themselves
   * (the organisation, a workspace).
   */
  readonly scope: 'root' | 'org' | 'workspace';
  /**
   * The address segment of its collection (`credentials`), for `org`/`workspace`
   * scopes. A resource with a segment holds the items of its kind's read
   * facet at that level (`ws.credentials`).
   */
  readonly segment?: string;
  /**
   * A live item's last address segment, when it is not the item's `name`
   * (a participant: its email, or `team:<name>`).
   */
  readonly liveName?: (item: never) => string;
  /**
   * The items of its live collection, when the read facet's value is not
   * the list itself (data links: `{ links, waits, complete }`).
   */
  readonly liveItems?: (collection: never) => readonly object[];
  /**
   * Resource kinds whose creates, updates and replaces run before this
   * kind's; its deletes run after theirs, in reverse. Must be acyclic.
   */
  readonly after: readonly ResourceKind[];
  /**
   * Fields naming another resource: when that resource is created or
   * replaced by the same plan, this action waits for it (and is skipped if
   * it fails). Objects inside a created container always wait for it.
   */
  readonly references?: readonly Reference[];
  /**
   * A delete of a `kind` resource waits for the deletes and replaces of
   * this kind whose live `field` holds the deleted one's id (a credential
   * is deleted only after the compute environments that use it).
   */
  readonly holds?: { readonly kind: ResourceKind; readonly field: string };
  /**
   * What of this resource the platform removes when an item of another kind
   * is deleted (a member's team memberships and participations go with the
   * member): the planner gathers these from every resource into that
   * delete's `cascade`, so the deleted kind need not know what depends on it.
   */
  readonly removedWith?: readonly RemovedWith[];
  /** The quota its creates count toward, when the platform reports one. */
  readonly countsToward?: QuotaCount;
  /** The applier's step for one action of this kind. */
  readonly execute: Executor;
  /** How it reads in the plan. */
  readonly view: ResourceView;
  /**
   * Its writes, as the bench's lower bound counts them: per declared item, a
   * create when it is missing (plus what `afterCreate` declares once it
   * exists), else what `update` declares.
   */
  readonly writes?: ResourceWrites;
  /** How a saved plan records and re-checks the live object of its actions (see kind-saved-plan.ts). */
  readonly savedPlan: ResourcePrecondition;
}

/**
 * A resource kind. Hooks are optional: a kind gives those of the stages it
 * takes part in. Planning runs, per organisation, in dependency order:
 * `planOrganization` (the org itself), every `planOrgContent`, then per
 * workspace `planWorkspaceEntry` (the workspace itself), every
 * `planWorkspaceContent`, every `linkWorkspaceContent`; then every
 * `checkOrg`.
 */
export interface Kind {
  /** The folder name under `src/kinds/`. */
  readonly id: string;
  readonly resources: readonly ResourceSpec[];
  /** Its collection in the configuration files (see kind-load.ts). */
  readonly load?: KindLoad;
  /** The organisation itself: whether, and how, its contents are planned. */
  readonly planOrganization?: (input: OrganizationInput) => OrgOutcome;
  /** Objects that live in the organisation (members, teams). */
  readonly planOrgContent?: (s: OrgScope) => void;
  /** A workspace itself; returns the scope its contents are planned in, or undefined when they are not. */
  readonly planWorkspaceEntry?: (s: OrgScope, ws: DesiredWorkspace) => WorkspaceScope | undefined;
  /** Objects that live in a workspace. */
  readonly planWorkspaceContent?: (s: WorkspaceScope) => void;
  /** After every kind of the workspace is planned: links between its actions and others'. */
  readonly linkWorkspaceContent?: (s: WorkspaceScope) => void;
  /** After the whole organisation is planned: the kind's safety rules and drift reports. */
  readonly checkOrg?: (s: OrgScope) => void;
  /** Its part of an export: a file it stands for, or its items in one (see kind-export.ts). */
  readonly export?: KindExport;
  /** What the live-state reader reads of the kind, how, and at what cost in requests. */
  readonly read?: KindRead;
  /** Its part in checking a saved plan again: nested collection sizes, its safety rules (see kind-saved-plan.ts). */
  readonly savedPlan?: KindSavedPlan;
  /**
   * Its blocked rules that are not safety rules (a name that does not exist),
   * with what the plan's summary calls one: `{ unknownTeam: 'unknown team' }`
   * gives "Blocked by 2 unknown teams". Any other rule counts as a safety rule.
   */
  readonly blockerNouns?: Readonly<Partial<Record<BlockRule, string>>>;
}
