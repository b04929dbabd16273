/**
 * The current state in seed form: what tests assert on, and a seed that
 * loads back into the same state (secret values included, so keep snapshots
 * out of logs). Compute-environment transitions due by `now` are applied
 * first; a still CREATING or DELETING one is captured with that status.
 */
import { settleComputeEnvs } from './compute-env-lifecycle.js';
import type { Json } from './json.js';
import type {
  ComputeEnvSeed,
  CredentialSeed,
  EmulatorSeed,
  LaunchSeed,
  OrgSeed,
  ParticipantSeed,
  PipelineSeed,
  WorkspaceSeed,
} from './seed.js';
import type { LaunchFields, OrgRecord, Store, WorkspaceRecord } from './store.js';

function scalarKeys(
  keys: Readonly<Record<string, Json | undefined>>,
): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(keys)) {
    if (
      key !== 'discriminator' &&
      (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    ) {
      out[key] = value;
    }
  }
  return out;
}

function workspaceSeed(store: Store, org: OrgRecord, ws: WorkspaceRecord): WorkspaceSeed {
  const participants: ParticipantSeed[] = [...ws.participants.values()].flatMap((p): ParticipantSeed[] => {
    if (p.teamId !== undefined) {
      const team = org.teams.get(p.teamId);
      return team === undefined ? [] : [{ team: team.name, role: p.role }];
    }
    const member = p.memberId === undefined ? undefined : org.members.get(p.memberId);
    const user = member === undefined ? undefined : store.users.get(member.userId);
    return user === undefined ? [] : [{ email: user.email, role: p.role }];
  });
  const labelNames = (ids: readonly number[]): string[] =>
    ids.flatMap((id) => {
      const label = ws.labels.get(id);
      return label === undefined ? [] : [label.name];
    });
  const credentials: CredentialSeed[] = [...ws.credentials.values()].map((c) => ({
    name: c.name,
    provider: c.provider,
    ...(c.description === undefined ? {} : { description: c.description }),
    ...(c.baseUrl === undefined ? {} : { baseUrl: c.baseUrl }),
    ...(c.category === undefined ? {} : { category: c.category }),
    keys: scalarKeys(c.keys),
  }));
  const computeEnvironments: ComputeEnvSeed[] = [...ws.computeEnvs.values()].map((ce) => {
    const credentials =
      ce.credentialsId === undefined ? undefined : ws.credentials.get(ce.credentialsId)?.name;
    const labels = labelNames(ce.labelIds);
    return {
      name: ce.name,
      platform: ce.platform,
      ...(credentials === undefined ? {} : { credentials }),
      ...(ce.primary ? { primary: true } : {}),
      ...(ce.description === undefined ? {} : { description: ce.description }),
      config: structuredClone(ce.config),
      status: ce.status,
      ...(ce.message === undefined ? {} : { message: ce.message }),
      ...(labels.length === 0 ? {} : { labels }),
    };
  });
  const launchSeed = (launch: LaunchFields): LaunchSeed => {
    const { computeEnvId, pipeline, ...rest } = launch;
    const computeEnv = typeof computeEnvId === 'string' ? ws.computeEnvs.get(computeEnvId)?.name : undefined;
    return {
      pipeline: typeof pipeline === 'string' ? pipeline : '',
      ...structuredClone(rest),
      ...(computeEnv === undefined ? {} : { computeEnv }),
    };
  };
  const pipelines: PipelineSeed[] = [...ws.pipelines.values()].map((p) => {
    const defaultVersion = p.versions.find((v) => v.isDefault) ?? p.versions[0];
    const others = p.versions.filter((v) => v !== defaultVersion);
    const labels = labelNames(p.labelIds);
    return {
      name: p.name,
      ...(p.description === undefined ? {} : { description: p.description }),
      ...(p.icon === undefined ? {} : { icon: p.icon }),
      ...(labels.length === 0 ? {} : { labels }),
      launch: launchSeed(defaultVersion?.launch ?? {}),
      ...(defaultVersion?.name === undefined ? {} : { versionName: defaultVersion.name }),
      ...(others.length === 0
        ? {}
        : {
            versions: others.map((v) => ({
              ...(v.name === undefined ? {} : { name: v.name }),
              launch: launchSeed(v.launch),
            })),
          }),
    };
  });
  return {
    name: ws.name,
    fullName: ws.fullName,
    ...(ws.description === undefined ? {} : { description: ws.description }),
    visibility: ws.visibility === 'SHARED' ? 'shared' : 'private',
    participants,
    labels: [...ws.labels.values()].map((l) => ({
      name: l.name,
      ...(l.value === undefined ? {} : { value: l.value }),
      resource: l.resource,
      isDefault: l.isDefault,
    })),
    credentials,
    computeEnvironments,
    pipelines,
    secrets: [...ws.secrets.values()].map((s) => ({ name: s.name, value: s.value })),
    dataLinks: [...ws.dataLinks.values()].map((l) => {
      const credentials = ws.credentials.get(l.credentialsIds[0] ?? '')?.name;
      return {
        name: l.name,
        provider: l.provider,
        resourceRef: l.resourceRef,
        ...(credentials === undefined ? {} : { credentials }),
        ...(l.description === undefined ? {} : { description: l.description }),
        publicAccessible: l.publicAccessible,
        ...(l.region === undefined ? {} : { region: l.region }),
        ...(l.discovered ? { discovered: true } : {}),
      };
    }),
    ...(ws.dataLinksFetching > 0 ? { dataLinksFetching: ws.dataLinksFetching } : {}),
    studios: { ...ws.studios },
    ...(ws.datasets.size === 0
      ? {}
      : {
          // Versions as text (dataset files are UTF-8 CSV/TSV; other bytes would not round-trip).
          datasets: [...ws.datasets.values()].map((d) => {
            const labels = labelNames(d.labelIds);
            return {
              name: d.name,
              ...(d.description === undefined ? {} : { description: d.description }),
              ...(labels.length === 0 ? {} : { labels }),
              versions: d.versions.map((v) => ({
                fileName: v.fileName,
                content: v.content.toString('utf8'),
                header: v.hasHeader,
              })),
            };
          }),
        }),
    actions: [...ws.actions.values()].map((a) => {
      const labels = labelNames(a.labelIds);
      return {
        name: a.name,
        source: a.source,
        launch: launchSeed(a.launch),
        ...(a.cron === undefined ? {} : { cron: { ...a.cron } }),
        ...(labels.length === 0 ? {} : { labels }),
      };
    }),
  };
}

