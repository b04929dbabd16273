/**
 * "Never a write that was not in the plan": maps every write request the
 * emulator logged to the planned action it belongs to. Ids in paths are
 * resolved to names from the logged request and response bodies (lists,
 * creates, adds), so the audit needs nothing from the tool under test but
 * its JSON plan.
 */
import type { RequestLogEntry } from '../../../src/emulator/start-emulator.js';

/** The part of a JSON plan action the audit reads. */
export interface AuditedAction {
  readonly address: string;
  readonly type: 'create' | 'update' | 'replace' | 'delete';
  readonly kind: string;
  readonly org: string;
  readonly workspace?: string;
  readonly name: string;
  /** teamMember actions: the team. */
  readonly team?: string;
  /** primaryComputeEnvironment actions: the CE. */
  readonly computeEnvironment?: string;
  /** CE replace: the pipelines it re-points. */
  readonly repoint?: readonly { readonly name: string }[];
  readonly movesPrimary?: boolean;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);
const str = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
const lower = (v: unknown): string | undefined => str(v)?.trim().toLowerCase();

/** Names of platform ids, learned from a request log. An id may have had several names (a CE renamed after a replace). */
export class IdRegistry {
  readonly orgs = new Map<string, Set<string>>();
  readonly workspaces = new Map<string, Set<string>>();
  readonly members = new Map<string, Set<string>>();
  readonly teams = new Map<string, Set<string>>();
  readonly participants = new Map<string, Set<string>>();
  readonly credentials = new Map<string, Set<string>>();
  readonly computeEnvs = new Map<string, Set<string>>();
  readonly pipelines = new Map<string, Set<string>>();
  readonly secrets = new Map<string, Set<string>>();
  /** Ids of compute environments created by the writes being audited. */
  readonly createdComputeEnvs = new Set<string>();

  private static add(map: Map<string, Set<string>>, id: unknown, name: string | undefined): void {
    const key = str(id);
    if (key === undefined || name === undefined) return;
    const names = map.get(key) ?? new Set<string>();
    names.add(name);
    map.set(key, names);
  }

  private member(m: Json): void {
    IdRegistry.add(this.members, m.memberId, lower(m.email));
  }

  private participant(p: Json): void {
    const name = p.type === 'TEAM' ? `team:${str(p.teamName) ?? ''}` : lower(p.email);
    IdRegistry.add(this.participants, p.participantId, name);
    if (p.type !== 'TEAM' && typeof p.memberId === 'number' && typeof p.email === 'string') this.member(p);
    if (p.teamId !== undefined) IdRegistry.add(this.teams, p.teamId, str(p.teamName));
  }

  /** Learns from one exchange (request body, response body). */
  learn(entry: RequestLogEntry): void {
    const res = isObject(entry.responseBody) ? entry.responseBody : {};
    const req = isObject(entry.body) ? entry.body : {};
    for (const o of list(res.organizations)) IdRegistry.add(this.orgs, o.orgId, str(o.name));
    if (isObject(res.organization))
      IdRegistry.add(this.orgs, res.organization.orgId, str(res.organization.name));
    for (const m of list(res.members)) this.member(m);
    if (isObject(res.member)) this.member(res.member);
    for (const t of list(res.teams)) IdRegistry.add(this.teams, t.teamId, str(t.name));
    if (isObject(res.team)) IdRegistry.add(this.teams, res.team.teamId, str(res.team.name));
    for (const w of list(res.workspaces)) IdRegistry.add(this.workspaces, w.id, str(w.name));
    if (isObject(res.workspace)) IdRegistry.add(this.workspaces, res.workspace.id, str(res.workspace.name));
    for (const p of list(res.participants)) this.participant(p);
    if (isObject(res.participant)) this.participant(res.participant);
    for (const c of list(res.credentials)) IdRegistry.add(this.credentials, c.id, str(c.name));
    if (isObject(res.credentials))
      IdRegistry.add(this.credentials, res.credentials.id, str(res.credentials.name));
    if (res.credentialsId !== undefined && isObject(req.credentials))
      IdRegistry.add(this.credentials, res.credentialsId, str(req.credentials.name));
    for (const c of list(res.computeEnvs)) IdRegistry.add(this.computeEnvs, c.id, str(c.name));
    if (isObject(res.computeEnv))
      IdRegistry.add(this.computeEnvs, res.computeEnv.id, str(res.computeEnv.name));
    if (res.computeEnvId !== undefined && isObject(req.computeEnv))
      IdRegistry.add(this.computeEnvs, res.computeEnvId, str(req.computeEnv.name));
    for (const p of list(res.pipelines)) IdRegistry.add(this.pipelines, p.pipelineId, str(p.name));
    if (isObject(res.pipeline))
      IdRegistry.add(this.pipelines, res.pipeline.pipelineId, str(res.pipeline.name));
    for (const s of list(res.pipelineSecrets)) IdRegistry.add(this.secrets, s.id, str(s.name));
    if (res.secretId !== undefined) IdRegistry.add(this.secrets, res.secretId, str(req.name));
    // A rename (PUT with a new name) gives the id its new name too.
    const renamed = /^\/compute-envs\/([^/]+)$/.exec(entry.path);
    if (entry.method === 'PUT' && renamed !== null && entry.status < 300 && typeof req.name === 'string')
      IdRegistry.add(this.computeEnvs, renamed[1], req.name);
  }

