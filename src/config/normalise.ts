/**
 * Loaded files → desired state (src/model/desired.ts): defaults applied
 * (visibility private, state present, primary false, policy defaults), emails
 * trimmed and lower-cased, prune and ignore merged, secret fields turned into
 * `SecretRef`s, every item carrying its source position. Runs only on files
 * that passed every check, so it cannot fail on user input.
 */
import { SyncError } from '../errors.js';
import type {
  DesiredComputeEnv,
  DesiredCredential,
  DesiredLabel,
  DesiredOrg,
  DesiredParticipant,
  DesiredPipeline,
  DesiredSecret,
  DesiredWorkspace,
} from '../model/desired.js';
import type { SourceRef } from '../model/diagnostics.js';
import { emailKey, isSecretRef, type SecretRef } from '../model/resources.js';
import { secretKeyFields } from '../model/secret-fields.js';
import type { LoadedFile, LoadedOrganization, LoadedWorkspace } from './load-file.js';
import { DEFAULT_POLICY, NO_IGNORE, mergeIgnore, mergePrune, normalisePolicy } from './normalise-policy.js';
import type { WrittenCredential, WrittenParticipant } from './written.js';

/** `{ [key]: value }` when the value is defined, else `{}` (exactOptionalPropertyTypes). */
function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}

/**
 * A config without `discriminator`: a config pasted from `tw compute-envs
 * export` keeps it (validation checks it equals the platform); the applier
 * sets it from the platform when it sends the config.
 */
function withoutDiscriminator(config: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  if (!('discriminator' in config)) return config;
  const { discriminator: _discriminator, ...rest } = config;
  return rest;
}

function sourceOf(file: LoadedFile<unknown>, pointer: string): SourceRef {
  const { line, column } = file.locate(pointer);
  return { file: file.ref.display, line, column, pointer };
}

/**
 * A secret field as the reference check left it: a `SecretRef`. Anything else
 * is an internal error (validation lets only single references through).
 */
function secretRef(value: unknown, where: () => SourceRef): SecretRef {
  if (isSecretRef(value)) return value;
  const { file, line } = where();
  throw new SyncError(
    `${file}:${String(line)}: internal: secret field is not a \${VAR} reference after validation`,
  );
}

/** Variable name → position of its first `${NAME}` under `prefix` (a credential's keys, a secret's value). */
function variableSources(
  file: LoadedWorkspace,
  prefix: string,
  at: (pointer: string) => SourceRef,
): Readonly<Record<string, SourceRef>> | undefined {
  const sources: Record<string, SourceRef> = {};
  for (const use of file.references) {
    if (
      (use.pointer === prefix || use.pointer.startsWith(`${prefix}/`)) &&
      !Object.hasOwn(sources, use.name)
    ) {
      sources[use.name] = at(use.pointer);
    }
  }
  return Object.keys(sources).length === 0 ? undefined : sources;
}

export interface OrgInput {
  readonly name: string;
  /** Display path of the folder (the source of an org without a file). */
  readonly folder: string;
  readonly organization?: LoadedOrganization;
  readonly workspaces: readonly LoadedWorkspace[];
}

export function normaliseOrg(input: OrgInput): DesiredOrg {
  const file = input.organization;
  const w = file?.written;
  const policy = w === undefined ? DEFAULT_POLICY : normalisePolicy(w.policy);
  const ignore = mergeIgnore(NO_IGNORE, w?.ignore);
  const workspaces = input.workspaces
    .map((ws) => normaliseWorkspace(ws, input.name, policy.prune, ignore))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const base = {
    name: input.name,
    hasFile: file !== undefined,
    policy,
    ignore,
    workspaces,
    source: file === undefined ? { file: input.folder, line: 1, column: 1, pointer: '' } : sourceOf(file, ''),
  };
  if (file === undefined || w === undefined) return base;
  return {
    ...base,
    ...opt('fullName', w.fullName),
    ...opt('description', w.description),
    ...opt(
      'members',
      w.members?.map((m, i) => ({
        email: emailKey(m.email),
        role: m.role,
        source: sourceOf(file, `/members/${i}`),
      })),
    ),
    ...opt(
      'teams',
      w.teams?.map((t, i) => ({
        name: t.name,
        ...opt('description', t.description),
        ...opt('members', t.members?.map(emailKey)),
        source: sourceOf(file, `/teams/${i}`),
      })),
    ),
  };
}

