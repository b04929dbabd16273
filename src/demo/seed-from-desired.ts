/**
 * Desired state → emulator seed: the platform a perfect apply would leave
 * (every person a registered user, the token user an owner everywhere). The
 * demo and the benchmark start from it and then add drift; tests use it to
 * seed a converged platform. Secret fields are filled by `secretValue`.
 * Each declared dataset holds one version: its file as loaded (read again
 * from the path the loader checked, and refused if it changed since).
 */
import { readFileSync } from 'node:fs';
import { sha256Of } from '../kinds/datasets/dataset-file.js';
import type { DesiredOrg, DesiredState, DesiredWorkspace } from '../model/desired.js';
import type { DesiredAction } from '../kinds/actions/model.js';
import type { DesiredComputeEnv } from '../kinds/compute-environments/model.js';
import type { DesiredCredential } from '../kinds/credentials/model.js';
import type { DesiredDataset } from '../kinds/datasets/model.js';
import type { DesiredPipeline, LaunchDeclaration } from '../kinds/pipelines/model.js';
import { isSecretRef } from '../model/resources.js';
import type {
  ActionSeed,
  ComputeEnvSeed,
  CredentialSeed,
  DatasetSeed,
  EmulatorSeed,
  LaunchSeed,
  OrgSeed,
  PipelineSeed,
  UserSeed,
  WorkspaceSeed,
} from '../emulator/seed.js';

export interface SeedFromDesiredOptions {
  /** The token user (a service account that owns every org). */
  readonly tokenUser: { readonly userName: string; readonly email: string; readonly token: string };
  /** The value of a `${VAR}` secret reference. */
  readonly secretValue: (variable: string) => string;
}

function emailsOf(org: DesiredOrg): string[] {
  const emails = [
    ...(org.members ?? []).map((m) => m.email),
    ...(org.teams ?? []).flatMap((t) => t.members ?? []),
    ...org.policy.protectedUsers,
    ...org.workspaces.flatMap((w) =>
      (w.participants ?? []).flatMap((p) => (p.type === 'user' ? [p.email] : [])),
    ),
  ];
  return emails;
}

function credentialSeed(c: DesiredCredential, secretValue: (v: string) => string): CredentialSeed {
  const keys: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(c.keys)) {
    if (isSecretRef(value)) keys[key] = secretValue(value.secretRef);
    else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      keys[key] = value;
  }
  return {
    name: c.name,
    provider: c.provider,
    ...(c.description === undefined ? {} : { description: c.description }),
    ...(c.baseUrl === undefined ? {} : { baseUrl: c.baseUrl }),
    keys,
  };
}

function computeEnvSeed(ce: DesiredComputeEnv): ComputeEnvSeed {
  return {
    name: ce.name,
    platform: ce.platform,
    ...(ce.credentials === undefined ? {} : { credentials: ce.credentials }),
    ...(ce.primary ? { primary: true } : {}),
    ...(ce.description === undefined ? {} : { description: ce.description }),
    config: ce.config,
    ...(ce.labels === undefined ? {} : { labels: ce.labels.map((ref) => labelPart(ref).name) }),
  };
}

/** A label reference `name` or `name=value`, split. */
function labelPart(ref: string): { readonly name: string; readonly value?: string } {
  const at = ref.indexOf('=');
  return at < 0 ? { name: ref } : { name: ref.slice(0, at), value: ref.slice(at + 1) };
}

/** The workspace's declared labels, and those its compute environments and pipelines name without declaring. */
function labelSeeds(ws: DesiredWorkspace): NonNullable<WorkspaceSeed['labels']> {
  const seeds = (ws.labels ?? []).map((l) => ({
    name: l.name,
    ...(l.value === undefined ? {} : { value: l.value }),
    resource: l.resource,
    isDefault: l.isDefault,
  }));
  const refs = [...(ws.computeEnvironments ?? []), ...(ws.pipelines ?? [])].flatMap(
    (item) => item.labels ?? [],
  );
  for (const ref of refs) {
    const { name, value } = labelPart(ref);
    if (seeds.some((seed) => seed.name === name)) continue;
    seeds.push({
      name,
      ...(value === undefined ? {} : { value }),
      resource: value !== undefined,
      isDefault: false,
    });
  }
  return seeds;
}

function pipelineSeed(p: DesiredPipeline): PipelineSeed {
  return {
    name: p.name,
    ...(p.description === undefined ? {} : { description: p.description }),
    ...(p.labels === undefined ? {} : { labels: p.labels.map((ref) => labelPart(ref).name) }),
    launch: launchSeed(p),
  };
}

function actionSeed(a: DesiredAction): ActionSeed {
  return {
    name: a.name,
    source: a.trigger,
    launch: launchSeed(a),
    ...(a.cron === undefined ? {} : { cron: { ...a.cron } }),
    ...(a.labels === undefined ? {} : { labels: [...a.labels] }),
  };
}