  static from(entries: readonly RequestLogEntry[]): IdRegistry {
    const registry = new IdRegistry();
    for (const entry of entries) registry.learn(entry);
    return registry;
  }
}

/** A write's description for messages: method, path, and the name it carried. */
export function describeWrite(entry: RequestLogEntry): string {
  const body = isObject(entry.body) ? entry.body : {};
  const named = ['organization', 'team', 'workspace', 'credentials', 'computeEnv']
    .map((k) => (isObject(body[k]) ? str(body[k].name) : undefined))
    .find((n) => n !== undefined);
  const extra = named ?? str(body.name) ?? str(body.user) ?? str(body.userNameOrEmail);
  const query = entry.query.workspaceId === undefined ? '' : `?workspaceId=${entry.query.workspaceId}`;
  return `${entry.method} ${entry.path}${query} -> ${entry.status}${entry.fault === undefined ? '' : ` (${entry.fault})`}${extra === undefined ? '' : ` [${extra}]`}`;
}

interface Match {
  readonly what: string;
  readonly accepts: (a: AuditedAction) => boolean;
}

const one = (names: Set<string> | undefined): string[] => [...(names ?? [])];

/**
 * What a write may belong to: a predicate over planned actions, or a
 * problem when the write is of no known kind or names an unknown id.
 */
