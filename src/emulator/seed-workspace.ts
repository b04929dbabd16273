/**
 * Loads one seeded workspace: participants, labels, credentials, compute
 * environments, pipelines, secrets and data links, checking names and
 * references.
 * environments, pipelines, secrets and datasets, checking names and references.
 * environments, pipelines, pipeline actions and secrets, checking names and
 * references.
 */
import { WORKSPACE_ROLES } from './access.js';
import { fillForgedResources, serverFilledConfig } from './compute-env-lifecycle.js';
import { PLATFORMS, PROVIDERS } from './credential-keys.js';
import { toJsonObject } from './json.js';
import { parseLaunch } from './launch.js';
import { ASSET_NAME, RESOURCE_NAME, SECRET_NAME } from './names.js';
import { newVersion } from './pipeline-model.js';
import { dataLinkId } from './wire.js';
import { DATA_LINK_SCHEMES } from './routes/data-links.js';
import type { LaunchSeed, WorkspaceSeed } from './seed.js';
import { CRON_EXPRESSION, newActionRecord } from './action-model.js';
import {
  newWorkspaceRecord,
  type ComputeEnvRecord,
  type DataLinkRecord,
  type LabelRecord,
  type LaunchFields,
  type OrgRecord,
  type Store,
  type UserRecord,
  type WorkspaceRecord,
} from './store.js';

/** State shared while one seed loads. */
export interface Loader {
  readonly store: Store;
  readonly problems: string[];
  readonly timestamp: string;
  readonly defaultRole: string;
  readonly tokenUser: UserRecord;
}

/** Tracks names per scope and reports duplicates. */
export function uniqueNames(
  loader: Loader,
  what: string,
): (name: string, where: string, caseInsensitive?: boolean) => void {
  const seen = new Set<string>();
  return (name, where, caseInsensitive = false) => {
    const key = caseInsensitive ? name.toLowerCase() : name;
    if (seen.has(key)) loader.problems.push(`${where}: duplicate ${what} '${name}'`);
    seen.add(key);
  };
}

function loadParticipants(
  loader: Loader,
  org: OrgRecord,
  ws: WorkspaceRecord,
  seed: WorkspaceSeed,
  where: string,
): void {
  const { store, problems } = loader;
  (seed.participants ?? []).forEach((p, i) => {
    const pw = `${where}.participants[${i}]`;
    const role = p.role ?? loader.defaultRole;
    if (!(WORKSPACE_ROLES as readonly string[]).includes(role) && !org.customRoles.has(role)) {
      problems.push(`${pw}.role: unknown role '${role}' (not predefined and not in customRoles)`);
    }
    if (p.team !== undefined) {
      const team = [...org.teams.values()].find((t) => t.name === p.team);
      if (team === undefined)
        problems.push(`${pw}: team '${p.team}' is not a team of organization '${org.name}'`);
      else if (ws.participantByTeam.has(team.id))
        problems.push(`${pw}: duplicate participant team '${p.team}'`);
      else store.addParticipant(ws, { teamId: team.id }, role);
      return;
    }
    const email = p.email ?? '';
    const user = store.findUser(email);
    if (user === undefined) {
      problems.push(`${pw}: '${email}' is not a registered user (add it under users)`);
      return;
    }
    let member = store.memberOf(org, user.id);
    if (member === undefined && org.sso) {
      problems.push(
        `${pw}: '${email}' is not a member of SSO organization '${org.name}' (collaborators are refused)`,
      );
      return;
    }
    member ??= store.addMember(org, user.id, 'collaborator');
    if (ws.participantByMember.has(member.memberId)) problems.push(`${pw}: duplicate participant '${email}'`);
    else store.addParticipant(ws, { memberId: member.memberId }, role);
  });
}

function labelIdFor(loader: Loader, ws: WorkspaceRecord, name: string): number {
  for (const label of ws.labels.values()) if (label.name === name) return label.id;
  const label: LabelRecord = {
    id: loader.store.nextId('label'),
    name,
    resource: false,
    isDefault: false,
    dateCreated: loader.timestamp,
  };
  ws.labels.set(label.id, label);
  return label.id;
}

