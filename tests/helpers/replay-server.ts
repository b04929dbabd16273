/**
 * A small HTTP server on 127.0.0.1 that answers the requests the tool makes
 * with the real platform responses recorded in `../shared/seqera-api/recorded/`
 * (read from there, never copied). The recordings are independent captures;
 * they are arranged here into one organisation whose ids and paths agree:
 *
 * - org `org-jfernandez` (`orgs.json`; `org-members.json` rows carry its
 *   `memberId`), teams from `teams.json`, `team1`'s members from
 *   `team-members.json`, the other teams without members;
 * - workspace `workspace1` (`workspace-view.json`): `participants.json`,
 *   `credentials.json` (rows without keys), `compute-envs.json` (three CEs
 *   all marked primary; `demo` described by `ce-aws-forge-demo.json`, `ce1` by
 *   the CE of `workflow-launch-view.json`, `ce2` never recorded: its describe
 *   answers 404, as for a CE deleted between list and describe),
 *   `pipelines-sarek.json` whose launch (`pipeline-launch-sarek.json`) uses a
 *   CE of another workspace, `pipeline-secrets.json`, `labels.json`;
 *   both workspaces' Studios settings from `studios-settings.json`;
 * - workspace `wspNew` (`workspace-add-response.json`): the two participants
 *   of the `participant-*-add.json` responses, the 2021-shaped credential
 *   (`credentials-legacy-discriminator.json`) and `credential-aws-role.json`,
 *   `compute-envs-primary-null.json` (`demo`, using that legacy credential),
 *   `pipelines-labels-null.json` with the launch of `pipeline-launch-sleep.json`,
 *   no pipeline secrets and no labels.
 *
 * Data links, datasets and pipeline actions were recorded in other
 * workspaces (their shapes are held by the recorded-shapes tests), not in
 * these two: both answer them with empty lists, as a workspace without any.
 *
 * Paged lists are sliced by `max`/`offset` and keep the recording's
 * `totalSize` (or its absence). Anything else answers 404 and is recorded in
 * `unserved`, so a test can insist the tool asked only for recorded data.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readRecorded } from './recorded.js';

type Json = Record<string, unknown>;

export interface ReplayServer {
  readonly endpoint: string;
  readonly token: string;
  /** `METHOD path` of every request answered 404 because nothing was recorded for it. */
  readonly unserved: string[];
  /** `METHOD path?query` of every request. */
  readonly requests: string[];
  close(): Promise<void>;
}

export const REPLAY_ORG = 'org-jfernandez';
export const REPLAY_WORKSPACES = ['workspace1', 'wspNew'] as const;

interface Route {
  readonly method: string;
  readonly path: RegExp;
  readonly reply: (url: URL, match: RegExpExecArray) => Json | undefined;
}

/** `body[key]` sliced by `max`/`offset` (absent: the whole list). */
function paged(body: Json, key: string, url: URL): Json {
  const items = body[key] as unknown[];
  const max = url.searchParams.get('max');
  const offset = Number(url.searchParams.get('offset') ?? '0');
  const end = max === null ? items.length : offset + Number(max);
  return { ...body, [key]: items.slice(offset, end) };
}

function item(body: Json, key: string): Json {
  return body[key] as Json;
}

