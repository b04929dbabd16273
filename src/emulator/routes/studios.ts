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
import type { RequestContext, Route } from '../router.js';
import { NAME_STRATEGIES, type NameStrategy } from '../records.js';
import type { OrgRecord, WorkspaceRecord } from '../store.js';
import { orNull } from '../wire.js';

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

export function studiosRoutes({ store }: EmulatorEnv): Route[] {
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