/** A declared dataset with one version: the file the loader checked (same digest), uploaded as declared. */
function datasetSeed(d: DesiredDataset): DatasetSeed {
  const bytes = readFileSync(d.path);
  if (sha256Of(bytes) !== d.sha256) {
    throw new Error(`the file ${d.file} of dataset ${d.name} changed since it was loaded`);
  }
  return {
    name: d.name,
    ...(d.description === undefined ? {} : { description: d.description }),
    ...(d.labels === undefined || d.labels.length === 0 ? {} : { labels: [...d.labels] }),
    versions: [{ fileName: d.file, content: bytes.toString('utf8'), header: d.header }],
  };
}

function launchSeed(p: LaunchDeclaration): LaunchSeed {
  return {
    ...(p.launch ?? {}),
    pipeline: p.url,
    ...(p.revision === undefined ? {} : { revision: p.revision }),
    ...(p.computeEnvironment === undefined ? {} : { computeEnv: p.computeEnvironment }),
    ...(p.workDir === undefined ? {} : { workDir: p.workDir }),
    ...(p.profiles === undefined ? {} : { configProfiles: [...p.profiles] }),
    ...(p.params === undefined ? {} : { paramsText: JSON.stringify(p.params) }),
  };
}

function workspaceSeed(
  ws: DesiredWorkspace,
  tokenEmail: string,
  secretValue: (v: string) => string,
): WorkspaceSeed {
  const declaresToken = (ws.participants ?? []).some((p) => p.type === 'user' && p.email === tokenEmail);
  return {
    name: ws.name,
    fullName: ws.fullName,
    ...(ws.description === undefined ? {} : { description: ws.description }),
    visibility: ws.visibility,
    participants: [
      ...(declaresToken ? [] : [{ email: tokenEmail, role: 'owner' }]),
      ...(ws.participants ?? []).map((p) =>
        p.type === 'user' ? { email: p.email, role: p.role } : { team: p.team, role: p.role },
      ),
    ],
    labels: labelSeeds(ws),
    credentials: (ws.credentials ?? []).map((c) => credentialSeed(c, secretValue)),
    computeEnvironments: (ws.computeEnvironments ?? []).map(computeEnvSeed),
    pipelines: (ws.pipelines ?? []).map(pipelineSeed),
    secrets: (ws.secrets ?? []).map((s) => ({ name: s.name, value: secretValue(s.value.secretRef) })),
    dataLinks: (ws.dataLinks ?? []).map((l) => ({
      name: l.name,
      provider: l.provider,
      resourceRef: l.resourceRef,
      ...(l.credentials === undefined ? {} : { credentials: l.credentials }),
      ...(l.description === undefined ? {} : { description: l.description }),
      publicAccessible: l.publicAccessible,
    })),
    ...(ws.studios === undefined ? {} : { studios: studiosSeed(ws.studios) }),
    ...(ws.datasets === undefined ? {} : { datasets: ws.datasets.map(datasetSeed) }),
    actions: (ws.actions ?? []).map(actionSeed),
  };
}

/** The declared Studios settings (the others keep the emulator's defaults). */
function studiosSeed(
  studios: NonNullable<DesiredWorkspace['studios']>,
): NonNullable<WorkspaceSeed['studios']> {
  return {
    ...(studios.lifespanHours === undefined ? {} : { lifespanHours: studios.lifespanHours }),
    ...(studios.privateStudioByDefault === undefined
      ? {}
      : { privateStudioByDefault: studios.privateStudioByDefault }),
    ...(studios.containerRepository === undefined
      ? {}
      : { containerRepository: studios.containerRepository }),
  };
}

function orgSeed(org: DesiredOrg, tokenEmail: string, secretValue: (v: string) => string): OrgSeed {
  const members = (org.members ?? []).map((m) => ({ email: m.email, role: m.role }));
  if (!members.some((m) => m.email === tokenEmail)) members.unshift({ email: tokenEmail, role: 'owner' });
  return {
    name: org.name,
    fullName: org.fullName ?? org.name,
    ...(org.description === undefined ? {} : { description: org.description }),
    members,
    teams: (org.teams ?? []).map((t) => ({
      name: t.name,
      ...(t.description === undefined ? {} : { description: t.description }),
      members: [...(t.members ?? [])],
    })),
    workspaces: org.workspaces
      .filter((w) => w.state === 'present')
      .map((w) => workspaceSeed(w, tokenEmail, secretValue)),
  };
}

export function seedFromDesired(desired: DesiredState, options: SeedFromDesiredOptions): EmulatorSeed {
  const tokenEmail = options.tokenUser.email.toLowerCase();
  const emails = new Set(desired.orgs.flatMap(emailsOf));
  emails.delete(tokenEmail);
  const users: UserSeed[] = [
    { userName: options.tokenUser.userName, email: tokenEmail, token: options.tokenUser.token },
    ...[...emails].sort().map((email) => ({ userName: userNameFor(email), email })),
  ];
  return { users, orgs: desired.orgs.map((o) => orgSeed(o, tokenEmail, options.secretValue)) };
}

/** A platform-valid user name derived from an email (`jane.citizen@x` → `jane-citizen`). */
export function userNameFor(email: string): string {
  const local = email.split('@')[0] ?? email;
  const cleaned = local.replace(/[^a-zA-Z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return cleaned === '' ? 'user' : cleaned.slice(0, 39);
}