export async function startReplayServer(dir: string): Promise<ReplayServer> {
  const rec = (fixture: string): Json => readRecorded(dir, fixture) as Json;
  const orgs = rec('orgs.json');
  const org = (orgs.organizations as Json[]).find((o) => o.name === REPLAY_ORG);
  if (org === undefined) throw new Error(`orgs.json has no ${REPLAY_ORG}`);
  const orgId = String(org.orgId);
  const ws1 = item(rec('workspace-view.json'), 'workspace');
  const ws2 = item(rec('workspace-add-response.json'), 'workspace');
  const teams = rec('teams.json');
  const team1 = (teams.teams as Json[]).find((t) => t.name === 'team1');
  const teamMembers = rec('team-members.json');
  const noMembers = { ...teamMembers, members: [], totalSize: 0 };

  const participantsOf = new Map<string, Json>([
    [String(ws1.id), rec('participants.json')],
    [
      String(ws2.id),
      {
        participants: [
          item(rec('participant-add.json'), 'participant'),
          item(rec('participant-team-add.json'), 'participant'),
        ],
        totalSize: 2,
      },
    ],
  ]);
  const legacy = rec('credentials-legacy-discriminator.json');
  const credentialsOf = new Map<string, Json>([
    [String(ws1.id), rec('credentials.json')],
    [
      String(ws2.id),
      {
        credentials: [
          ...(legacy.credentials as Json[]),
          item(rec('credential-aws-role.json'), 'credentials'),
        ],
      },
    ],
  ]);
  const computeEnvsOf = new Map<string, Json>([
    [String(ws1.id), rec('compute-envs.json')],
    [String(ws2.id), rec('compute-envs-primary-null.json')],
  ]);
  const describedCes = new Map<string, Json>();
  for (const ce of [
    item(rec('ce-aws-forge-demo.json'), 'computeEnv'),
    item(item(rec('workflow-launch-view.json'), 'launch'), 'computeEnv'),
  ]) {
    describedCes.set(String(ce.id), ce);
  }
  const pipelines1 = rec('pipelines-sarek.json');
  const pipelines2 = rec('pipelines-labels-null.json');
  const pipelinesOf = new Map<string, Json>([
    [String(ws1.id), pipelines1],
    [String(ws2.id), pipelines2],
  ]);
  const launches = new Map<string, Json>([
    [String((pipelines1.pipelines as Json[])[0]?.pipelineId), rec('pipeline-launch-sarek.json')],
    [String((pipelines2.pipelines as Json[])[0]?.pipelineId), rec('pipeline-launch-sleep.json')],
  ]);
  const secrets = rec('pipeline-secrets.json');
  const secretsOf = new Map<string, Json>([
    [String(ws1.id), secrets],
    [String(ws2.id), { ...secrets, pipelineSecrets: [], totalSize: 0 }],
  ]);
  const labels = rec('labels.json');
  const labelsOf = new Map<string, Json>([
    [String(ws1.id), labels],
    [String(ws2.id), { ...labels, labels: [], totalSize: 0 }],
  ]);
  const wsId = (url: URL): string => url.searchParams.get('workspaceId') ?? '';

  const routes: Route[] = [
    { method: 'GET', path: /^\/user-info$/, reply: () => rec('user-info.json') },
    { method: 'GET', path: /^\/orgs$/, reply: () => orgs },
    {
      method: 'GET',
      path: new RegExp(`^/orgs/${orgId}/workspaces$`),
      reply: () => ({ workspaces: [ws1, ws2] }),
    },
    {
      method: 'GET',
      path: new RegExp(`^/orgs/${orgId}/members$`),
      reply: (url) => paged(rec('org-members.json'), 'members', url),
    },
    { method: 'GET', path: new RegExp(`^/orgs/${orgId}/teams$`), reply: (url) => paged(teams, 'teams', url) },
    {
      method: 'GET',
      path: new RegExp(`^/orgs/${orgId}/teams/(\\d+)/members$`),
      reply: (url, m) => paged(m[1] === String(team1?.teamId) ? teamMembers : noMembers, 'members', url),
    },
    {
      method: 'GET',
      path: new RegExp(`^/orgs/${orgId}/workspaces/(\\d+)/participants$`),
      reply: (url, m) => {
        const body = participantsOf.get(m[1] ?? '');
        return body === undefined ? undefined : paged(body, 'participants', url);
      },
    },
    { method: 'GET', path: /^\/credentials$/, reply: (url) => credentialsOf.get(wsId(url)) },
    {
      method: 'GET',
      path: /^\/credentials\/([^/]+)$/,
      reply: (url, m) => {
        const rows = (credentialsOf.get(wsId(url))?.credentials ?? []) as Json[];
        const row = rows.find((c) => c.id === m[1]);
        return row === undefined ? undefined : { credentials: row };
      },
    },
    { method: 'GET', path: /^\/compute-envs$/, reply: (url) => computeEnvsOf.get(wsId(url)) },
    {
      method: 'GET',
      path: /^\/compute-envs\/([^/]+)$/,
      reply: (url, m) => {
        const listed = (computeEnvsOf.get(wsId(url))?.computeEnvs ?? []) as Json[];
        const ce = describedCes.get(m[1] ?? '');
        return ce === undefined || !listed.some((e) => e.id === m[1]) ? undefined : { computeEnv: ce };
      },
    },
    {
      method: 'GET',
      path: /^\/pipelines$/,
      reply: (url) => {
        const body = pipelinesOf.get(wsId(url));
        return body === undefined ? undefined : paged(body, 'pipelines', url);
      },
    },
    {
      method: 'GET',
      path: /^\/pipelines\/(\d+)\/launch$/,
      reply: (url, m) => {
        const listed = (pipelinesOf.get(wsId(url))?.pipelines ?? []) as Json[];
        return listed.some((p) => String(p.pipelineId) === m[1]) ? launches.get(m[1] ?? '') : undefined;
      },
    },
    { method: 'GET', path: /^\/pipeline-secrets$/, reply: (url) => secretsOf.get(wsId(url)) },
    {
      method: 'GET',
      path: new RegExp(`^/orgs/${orgId}/workspaces/(\\d+)/settings/studios$`),
      reply: (_url, m) =>
        m[1] === String(ws1.id) || m[1] === String(ws2.id) ? rec('studios-settings.json') : undefined,
    },
    // Not recorded in these two workspaces: an empty list, under the list's key.
    ...(
      [
        ['/data-links', 'dataLinks'],
        ['/datasets', 'datasets'],
        ['/datasets/versions', 'versions'],
        ['/actions', 'actions'],
      ] as const
    ).map(([route, key]) => ({
      method: 'GET',
      path: new RegExp(`^${route}$`),
      reply: (url: URL): Json | undefined =>
        wsId(url) === String(ws1.id) || wsId(url) === String(ws2.id) ? { [key]: [] } : undefined,
    })),
    {
      method: 'GET',
      path: /^\/labels$/,
      reply: (url) => {
        const body = labelsOf.get(wsId(url));
        return body === undefined ? undefined : paged(body, 'labels', url);
      },
    },
  ];

  const token = 'replay-token-not-a-secret';
  const unserved: string[] = [];
  const requests: string[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    requests.push(`${method} ${url.pathname}${url.search}`);
    const send = (status: number, body: unknown): void => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    req.resume();
    if (req.headers.authorization !== `Bearer ${token}`) {
      send(401, { message: 'Unauthorized' });
      return;
    }
    for (const route of routes) {
      const match = route.method === method ? route.path.exec(url.pathname) : null;
      if (match === null) continue;
      const body = route.reply(url, match);
      if (body !== undefined) {
        send(200, body);
        return;
      }
      break;
    }
    unserved.push(`${method} ${url.pathname}`);
    send(404, { message: `nothing recorded for ${method} ${url.pathname}` });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    token,
    unserved,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => {
          if (err === undefined) resolve();
          else reject(err);
        });
      }),
  };
}
