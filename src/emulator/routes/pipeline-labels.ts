/**
 * Labels attached to pipelines (`/pipelines/labels/add|apply|remove`): each
 * takes `pipelineIds` and `labelIds` of the workspace and answers 204.
 * `apply` makes each pipeline's labels exactly `labelIds` (an empty list
 * clears them), `add` keeps the labels a pipeline has, `remove` takes the
 * given ones off. Every id is checked before anything changes: an unknown
 * pipeline or label is a 404 and nothing is attached. Writes need `maintain`.
 */
import { workspaceFromQuery } from '../access.js';
import { objectField, optIntegerArray } from '../body.js';
import { settleComputeEnvs } from '../compute-env-lifecycle.js';
import { noContent, type EmulatorEnv } from '../env.js';
import { notFound } from '../http-error.js';
import { findPipeline } from '../pipeline-model.js';
import type { EmulatorKind } from '../kind.js';
import type { Route } from '../router.js';

type Change = (current: readonly number[], given: readonly number[]) => number[];

const CHANGES: Readonly<Record<'add' | 'apply' | 'remove', Change>> = {
  add: (current, given) => [...new Set([...current, ...given])],
  apply: (_current, given) => [...new Set(given)],
  remove: (current, given) => current.filter((id) => !given.includes(id)),
};

function pipelineLabelRoutes({ store }: EmulatorEnv): Route[] {
  return (Object.keys(CHANGES) as (keyof typeof CHANGES)[]).map((verb) => ({
    method: 'POST',
    pattern: `/pipelines/labels/${verb}`,
    handler: (ctx) => {
      const { ws } = workspaceFromQuery(store, ctx.query, ctx.user, 'maintain');
      settleComputeEnvs(ws, ctx.now);
      const body = objectField(ctx.body, 'request body');
      const pipelines = (optIntegerArray(body, 'pipelineIds', '') ?? []).map((id) => findPipeline(ws, id));
      const labelIds = optIntegerArray(body, 'labelIds', '') ?? [];
      const unknown = labelIds.find((id) => !ws.labels.has(id));
      if (unknown !== undefined) throw notFound(`Label ${unknown} not found in workspace '${ws.name}'`);
      for (const pipeline of pipelines) {
        pipeline.labelIds = CHANGES[verb](pipeline.labelIds, labelIds);
        pipeline.lastUpdated = ctx.timestamp;
      }
      return noContent();
    },
  }));
}

/** A pipeline's labels live in the pipeline (routes/pipelines.ts): these are routes only. */
export const pipelineLabelsKind: EmulatorKind = { routes: pipelineLabelRoutes };