/** Loads one workspace and everything in it. */
export function loadWorkspace(loader: Loader, org: OrgRecord, seed: WorkspaceSeed, where: string): void {
  const { store, problems, timestamp } = loader;
  if (!RESOURCE_NAME.test(seed.name)) problems.push(`${where}.name: invalid workspace name '${seed.name}'`);
  const ws = newWorkspaceRecord(
    store.nextId('workspace'),
    org.id,
    {
      name: seed.name,
      fullName: seed.fullName ?? seed.name,
      visibility: seed.visibility?.toUpperCase() === 'SHARED' ? 'SHARED' : 'PRIVATE',
      ...(seed.description === undefined ? {} : { description: seed.description }),
    },
    timestamp,
  );
  store.addWorkspace(org, ws);
  if (seed.studios !== undefined) ws.studios = { ...ws.studios, ...seed.studios };
  loadParticipants(loader, org, ws, seed, where);
  for (const l of seed.labels ?? []) {
    const label: LabelRecord = {
      id: store.nextId('label'),
      name: l.name,
      resource: l.resource ?? l.value !== undefined,
      isDefault: l.isDefault ?? false,
      dateCreated: timestamp,
      ...(l.value === undefined ? {} : { value: l.value }),
    };
    ws.labels.set(label.id, label);
  }
  const credName = uniqueNames(loader, 'credentials');
  const credIds = new Map<string, string>();
  (seed.credentials ?? []).forEach((c, i) => {
    const cw = `${where}.credentials[${i}]`;
    credName(c.name, cw);
    if (!ASSET_NAME.test(c.name)) problems.push(`${cw}.name: invalid credentials name '${c.name}'`);
    if (!PROVIDERS.includes(c.provider)) problems.push(`${cw}.provider: unknown provider '${c.provider}'`);
    const discriminator = c.keys?.discriminator;
    if (discriminator !== undefined && discriminator !== c.provider) {
      problems.push(`${cw}.keys.discriminator: must equal the provider '${c.provider}'`);
    }
    const id = store.nextStringId();
    credIds.set(c.name, id);
    ws.credentials.set(id, {
      id,
      name: c.name,
      provider: c.provider,
      ...(c.description === undefined ? {} : { description: c.description }),
      ...(c.baseUrl === undefined ? {} : { baseUrl: c.baseUrl }),
      ...(c.category === undefined ? {} : { category: c.category }),
      keys: { ...toJsonObject(c.keys ?? {}), discriminator: c.provider },
      dateCreated: timestamp,
      lastUpdated: timestamp,
    });
  });
  const ceName = uniqueNames(loader, 'compute environment');
  const ceIds = new Map<string, string>();
  const computeEnvs = seed.computeEnvironments ?? [];
  // Several CEs may be primary: the platform's data can say so (a recorded list marks three).
  computeEnvs.forEach((c, i) => {
    const cw = `${where}.computeEnvironments[${i}]`;
    ceName(c.name, cw);
    if (!ASSET_NAME.test(c.name)) problems.push(`${cw}.name: invalid compute environment name '${c.name}'`);
    if (!PLATFORMS.includes(c.platform)) problems.push(`${cw}.platform: unknown platform '${c.platform}'`);
    const credentialsId = c.credentials === undefined ? undefined : credIds.get(c.credentials);
    if (c.credentials !== undefined && credentialsId === undefined) {
      problems.push(`${cw}.credentials: no credentials named '${c.credentials}' in this workspace`);
    }
    const id = store.nextStringId();
    ceIds.set(c.name, id);
    const ce: ComputeEnvRecord = {
      id,
      name: c.name,
      platform: c.platform,
      config: serverFilledConfig(c.platform, c.config ?? {}, id),
      status: c.status ?? 'AVAILABLE',
      primary: c.primary ?? false,
      labelIds: (c.labels ?? []).map((name) => labelIdFor(loader, ws, name)),
      ...(credentialsId === undefined ? {} : { credentialsId }),
      ...(c.description === undefined ? {} : { description: c.description }),
      ...(c.message === undefined ? {} : { message: c.message }),
      dateCreated: timestamp,
      lastUpdated: timestamp,
    };
    if (ce.status === 'AVAILABLE') fillForgedResources(ce);
    ws.computeEnvs.set(id, ce);
  });
  const launchOf = (l: LaunchSeed, lw: string): LaunchFields => {
    const { computeEnv, ...rest } = l;
    const computeEnvId = computeEnv === undefined ? undefined : ceIds.get(computeEnv);
    if (computeEnv !== undefined && computeEnvId === undefined) {
      problems.push(`${lw}.computeEnv: no compute environment named '${computeEnv}' in this workspace`);
    }
    try {
      return parseLaunch({ ...rest, ...(computeEnvId === undefined ? {} : { computeEnvId }) }, `${lw}.`);
    } catch (err) {
      problems.push(err instanceof Error ? err.message : String(err));
      return { pipeline: l.pipeline };
    }
  };
  const pipelineName = uniqueNames(loader, 'pipeline');
  (seed.pipelines ?? []).forEach((p, i) => {
    const pw = `${where}.pipelines[${i}]`;
    pipelineName(p.name, pw);
    const user = loader.tokenUser.id;
    const versions = [
      newVersion(store, launchOf(p.launch, `${pw}.launch`), user, timestamp, {
        isDefault: true,
        ...(p.versionName === undefined ? {} : { name: p.versionName }),
      }),
      ...(p.versions ?? []).map((v, j) =>
        newVersion(store, launchOf(v.launch, `${pw}.versions[${j}].launch`), user, timestamp, {
          isDefault: false,
          ...(v.name === undefined ? {} : { name: v.name }),
        }),
      ),
    ];
    const id = store.nextId('pipeline');
    ws.pipelines.set(id, {
      id,
      workspaceId: ws.id,
      name: p.name,
      ...(p.description === undefined ? {} : { description: p.description }),
      ...(p.icon === undefined ? {} : { icon: p.icon }),
      labelIds: (p.labels ?? []).map((name) => labelIdFor(loader, ws, name)),
      versions,
      creatorUserId: user,
      dateCreated: timestamp,
      lastUpdated: timestamp,
    });
  });
  const actionName = uniqueNames(loader, 'pipeline action');
  (seed.actions ?? []).forEach((a, i) => {
    const aw = `${where}.actions[${i}]`;
    actionName(a.name, aw);
    if ((a.source === 'cron') !== (a.cron !== undefined)) {
      problems.push(`${aw}.cron: a cron action has a schedule, and only a cron action`);
    }
    if (a.cron !== undefined && !CRON_EXPRESSION.test(a.cron.expression)) {
      problems.push(`${aw}.cron.expression: invalid cron expression '${a.cron.expression}'`);
    }
    try {
      const action = newActionRecord(store, {
        name: a.name,
        source: a.source,
        launch: launchOf(a.launch, `${aw}.launch`),
        ...(a.cron === undefined
          ? {}
          : { cron: { expression: a.cron.expression, timezone: a.cron.timezone ?? 'UTC' } }),
        labelIds: (a.labels ?? []).map((name) => labelIdFor(loader, ws, name)),
        timestamp,
      });
      ws.actions.set(action.id, action);
    } catch (err) {
      problems.push(`${aw}: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
  const secretName = uniqueNames(loader, 'secret');
  (seed.secrets ?? []).forEach((s, i) => {
    secretName(s.name, `${where}.secrets[${i}]`);
    if (!SECRET_NAME.test(s.name))
      problems.push(`${where}.secrets[${i}].name: invalid pipeline secret name '${s.name}'`);
    const id = store.nextId('secret');
    ws.secrets.set(id, { id, name: s.name, value: s.value, dateCreated: timestamp, lastUpdated: timestamp });
  });
  loadDataLinks(loader, ws, seed, where, credIds);
}

/** Custom and discovered data links; a link's credentials must be of the workspace and of its provider. */
function loadDataLinks(
  loader: Loader,
  ws: WorkspaceRecord,
  seed: WorkspaceSeed,
  where: string,
  credIds: ReadonlyMap<string, string>,
): void {
  const { store, problems } = loader;
  const linkName = uniqueNames(loader, 'data link');
  (seed.dataLinks ?? []).forEach((l, i) => {
    const lw = `${where}.dataLinks[${i}]`;
    linkName(l.name, lw);
    const scheme = DATA_LINK_SCHEMES[l.provider];
    if (scheme === undefined) problems.push(`${lw}.provider: data links support aws, google and azure`);
    else if (!l.resourceRef.startsWith(scheme)) problems.push(`${lw}.resourceRef: must start with ${scheme}`);
    const credentialsId = l.credentials === undefined ? undefined : credIds.get(l.credentials);
    if (l.credentials !== undefined && credentialsId === undefined) {
      problems.push(`${lw}.credentials: no credentials named '${l.credentials}' in this workspace`);
    }
    if (l.discovered === true && credentialsId === undefined) {
      problems.push(`${lw}: a discovered data link needs the credentials it was discovered with`);
    }
    const link: DataLinkRecord = {
      id: dataLinkId(store, l.discovered === true),
      name: l.name,
      provider: l.provider,
      resourceRef: l.resourceRef,
      publicAccessible: l.publicAccessible ?? false,
      credentialsIds: credentialsId === undefined ? [] : [credentialsId],
      discovered: l.discovered === true,
      ...(l.description === undefined ? {} : { description: l.description }),
      ...(l.region === undefined ? {} : { region: l.region }),
    };
    ws.dataLinks.set(link.id, link);
  });
  ws.dataLinksFetching = seed.dataLinksFetching ?? 0;
  const datasetName = uniqueNames(loader, 'dataset');
  (seed.datasets ?? []).forEach((d, i) => {
    datasetName(d.name, `${where}.datasets[${i}]`);
    if (!RESOURCE_NAME.test(d.name))
      problems.push(`${where}.datasets[${i}].name: invalid dataset name '${d.name}'`);
    const id = store.nextStringId();
    ws.datasets.set(id, {
      id,
      name: d.name,
      ...(d.description === undefined ? {} : { description: d.description }),
      labelIds: (d.labels ?? []).map((name) => labelIdFor(loader, ws, name)),
      versions: (d.versions ?? []).map((v, j) => ({
        version: j + 1,
        fileName: v.fileName,
        mediaType: /\.tsv$/i.test(v.fileName) ? 'text/tab-separated-values' : 'text/csv',
        hasHeader: v.header ?? false,
        content: Buffer.from(v.content, 'utf8'),
        dateCreated: loader.timestamp,
      })),
      dateCreated: loader.timestamp,
      lastUpdated: loader.timestamp,
    });
  });
}