function classify(entry: RequestLogEntry, ids: IdRegistry): Match | string {
  const body = isObject(entry.body) ? entry.body : {};
  const p = entry.path.split('/').slice(1);
  const m = entry.method;
  const ws = (id: string | undefined): string[] => one(id === undefined ? undefined : ids.workspaces.get(id));
  const inWs = (names: string[]) => (a: AuditedAction) =>
    a.workspace !== undefined && names.includes(a.workspace);
  const unknown = (kind: string, id: string | undefined): string =>
    `${describeWrite(entry)}: unknown ${kind} id ${String(id)} (not in any logged response)`;

  // ----- organisation level: /orgs, /orgs/{o}, members, teams
  if (p[0] === 'orgs') {
    if (p.length === 1 && m === 'POST') {
      const name = isObject(body.organization) ? str(body.organization.name) : undefined;
      return {
        what: `create org ${String(name)}`,
        accepts: (a) => a.kind === 'organization' && a.name === name,
      };
    }
    if (p.length === 2 && m === 'PUT')
      return { what: 'update org', accepts: (a) => a.kind === 'organization' };
    if (p[2] === 'members') {
      if (p[3] === 'add' && m === 'PUT') {
        const email = lower(body.user);
        return {
          what: `add member ${String(email)}`,
          accepts: (a) => a.kind === 'member' && a.type === 'create' && a.name === email,
        };
      }
      const emails = one(ids.members.get(p[3] ?? ''));
      if (emails.length === 0) return unknown('member', p[3]);
      if (p[4] === 'role' && m === 'PUT')
        return {
          what: `member role ${emails.join('|')}`,
          accepts: (a) => a.kind === 'member' && a.type !== 'delete' && emails.includes(a.name),
        };
      if (p.length === 4 && m === 'DELETE')
        return {
          what: `delete member ${emails.join('|')}`,
          accepts: (a) => a.kind === 'member' && a.type === 'delete' && emails.includes(a.name),
        };
    }
    if (p[2] === 'teams') {
      if (p.length === 3 && m === 'POST') {
        const name = isObject(body.team) ? str(body.team.name) : undefined;
        return {
          what: `create team ${String(name)}`,
          accepts: (a) => a.kind === 'team' && a.type === 'create' && a.name === name,
        };
      }
      const teams = one(ids.teams.get(p[3] ?? ''));
      if (teams.length === 0) return unknown('team', p[3]);
      if (p.length === 4 && m === 'PUT')
        return {
          what: `update team ${teams.join('|')}`,
          accepts: (a) => a.kind === 'team' && a.type !== 'delete' && teams.includes(a.name),
        };
      if (p.length === 4 && m === 'DELETE')
        return {
          what: `delete team ${teams.join('|')}`,
          accepts: (a) => a.kind === 'team' && a.type === 'delete' && teams.includes(a.name),
        };
      if (p[4] === 'members' && p.length === 5 && m === 'POST') {
        const email = lower(body.userNameOrEmail);
        return {
          what: `add ${String(email)} to team ${teams.join('|')}`,
          accepts: (a) =>
            (a.kind === 'teamMember' &&
              a.type === 'create' &&
              a.team !== undefined &&
              teams.includes(a.team) &&
              (email === undefined || a.name.endsWith(email))) ||
            (a.kind === 'team' && a.type === 'create' && teams.includes(a.name)),
        };
      }
      if (p[4] === 'members' && p[6] === 'delete') {
        const emails = one(ids.members.get(p[5] ?? ''));
        return {
          what: `remove ${emails.join('|')} from team ${teams.join('|')}`,
          accepts: (a) =>
            a.kind === 'teamMember' &&
            a.type === 'delete' &&
            a.team !== undefined &&
            teams.includes(a.team) &&
            (emails.length === 0 || emails.some((e) => a.name.endsWith(e))),
        };
      }
    }
    if (p[2] === 'workspaces') {
      if (p.length === 3 && m === 'POST') {
        const name = isObject(body.workspace) ? str(body.workspace.name) : undefined;
        return {
          what: `create workspace ${String(name)}`,
          accepts: (a) => a.kind === 'workspace' && a.type === 'create' && a.name === name,
        };
      }
      const names = ws(p[3]);
      if (names.length === 0) return unknown('workspace', p[3]);
      if (p.length === 4 && m === 'PUT')
        return {
          what: `update workspace ${names.join('|')}`,
          accepts: (a) => a.kind === 'workspace' && a.type !== 'delete' && names.includes(a.name),
        };
      if (p.length === 4 && m === 'DELETE')
        return {
          what: `delete workspace ${names.join('|')}`,
          accepts: (a) => a.kind === 'workspace' && a.type === 'delete' && names.includes(a.name),
        };
      if (p[4] === 'participants') {
        const here = inWs(names);
        if (p[5] === 'add' && m === 'PUT') {
          const who =
            body.memberId !== undefined
              ? one(ids.members.get(str(body.memberId) ?? ''))
              : body.teamId !== undefined
                ? one(ids.teams.get(str(body.teamId) ?? '')).map((t) => `team:${t}`)
                : [lower(body.userNameOrEmail) ?? ''];
          return {
            what: `add participant ${who.join('|')} to ${names.join('|')}`,
            accepts: (a) =>
              a.kind === 'participant' && a.type === 'create' && here(a) && who.includes(a.name),
          };
        }
        const who = one(ids.participants.get(p[5] ?? ''));
        if (who.length === 0) return unknown('participant', p[5]);
        if (p[6] === 'role' && m === 'PUT')
          return {
            what: `participant role ${who.join('|')} in ${names.join('|')}`,
            accepts: (a) =>
              a.kind === 'participant' && a.type !== 'delete' && here(a) && who.includes(a.name),
          };
        if (p.length === 6 && m === 'DELETE')
          return {
            what: `remove participant ${who.join('|')} from ${names.join('|')}`,
            accepts: (a) =>
              a.kind === 'participant' && a.type === 'delete' && here(a) && who.includes(a.name),
          };
      }
    }
    return `${describeWrite(entry)}: not a write seqera-sync is known to make`;
  }

  // ----- workspace resources, scoped by ?workspaceId=
  const wsNames = ws(entry.query.workspaceId);
  if (wsNames.length === 0) return unknown('workspace', entry.query.workspaceId);
  const here = inWs(wsNames);
  const scoped = (what: string, accepts: (a: AuditedAction) => boolean): Match => ({
    what: `${what} in ${wsNames.join('|')}`,
    accepts: (a) => here(a) && accepts(a),
  });
  if (p[0] === 'credentials') {
    if (p.length === 1 && m === 'POST') {
      const name = isObject(body.credentials) ? str(body.credentials.name) : undefined;
      return scoped(
        `create credential ${String(name)}`,
        (a) => a.kind === 'credential' && a.type === 'create' && a.name === name,
      );
    }
    const names = one(ids.credentials.get(p[1] ?? ''));
    if (names.length === 0) return unknown('credential', p[1]);
    if (m === 'PUT')
      return scoped(
        `update credential ${names.join('|')}`,
        (a) => a.kind === 'credential' && a.type !== 'delete' && names.includes(a.name),
      );
    if (m === 'DELETE')
      return scoped(
        `delete credential ${names.join('|')}`,
        (a) => a.kind === 'credential' && a.type === 'delete' && names.includes(a.name),
      );
  }
  if (p[0] === 'compute-envs') {
    // A replace creates `<name>-next-<digest>`, re-points, moves primary, deletes the old CE and renames the new one.
    const ofReplace = (names: string[]) => (a: AuditedAction) =>
      a.kind === 'computeEnvironment' &&
      a.type === 'replace' &&
      names.some((n) => n === a.name || n.startsWith(`${a.name}-next-`));
    if (p.length === 1 && m === 'POST') {
      const name = isObject(body.computeEnv) ? str(body.computeEnv.name) : undefined;
      return scoped(
        `create compute environment ${String(name)}`,
        (a) =>
          (a.kind === 'computeEnvironment' && a.type === 'create' && a.name === name) ||
          ofReplace([name ?? ''])(a),
      );
    }
    const names = one(ids.computeEnvs.get(p[1] ?? ''));
    if (names.length === 0) return unknown('compute environment', p[1]);
    if (p[2] === 'primary' && m === 'POST')
      return scoped(
        `make ${names.join('|')} primary`,
        (a) =>
          (a.kind === 'primaryComputeEnvironment' &&
            a.computeEnvironment !== undefined &&
            names.includes(a.computeEnvironment)) ||
          (a.kind === 'computeEnvironment' && a.type === 'create' && names.includes(a.name)) ||
          ofReplace(names)(a),
      );
    if (p.length === 2 && m === 'PUT')
      return scoped(
        `update compute environment ${names.join('|')}`,
        (a) =>
          (a.kind === 'computeEnvironment' && a.type === 'update' && names.includes(a.name)) ||
          ofReplace(names)(a),
      );
    if (p.length === 2 && m === 'DELETE') {
      // A create whose CE ended ERRORED deletes it again, but only a CE it created in this very run.
      const createdHere = ids.createdComputeEnvs.has(p[1] ?? '');
      return scoped(
        `delete compute environment ${names.join('|')}`,
        (a) =>
          (a.kind === 'computeEnvironment' && a.type === 'delete' && names.includes(a.name)) ||
          (a.kind === 'computeEnvironment' && a.type === 'create' && createdHere && names.includes(a.name)) ||
          ofReplace(names)(a),
      );
    }
  }
  if (p[0] === 'pipelines') {
    if (p.length === 1 && m === 'POST') {
      const name = str(body.name);
      return scoped(
        `create pipeline ${String(name)}`,
        (a) => a.kind === 'pipeline' && a.type === 'create' && a.name === name,
      );
    }
    const names = one(ids.pipelines.get(p[1] ?? ''));
    if (names.length === 0) return unknown('pipeline', p[1]);
    if (m === 'DELETE' && p.length === 2)
      return scoped(
        `delete pipeline ${names.join('|')}`,
        (a) => a.kind === 'pipeline' && a.type === 'delete' && names.includes(a.name),
      );
    if ((m === 'PUT' && p.length === 2) || (p[2] === 'versions' && p[4] === 'manage'))
      return scoped(
        `update pipeline ${names.join('|')}`,
        (a) =>
          (a.kind === 'pipeline' && a.type !== 'delete' && names.includes(a.name)) ||
          (a.kind === 'computeEnvironment' &&
            a.type === 'replace' &&
            (a.repoint ?? []).some((r) => names.includes(r.name))),
      );
  }
  if (p[0] === 'pipeline-secrets') {
    if (p.length === 1 && m === 'POST') {
      const name = str(body.name);
      return scoped(
        `create secret ${String(name)}`,
        (a) => a.kind === 'secret' && a.type === 'create' && a.name === name,
      );
    }
    const names = one(ids.secrets.get(p[1] ?? ''));
    if (names.length === 0) return unknown('secret', p[1]);
    if (m === 'PUT')
      return scoped(
        `update secret ${names.join('|')}`,
        (a) => a.kind === 'secret' && a.type !== 'delete' && names.includes(a.name),
      );
    if (m === 'DELETE')
      return scoped(
        `delete secret ${names.join('|')}`,
        (a) => a.kind === 'secret' && a.type === 'delete' && names.includes(a.name),
      );
  }
  return `${describeWrite(entry)}: not a write seqera-sync is known to make`;
}