function normaliseWorkspace(
  file: LoadedWorkspace,
  org: string,
  orgPrune: DesiredOrg['policy']['prune'],
  orgIgnore: DesiredOrg['ignore'],
): DesiredWorkspace {
  const w = file.written;
  const at = (pointer: string): SourceRef => sourceOf(file, pointer);
  return {
    org,
    name: w.name,
    fullName: w.fullName,
    ...opt('description', w.description),
    visibility: w.visibility ?? 'private',
    state: w.state ?? 'present',
    prune: mergePrune(orgPrune, w.prune),
    ignore: mergeIgnore(orgIgnore, w.ignore),
    maintainers: w.maintainers ?? [],
    ...opt(
      'participants',
      w.participants?.map((p, i) => participant(p, at(`/participants/${i}`))),
    ),
    ...opt(
      'credentials',
      w.credentials?.map((c, i) => credential(c, `/credentials/${i}`, at, file)),
    ),
    ...opt(
      'computeEnvironments',
      w.computeEnvironments?.map((ce, i): DesiredComputeEnv => ({
        name: ce.name,
        platform: ce.platform,
        ...opt('credentials', ce.credentials),
        primary: ce.primary ?? false,
        ...opt('description', ce.description),
        config: withoutDiscriminator(ce.config),
        source: at(`/computeEnvironments/${i}`),
      })),
    ),
    ...opt(
      'pipelines',
      w.pipelines?.map((p, i): DesiredPipeline => ({
        name: p.name,
        ...opt('description', p.description),
        url: p.url,
        ...opt('revision', p.revision),
        ...opt('computeEnvironment', p.computeEnvironment),
        ...opt('workDir', p.workDir),
        ...opt('profiles', p.profiles),
        ...opt('params', p.params),
        ...opt('launch', p.launch as Readonly<Record<string, unknown>> | undefined),
        source: at(`/pipelines/${i}`),
      })),
    ),
    ...opt(
      'secrets',
      w.secrets?.map((s, i): DesiredSecret => ({
        name: s.name,
        value: secretRef(s.value, () => at(`/secrets/${i}/value`)),
        ...opt('variableSources', variableSources(file, `/secrets/${i}/value`, at)),
        source: at(`/secrets/${i}`),
      })),
    ),
    ...opt(
      'labels',
      w.labels?.map((l, i): DesiredLabel => ({
        name: l.name,
        ...opt('value', l.value),
        resource: l.resource ?? false,
        isDefault: l.default ?? false,
        source: at(`/labels/${i}`),
      })),
    ),
    source: at(''),
  };
}

function participant(p: WrittenParticipant, source: SourceRef): DesiredParticipant {
  return 'email' in p
    ? { type: 'user', email: emailKey(p.email), role: p.role, source }
    : { type: 'team', team: p.team, role: p.role, source };
}

function credential(
  c: WrittenCredential,
  pointer: string,
  at: (pointer: string) => SourceRef,
  file: LoadedWorkspace,
): DesiredCredential {
  const secret = secretKeyFields(c.provider);
  const keys = Object.fromEntries(
    Object.entries(c.keys).map(([key, value]): [string, unknown] => [
      key,
      secret.includes(key) ? secretRef(value, () => at(`${pointer}/keys/${key}`)) : value,
    ]),
  );
  return {
    name: c.name,
    provider: c.provider,
    ...opt('description', c.description),
    ...opt('baseUrl', c.baseUrl),
    keys,
    ...opt('variableSources', variableSources(file, `${pointer}/keys`, at)),
    source: at(pointer),
  };
}
