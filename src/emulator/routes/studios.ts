/**
 * A workspace's Studios settings (`/orgs/{orgId}/workspaces/{workspaceId}/settings/studios`):
 * one object per workspace, which exists with the workspace (a new one has
 * the defaults in settings.ts). Reading needs `view`; the update needs
 * `admin` and changes only the fields it sends: a field sent as null is
 * reset (the platform's default applies), one left out is kept. The update
 * answers 204. `lifespanHours` is a whole number ≥ 0 (0: no limit);
 * `nameStrategy` one of none, tagPrefix, imageSuffix.
 */
import { findOrg, findWorkspaceInOrg, requireWorkspaceRole } from '../access.js';
import { integerParam, objectField, optBoolean, optInteger, optNullableString } from '../body.js';
import { noContent, ok, type EmulatorEnv } from '../env.js';
import { badRequest } from '../http-error.js';
import type { JsonObject } from '../json.js';
import { seedObj, seedStr, type EmulatorKind } from '../kind.js';
import type { RequestContext, Route } from '../router.js';
import { DEFAULT_PRIVATE_STUDIO_BY_DEFAULT, DEFAULT_STUDIOS_LIFESPAN_HOURS } from '../settings.js';
import type { OrgRecord, WorkspaceRecord } from '../store.js';
import { orNull } from '../wire.js';

/**
 * A workspace's Studios settings. A new workspace gets the defaults in
 * `settings.ts`; the container repository and the image naming strategy are
 * unset (null on the wire: the platform's own default applies).
 */
export interface StudiosSettingsRecord {
  lifespanHours: number;
  privateStudioByDefault: boolean;
  containerRepository?: string;
  nameStrategy?: NameStrategy;
}

/** How Wave names the images it builds for Studios. */
export type NameStrategy = 'none' | 'tagPrefix' | 'imageSuffix';
const NAME_STRATEGIES: readonly NameStrategy[] = ['none', 'tagPrefix', 'imageSuffix'];

/** A workspace's Studios settings (default: the emulator's, see settings.ts). */
export interface StudiosSeed {
  readonly lifespanHours?: number;
  readonly privateStudioByDefault?: boolean;
  readonly containerRepository?: string;
  readonly nameStrategy?: NameStrategy;
}

declare module '../records.js' {
  interface WorkspaceCollections {
    studios: StudiosSettingsRecord;
  }
}

declare module '../seed-types.js' {
  interface WorkspaceSeed {
    readonly studios?: StudiosSeed;
  }
}

const INT32_MAX = 2_147_483_647;
const REPOSITORY_MAX_LENGTH = 255;

/** DataStudioWorkspaceSettingsResponse. */
export function studiosSettingsDto(org: OrgRecord, ws: WorkspaceRecord): JsonObject {
  return {
    orgId: org.id,
    wspId: ws.id,
    lifespanHours: ws.studios.lifespanHours,
    privateStudioByDefault: ws.studios.privateStudioByDefault,
    containerRepository: orNull(ws.studios.containerRepository),
    nameStrategy: orNull(ws.studios.nameStrategy),
  };
}

function isNameStrategy(value: string): value is NameStrategy {
  return (NAME_STRATEGIES as readonly string[]).includes(value);
}

function studiosRoutes({ store }: EmulatorEnv): Route[] {
  const target = (ctx: RequestContext): { org: OrgRecord; ws: WorkspaceRecord } => {
    const org = findOrg(store, integerParam(ctx.params, 'orgId'));
    return { org, ws: findWorkspaceInOrg(org, integerParam(ctx.params, 'workspaceId')) };
  };
  const pattern = '/orgs/{orgId}/workspaces/{workspaceId}/settings/studios';
  return [
    {
      method: 'GET',
      pattern,
      handler: (ctx) => {
        const { org, ws } = target(ctx);
        requireWorkspaceRole(store, org, ws, ctx.user, 'view');
        return ok(studiosSettingsDto(org, ws));
      },
    },
    {
      method: 'PUT',
      pattern,
      handler: (ctx) => {
        const { org, ws } = target(ctx);
        requireWorkspaceRole(store, org, ws, ctx.user, 'admin');
        const body = objectField(ctx.body, 'request body');
        const lifespanHours = optInteger(body, 'lifespanHours', '');
        const privateStudioByDefault = optBoolean(body, 'privateStudioByDefault', '');
        const containerRepository = optNullableString(body, 'containerRepository', '');
        const nameStrategy = optNullableString(body, 'nameStrategy', '');
        if (lifespanHours !== undefined && (lifespanHours < 0 || lifespanHours > INT32_MAX)) {
          throw badRequest(
            `lifespanHours must be between 0 (no limit) and ${INT32_MAX}, got ${lifespanHours}`,
          );
        }
        if (typeof containerRepository === 'string') {
          if (containerRepository.trim() === '') throw badRequest('containerRepository must not be blank');
          if (containerRepository.length > REPOSITORY_MAX_LENGTH) {
            throw badRequest(`containerRepository must be at most ${REPOSITORY_MAX_LENGTH} characters`);
          }
        }
        if (typeof nameStrategy === 'string' && !isNameStrategy(nameStrategy)) {
          throw badRequest(
            `nameStrategy must be one of ${NAME_STRATEGIES.join(', ')}, got '${nameStrategy}'`,
          );
        }
        const next = { ...ws.studios };
        if (lifespanHours !== undefined) next.lifespanHours = lifespanHours;
        if (privateStudioByDefault !== undefined) next.privateStudioByDefault = privateStudioByDefault;
        if (containerRepository === null) delete next.containerRepository;
        else if (containerRepository !== undefined) next.containerRepository = containerRepository;
        if (nameStrategy === null) delete next.nameStrategy;
        else if (nameStrategy !== undefined && isNameStrategy(nameStrategy)) next.nameStrategy = nameStrategy;
        ws.studios = next;
        ws.lastUpdated = ctx.timestamp;
        return noContent();
      },
    },
  ];
}

export const studiosKind: EmulatorKind = {
  routes: studiosRoutes,
  workspace: {
    state: () => ({
      studios: {
        lifespanHours: DEFAULT_STUDIOS_LIFESPAN_HOURS,
        privateStudioByDefault: DEFAULT_PRIVATE_STUDIO_BY_DEFAULT,
      },
    }),
    seedSchema: {
      studios: seedObj([], {
        lifespanHours: { type: 'integer', minimum: 0 },
        privateStudioByDefault: { type: 'boolean' },
        containerRepository: seedStr,
        nameStrategy: { enum: NAME_STRATEGIES },
      }),
    },
    loadSeed: (_loader, _org, ws, seed) => {
      if (seed.studios !== undefined) ws.studios = { ...ws.studios, ...seed.studios };
    },
    snapshot: (_store, _org, ws) => ({ studios: { ...ws.studios } }),
  },
};