/**
 * Problems with `writes` given the actions of the plan they executed: each
 * write must belong to one planned action (of a matching kind, type and
 * name). `history` is every logged exchange so far (for id → name).
 */
export function auditWrites(
  writes: readonly RequestLogEntry[],
  actions: readonly AuditedAction[],
  history: readonly RequestLogEntry[],
): string[] {
  const ids = IdRegistry.from(history);
  for (const entry of writes) {
    if (entry.method !== 'POST' || entry.path !== '/compute-envs') continue;
    const created = isObject(entry.responseBody) ? str(entry.responseBody.computeEnvId) : undefined;
    if (created !== undefined) ids.createdComputeEnvs.add(created);
    // A lost response: the CE that this request created is the one of that name that appeared.
    const name =
      isObject(entry.body) && isObject(entry.body.computeEnv) ? str(entry.body.computeEnv.name) : undefined;
    if (created === undefined && name !== undefined && entry.fault === 'lost-response')
      for (const [id, names] of ids.computeEnvs)
        if (names.has(name) && !preexisting(history, writes, id)) ids.createdComputeEnvs.add(id);
  }
  const problems: string[] = [];
  for (const entry of writes) {
    const match = classify(entry, ids);
    if (typeof match === 'string') problems.push(match);
    else if (!actions.some(match.accepts))
      problems.push(`${describeWrite(entry)} (${match.what}) belongs to no planned action`);
  }
  return problems;
}

/** True when the CE id was listed before the first of `writes` (so these writes did not create it). */
function preexisting(
  history: readonly RequestLogEntry[],
  writes: readonly RequestLogEntry[],
  id: string,
): boolean {
  const first = writes[0] === undefined ? history.length : history.indexOf(writes[0]);
  return history.slice(0, first).some((entry) => {
    const res = isObject(entry.responseBody) ? entry.responseBody : {};
    return (
      list(res.computeEnvs).some((ce) => str(ce.id) === id) ||
      (isObject(res.computeEnv) && str(res.computeEnv.id) === id)
    );
  });
}
