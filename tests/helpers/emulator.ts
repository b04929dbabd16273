/**
 * Starting the emulator in tests, and a small fetch-based caller for raw API
 * requests. `useEmulator` starts one emulator per test (or per file) and
 * always stops it, so no server outlives its test.
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import {
  startEmulator,
  type EmulatorOptions,
  type EmulatorSeed,
  type RunningEmulator,
} from '../../src/emulator/index.js';
import { loadContractChecker, type ContractChecker } from './openapi-contract.js';

export interface ApiResponse {
  readonly status: number;
  /** Parsed JSON body; undefined when there was none. Shapes are checked by the contract tests. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw JSON for terse assertions
  readonly body: any;
  readonly headers: Headers;
}

export interface ApiCallOptions {
  readonly query?: Readonly<Record<string, string | number | boolean | undefined>>;
  /** Sent as JSON. */
  readonly body?: unknown;
  /** Sent as is (for malformed-body tests). */
  readonly rawBody?: string;
  /** Overrides the emulator token; null sends no Authorization header. */
  readonly token?: string | null;
}

export type ApiCall = (method: string, path: string, options?: ApiCallOptions) => Promise<ApiResponse>;

/** A caller for raw requests against `endpoint` with `token`. */
export function apiCaller(endpoint: string, token: string): ApiCall {
  return async (method, path, options = {}) => {
    const url = new URL(endpoint + path);
    for (const [key, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    const headers: Record<string, string> = {};
    const useToken = options.token === undefined ? token : options.token;
    if (useToken !== null) headers.authorization = `Bearer ${useToken}`;
    let payload: string | undefined = options.rawBody;
    if (options.body !== undefined) payload = JSON.stringify(options.body);
    if (payload !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(url, { method, headers, ...(payload === undefined ? {} : { body: payload }) });
    const text = await res.text();
    return { status: res.status, body: text === '' ? undefined : JSON.parse(text), headers: res.headers };
  };
}

export interface EmulatorFixture {
  /** The running emulator of the current test (or file). */
  readonly emu: RunningEmulator;
  /** Raw API calls as the token user. */
  readonly api: ApiCall;
}

let cachedChecker: ContractChecker | null | undefined;

/**
 * Spec violations of every response an emulator has returned so far (its
 * request log), checked against the official spec; [] when the spec is
 * absent. Dropped connections and endpoints the spec does not have are
 * skipped.
 */
export function emulatorResponseViolations(emu: RunningEmulator): string[] {
  if (cachedChecker === undefined) {
    const loaded = loadContractChecker();
    cachedChecker = 'checker' in loaded ? loaded.checker : null;
  }
  const checker = cachedChecker;
  if (checker === null) return [];
  return emu
    .requestLog()
    .flatMap((e) =>
      e.status === 0 || checker.operationId(e.method, e.path) === undefined
        ? []
        : checker.checkResponse(e.method, e.path, e.status, e.responseBody),
    );
}

/**
 * Starts an emulator before each test (`scope: 'each'`, default) or once for
 * the file (`'all'`) and stops it afterwards. Before stopping, every response
 * it returned is checked against the official OpenAPI spec: an emulator
 * response the spec does not allow fails the test.
 */
export function useEmulator(
  options: EmulatorOptions | (() => EmulatorOptions) = {},
  scope: 'each' | 'all' = 'each',
): EmulatorFixture {
  let current: RunningEmulator | undefined;
  let checkResponses = true;
  const start = async (): Promise<void> => {
    const resolved = typeof options === 'function' ? options() : options;
    checkResponses = resolved.logBodies !== false;
    current = await startEmulator(resolved);
  };
  const stop = async (): Promise<void> => {
    const running = current;
    current = undefined;
    if (running === undefined) return;
    const violations = checkResponses ? emulatorResponseViolations(running) : [];
    await running.stop();
    expect(violations, 'emulator responses that break the official spec').toEqual([]);
  };
  if (scope === 'each') {
    beforeEach(start);
    afterEach(stop);
  } else {
    beforeAll(start);
    afterAll(stop);
  }
  const emu = (): RunningEmulator => {
    if (current === undefined) throw new Error('the emulator is not running (use it inside a test)');
    return current;
  };
  return {
    get emu() {
      return emu();
    },
    get api() {
      const running = emu();
      return apiCaller(running.endpoint, running.token);
    },
  };
}

/** Waits until `check` returns a value other than undefined (polling), or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const TOKEN = 'emu-token-123';
export const MEMBER_TOKEN = 'member-token-456';

/**
 * A small but complete platform: an owner token user (sync-bot), a plain
 * member with a token (john), registered users who are not in the org
 * (alice, sam), an SSO org, and a workspace with every kind of resource.
 */
export function exampleSeed(): EmulatorSeed {
  return {
    users: [
      { userName: 'sync-bot', email: 'seqera-sync@biocommons.example.org', token: TOKEN },
      { userName: 'jane', email: 'jane.citizen@example.edu.au', firstName: 'Jane', lastName: 'Citizen' },
      { userName: 'john', email: 'john.member@example.edu.au', token: MEMBER_TOKEN },
      { userName: 'alice', email: 'alice.outsider@example.com' },
      { userName: 'sam', email: 'sam.sso@example.com' },
    ],
    orgs: [
      {
        name: 'biocommons',
        fullName: 'Australian BioCommons',
        description: 'National bioinformatics infrastructure',
        members: [
          { email: 'seqera-sync@biocommons.example.org', role: 'owner' },
          { email: 'jane.citizen@example.edu.au', role: 'member' },
          { email: 'john.member@example.edu.au', role: 'member' },
        ],
        teams: [
          {
            name: 'ausgen-admins',
            description: 'Admins of AusGen',
            members: ['jane.citizen@example.edu.au'],
          },
        ],
        workspaces: [
          {
            name: 'ausgen',
            fullName: 'Australian Genomics',
            description: 'AusGen community',
            visibility: 'private',
            participants: [
              { email: 'seqera-sync@biocommons.example.org', role: 'owner' },
              { email: 'jane.citizen@example.edu.au', role: 'admin' },
              { email: 'john.member@example.edu.au', role: 'launch' },
              { team: 'ausgen-admins', role: 'admin' },
            ],
            labels: [{ name: 'genomics' }, { name: 'cost-centre', value: 'ausgen', resource: true }],
            credentials: [
              {
                name: 'aws-main',
                provider: 'aws',
                description: 'Main AWS',
                keys: { accessKey: 'AKIAEXAMPLE', secretKey: 'SECRET-AWS' },
              },
              {
                name: 'github',
                provider: 'github',
                keys: { username: 'bot', password: 'SECRET-GH', token: 'ghp_visible' },
              },
            ],
            computeEnvironments: [
              {
                name: 'aws-sydney',
                platform: 'aws-batch',
                credentials: 'aws-main',
                primary: true,
                description: 'Spot queue',
                config: {
                  region: 'ap-southeast-2',
                  workDir: 's3://ausgen-work/scratch',
                  fusion2Enabled: true,
                  waveEnabled: true,
                  forge: {
                    type: 'SPOT',
                    maxCpus: 500,
                    instanceTypes: ['c6id'],
                    allowBuckets: ['s3://ausgen-data'],
                  },
                },
                labels: ['cost-centre'],
              },
            ],
            pipelines: [
              {
                name: 'rnaseq',
                description: 'nf-core/rnaseq',
                labels: ['genomics'],
                launch: {
                  pipeline: 'https://github.com/nf-core/rnaseq',
                  revision: '3.14.0',
                  computeEnv: 'aws-sydney',
                  workDir: 's3://ausgen-work/scratch',
                  configProfiles: ['test'],
                  paramsText: '{"outdir":"s3://ausgen-results"}',
                },
              },
            ],
            secrets: [{ name: 'SENTIEON_LICENSE', value: 'license-value' }],
          },
          {
            name: 'community-shared',
            fullName: 'Shared pipelines',
            visibility: 'shared',
            participants: [{ email: 'seqera-sync@biocommons.example.org', role: 'owner' }],
            pipelines: [{ name: 'sarek', launch: { pipeline: 'https://github.com/nf-core/sarek' } }],
          },
        ],
      },
      {
        name: 'sso-org',
        fullName: 'SSO Org',
        sso: true,
        members: [{ email: 'seqera-sync@biocommons.example.org', role: 'owner' }],
        workspaces: [
          { name: 'closed', participants: [{ email: 'seqera-sync@biocommons.example.org', role: 'owner' }] },
        ],
      },
    ],
  };
}

/** Ids of the example seed's objects, read through the API. */
export async function exampleIds(api: ApiCall): Promise<{
  orgId: number;
  ssoOrgId: number;
  wsId: number;
  sharedWsId: number;
  ssoWsId: number;
}> {
  const orgs = (await api('GET', '/orgs')).body.organizations as { orgId: number; name: string }[];
  const orgId = orgs.find((o) => o.name === 'biocommons')!.orgId;
  const ssoOrgId = orgs.find((o) => o.name === 'sso-org')!.orgId;
  const wss = (await api('GET', `/orgs/${orgId}/workspaces`)).body.workspaces as {
    id: number;
    name: string;
  }[];
  const ssoWss = (await api('GET', `/orgs/${ssoOrgId}/workspaces`)).body.workspaces as {
    id: number;
    name: string;
  }[];
  return {
    orgId,
    ssoOrgId,
    wsId: wss.find((w) => w.name === 'ausgen')!.id,
    sharedWsId: wss.find((w) => w.name === 'community-shared')!.id,
    ssoWsId: ssoWss[0]!.id,
  };
}
