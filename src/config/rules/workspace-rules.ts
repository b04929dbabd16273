/**
 * Per-workspace rules: at most one primary compute environment; a
 * compute environment's `config.discriminator` (kept when a config is pasted
 * from `tw compute-envs export`) equals its platform; a
 * pipeline in a private workspace has a compute environment and a work dir
 * (the platform refuses it otherwise and does not copy the CE's); the number of
 * participant entries within the organisation's `policy.maxParticipants`.
 */
import type { Rule } from './rule.js';

export const singlePrimaryComputeEnvironment: Rule = (ctx) => {
  for (const org of ctx.orgs) {
    for (const ws of org.workspaces) {
      let first: number | undefined;
      (ws.written.computeEnvironments ?? []).forEach((ce, i) => {
        if (ce.primary !== true) return;
        if (first === undefined) {
          first = i;
          return;
        }
        const line = ws.locate(`/computeEnvironments/${first}/primary`).line;
        ctx.report(
          ws,
          `/computeEnvironments/${i}/primary`,
          `at most one compute environment may be primary ('${ws.written.computeEnvironments?.[first]?.name ?? ''}' is already primary at line ${line})`,
        );
      });
    }
  }
};

export const discriminatorMatchesPlatform: Rule = (ctx) => {
  for (const org of ctx.orgs) {
    for (const ws of org.workspaces) {
      (ws.written.computeEnvironments ?? []).forEach((ce, i) => {
        const discriminator = ce.config['discriminator'];
        if (typeof discriminator !== 'string' || discriminator === ce.platform) return;
        ctx.report(
          ws,
          `/computeEnvironments/${i}/config/discriminator`,
          `config.discriminator '${discriminator}' does not match platform '${ce.platform}' of compute environment '${ce.name}' (a config pasted from \`tw compute-envs export\` names the platform it was exported from)`,
        );
      });
    }
  }
};

export const privatePipelinesHaveComputeAndWorkDir: Rule = (ctx) => {
  for (const org of ctx.orgs) {
    for (const ws of org.workspaces) {
      if ((ws.written.visibility ?? 'private') !== 'private') continue;
      (ws.written.pipelines ?? []).forEach((pipeline, i) => {
        for (const field of ['computeEnvironment', 'workDir'] as const) {
          if (pipeline[field] === undefined) {
            ctx.report(
              ws,
              `/pipelines/${i}`,
              `pipeline '${pipeline.name}' needs ${field}: the workspace is private (the platform refuses a private pipeline without it)`,
            );
          }
        }
      });
    }
  }
};

export const participantsWithinLimit: Rule = (ctx) => {
  for (const org of ctx.orgs) {
    const limit = org.organization?.written.policy?.maxParticipants ?? 0;
    if (limit <= 0) continue;
    for (const ws of org.workspaces) {
      const count = ws.written.participants?.length ?? 0;
      if (count > limit) {
        ctx.report(
          ws,
          '/participants',
          `${count} participant entries exceed the organisation's policy.maxParticipants (${limit}): add people through a team`,
        );
      }
    }
  }
};
