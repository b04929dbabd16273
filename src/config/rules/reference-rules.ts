/**
 * References resolve: a compute environment's credential and a
 * pipeline's compute environment, by name in the same workspace (checked only
 * when the target collection is declared: an unmanaged one is looked up on the
 * platform at plan time); a team participant names a team of the organisation
 * file when that file manages teams; a CE's credential suits its platform.
 */
import type { ComputePlatform, CredentialProvider } from '../written.js';
import type { Rule } from './rule.js';

/** Credential providers each compute platform can use (HPC: SSH or a Tower Agent). */
export const PLATFORM_PROVIDERS: Readonly<
  Record<ComputePlatform, readonly CredentialProvider[] | undefined>
> = {
  'aws-batch': ['aws'],
  'aws-cloud': ['aws'],
  'eks-platform': ['aws'],
  'azure-batch': ['azure', 'azure_entra'],
  'azure-cloud': ['azure-cloud'],
  'google-batch': ['google'],
  'google-cloud': ['google'],
  'google-lifesciences': ['google'],
  'gke-platform': ['google'],
  'k8s-platform': ['k8s'],
  'slurm-platform': ['ssh', 'tw-agent'],
  'altair-platform': ['ssh', 'tw-agent'],
  'lsf-platform': ['ssh', 'tw-agent'],
  'uge-platform': ['ssh', 'tw-agent'],
  'moab-platform': ['ssh', 'tw-agent'],
  'seqeracompute-platform': ['seqeracompute'],
  'local-platform': undefined,
};

/** A reference still holding an unset `${VAR}` (validate mode) cannot be checked offline. */
const unresolved = (name: string): boolean => name.includes('${');

const listed = (names: readonly string[]): string => (names.length === 0 ? 'none' : names.join(', '));

export const computeEnvironmentCredentialsResolve: Rule = (ctx) => {
  for (const org of ctx.orgs) {
    for (const ws of org.workspaces) {
      const credentials = ws.written.credentials;
      if (credentials === undefined) continue;
      (ws.written.computeEnvironments ?? []).forEach((ce, i) => {
        if (ce.credentials === undefined || unresolved(ce.credentials)) return;
        const credential = credentials.find((c) => c.name === ce.credentials);
        if (credential === undefined) {
          ctx.report(
            ws,
            `/computeEnvironments/${i}/credentials`,
            `credentials '${ce.credentials}' is not a credential of this workspace (declared: ${listed(credentials.map((c) => c.name))})`,
          );
          return;
        }
        const providers = PLATFORM_PROVIDERS[ce.platform];
        if (providers !== undefined && !providers.includes(credential.provider)) {
          ctx.report(
            ws,
            `/computeEnvironments/${i}/credentials`,
            `platform ${ce.platform} cannot use credential '${credential.name}' (provider ${credential.provider}): it needs ${providers.join(' or ')}`,
          );
        }
      });
    }
  }
};

export const pipelineComputeEnvironmentsResolve: Rule = (ctx) => {
  for (const org of ctx.orgs) {
    for (const ws of org.workspaces) {
      const ces = ws.written.computeEnvironments;
      if (ces === undefined) continue;
      (ws.written.pipelines ?? []).forEach((pipeline, i) => {
        const name = pipeline.computeEnvironment;
        if (name !== undefined && !unresolved(name) && !ces.some((ce) => ce.name === name)) {
          ctx.report(
            ws,
            `/pipelines/${i}/computeEnvironment`,
            `computeEnvironment '${name}' is not a compute environment of this workspace (declared: ${listed(ces.map((c) => c.name))})`,
          );
        }
      });
    }
  }
};

export const teamParticipantsResolve: Rule = (ctx) => {
  for (const org of ctx.orgs) {
    const teams = org.organization?.written.teams;
    if (teams === undefined) continue; // teams unmanaged (or no org file): checked on the platform at plan time
    const names = teams.map((t) => t.name);
    for (const ws of org.workspaces) {
      (ws.written.participants ?? []).forEach((p, i) => {
        if ('team' in p && !unresolved(p.team) && !names.includes(p.team)) {
          ctx.report(
            ws,
            `/participants/${i}/team`,
            `team '${p.team}' is not a team of ${org.name}/organization.yaml (declared: ${listed(names)})`,
          );
        }
      });
    }
  }
};
