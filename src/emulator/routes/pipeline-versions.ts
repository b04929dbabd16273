/**
 * Pipeline versions: the list (paged, default page 20) and `manage`, which
 * names a version and can make it the default. Exactly one version is the
 * default; unsetting the default is a 409; version names are unique within
 * the pipeline (409). Versions are never deleted.
 */
import { workspaceFromQuery } from '../access.js';
import { integerParam, objectField, optBoolean, optString, stringParam } from '../body.js';
import { settleComputeEnvs } from '../compute-env-lifecycle.js';
import { noContent, ok, type EmulatorEnv } from '../env.js';
import { badRequest, conflict, notFound } from '../http-error.js';
import { paginate, searchFilter } from '../paging.js';
import { findPipeline, pipelineDto } from '../pipeline-model.js';
import type { EmulatorKind } from '../kind.js';
import type { Route } from '../router.js';
import { DEFAULT_VERSIONS_PAGE_SIZE } from '../settings.js';
import { attributesOf } from './pipelines.js';

function pipelineVersionRoutes({ store }: EmulatorEnv): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/pipelines/{pipelineId}/versions',
      handler: (ctx) => {
        const { org, ws } = workspaceFromQuery(store, ctx.query, ctx.user, 'view');
        settleComputeEnvs(ws, ctx.now);
        const pipeline = findPipeline(ws, integerParam(ctx.params, 'pipelineId'));
        const matches = searchFilter(ctx.query);
        const published = ctx.query.boolean('isPublished');
        const versions = pipeline.versions.filter(
          (v) => matches(v.name) && (published === undefined || published === (v.name !== undefined)),
        );
        const page = paginate(versions, ctx.query, DEFAULT_VERSIONS_PAGE_SIZE);
        const attributes = attributesOf(ctx.query);
        return ok({
          versions: page.items.map((v) => pipelineDto(store, org, ws, pipeline, attributes, v)),
          totalSize: page.totalSize,
        });
      },
    },
    {
      method: 'PUT',
      pattern: '/pipelines/{pipelineId}/versions/{versionId}/manage',
      handler: (ctx) => {
        const { ws } = workspaceFromQuery(store, ctx.query, ctx.user, 'maintain');
        const pipeline = findPipeline(ws, integerParam(ctx.params, 'pipelineId'));
        const versionId = stringParam(ctx.params, 'versionId');
        const version = pipeline.versions.find((v) => v.id === versionId);
        if (version === undefined)
          throw notFound(`Version '${versionId}' not found in pipeline '${pipeline.name}'`);
        const body = objectField(ctx.body, 'request body');
        const name = optString(body, 'name', '');
        const isDefault = optBoolean(body, 'isDefault', '');
        if (name !== undefined) {
          if (name.trim() === '') throw badRequest('name must not be blank');
          const clash = pipeline.versions.find((v) => v.name === name && v !== version);
          if (clash !== undefined)
            throw conflict(`Pipeline '${pipeline.name}' already has a version named '${name}'`);
        }
        if (isDefault === false && version.isDefault) {
          throw conflict(
            `Cannot unset the default version of pipeline '${pipeline.name}': make another version the default`,
          );
        }
        if (isDefault === true && version.name === undefined && name === undefined) {
          throw badRequest('A draft version must be named before it becomes the default');
        }
        if (name !== undefined) version.name = name;
        if (isDefault === true) for (const v of pipeline.versions) v.isDefault = v === version;
        version.lastUpdated = ctx.timestamp;
        pipeline.lastUpdated = ctx.timestamp;
        return noContent();
      },
    },
  ];
}

/** Versions live in their pipeline (routes/pipelines.ts): these are routes only. */
export const pipelineVersionsKind: EmulatorKind = { routes: pipelineVersionRoutes };
