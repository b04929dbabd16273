/**
 * After a pipeline update that changed launch fields, the platform keeps
 * launching the default version and adds an unnamed draft version.
 * `promoteDraftVersion` names the draft after the launch digest and makes it
 * the default. The name is deterministic, so on a rerun a version that
 * already carries it is promoted instead of naming a second one.
 */
import type { PipelineDbDto, PipelineVersionFullInfoDto } from './api.js';
import { ApiError } from '../../api/errors.js';
import type { ActionContext } from '../kit/action-context.js';
import { pipelineReads, pipelineWrites } from './api.js';

export interface DraftPromotion {
  readonly workspaceId: number;
  readonly pipelineId: number;
  /** The default version before the update. */
  readonly previousVersionId: string | undefined;
  /** What the update answered. */
  readonly response: PipelineDbDto;
  /** The version name: `launchDigest` of the launch that was sent. */
  readonly versionName: string;
}

function versionsOf(list: readonly PipelineDbDto[]): PipelineVersionFullInfoDto[] {
  return list.flatMap((entry) =>
    entry.version === undefined || entry.version === null ? [] : [entry.version],
  );
}

async function manage(ctx: ActionContext, p: DraftPromotion, versionId: string): Promise<void> {
  await ctx.client.use(pipelineWrites).managePipelineVersion(p.workspaceId, p.pipelineId, versionId, {
    name: p.versionName,
    isDefault: true,
  });
}

/** Names and promotes the draft; returns a note when something other than the plain path happened. */
export async function promoteDraftVersion(
  ctx: ActionContext,
  p: DraftPromotion,
): Promise<string | undefined> {
  const answered = p.response.version;
  if (answered !== undefined && answered !== null && answered.id !== p.previousVersionId) {
    if (answered.name === p.versionName && answered.isDefault === true) return undefined;
    try {
      await manage(ctx, p, answered.id);
      return undefined;
    } catch (error) {
      // The name may already be taken by an earlier run's version: fall through to the list.
      if (!(error instanceof ApiError) || (error.status !== 409 && error.status !== 400)) throw error;
    }
  }
  const versions = versionsOf(
    await ctx.client.use(pipelineReads).listPipelineVersions(p.workspaceId, p.pipelineId),
  );
  const named = versions.find((version) => version.name === p.versionName);
  if (named !== undefined) {
    if (named.isDefault === true) return undefined;
    await manage(ctx, p, named.id);
    return `promoted the existing version ${p.versionName}`;
  }
  const drafts = versions.filter(
    (version) =>
      version.isDefault !== true &&
      (version.name === undefined || version.name === null || version.name === ''),
  );
  const draft = drafts.at(-1);
  if (draft === undefined) return 'the platform created no draft version to promote';
  await manage(ctx, p, draft.id);
  return drafts.length > 1 ? `promoted the newest of ${drafts.length} unnamed draft versions` : undefined;
}