function quotasSeed(org: OrgRecord): Pick<OrgSeed, 'quotas'> {
  const quotas = org.quotas;
  if ('unavailable' in quotas) return { quotas: quotas.unavailable === 403 ? 'forbidden' : 'absent' };
  return Object.keys(quotas.limits).length === 0 ? {} : { quotas: { ...quotas.limits } };
}

function orgSeed(store: Store, org: OrgRecord): OrgSeed {
  const emailOf = (userId: number): string => store.users.get(userId)?.email ?? '';
  return {
    name: org.name,
    fullName: org.fullName,
    ...(org.description === undefined ? {} : { description: org.description }),
    ...(org.location === undefined ? {} : { location: org.location }),
    ...(org.website === undefined ? {} : { website: org.website }),
    ...(org.sso ? { sso: true } : {}),
    ...(org.customRolesEnabled ? {} : { customRolesEnabled: false }),
    ...(org.customRoles.size === 0
      ? {}
      : {
          customRoles: [...org.customRoles.values()].map((r) => ({
            name: r.name,
            description: r.description,
            permissions: [...r.permissions],
          })),
        }),
    ...quotasSeed(org),
    members: [...org.members.values()].map((m) => ({ email: emailOf(m.userId), role: m.role })),
    teams: [...org.teams.values()].map((t) => ({
      name: t.name,
      ...(t.description === undefined ? {} : { description: t.description }),
      ...(t.idpGroupId === undefined ? {} : { idpGroupId: t.idpGroupId }),
      members: [...t.memberIds].flatMap((id) => {
        const member = org.members.get(id);
        return member === undefined ? [] : [emailOf(member.userId)];
      }),
    })),
    workspaces: [...org.workspaces.values()].map((ws) => workspaceSeed(store, org, ws)),
  };
}

/** The whole state as a seed. */
export function snapshotStore(store: Store, now: number): EmulatorSeed {
  for (const ws of store.workspaces.values()) settleComputeEnvs(ws, now);
  return {
    users: [...store.users.values()].map((u) => ({
      userName: u.userName,
      email: u.email,
      ...(u.token === undefined ? {} : { token: u.token }),
      ...(u.firstName === undefined ? {} : { firstName: u.firstName }),
      ...(u.lastName === undefined ? {} : { lastName: u.lastName }),
    })),
    orgs: [...store.orgs.values()].map((org) => orgSeed(store, org)),
  };
}
