import { describe, expect, it } from 'vitest';
import { SyncError } from '../../../src/errors.js';
import type { DesiredState, DesiredWorkspace } from '../../../src/model/desired.js';
import type { Plan, PlanAction } from '../../../src/model/plan.js';
import { COLLECTION_KINDS } from '../../../src/kinds/collections.js';
import { buildPlanDocument } from '../../../src/saved-plan/build-document.js';
import { desiredDigest, liveObjectDigest } from '../../../src/saved-plan/digest.js';
import {
  planVariableNames,
  secretsFingerprint,
  variablesUnchanged,
} from '../../../src/saved-plan/variables.js';
import { PLANTED_SECRET, RICH_VARIABLES, richMeta } from '../../fixtures/plans/rich-document.js';
import { sameVariablesEverywhere } from '../../helpers/variables.js';
import type { Variables } from '../../../src/secrets/variables.js';

function inWorkspace(values: ReadonlyMap<string, string>): Variables {
  return { origin: 'SEQERA_SYNC_VARS', scopes: new Map([['o/w', values]]) };
}
import { emptyPlan, richPlan } from '../../fixtures/plans/rich-plan.js';

const none = Object.fromEntries(
  COLLECTION_KINDS.map((k) => [k, []]),
) as unknown as DesiredWorkspace['ignore'];
const noPrune = Object.fromEntries(
  COLLECTION_KINDS.map((k) => [k, false]),
) as unknown as DesiredWorkspace['prune'];

function desired(line: number, role: 'admin' | 'view' = 'admin'): DesiredState {
  const file = 'workspaces/biocommons/ausgen.yaml';
  return {
    orgs: [
      {
        name: 'biocommons',
        hasFile: false,
        policy: {
          prune: noPrune,
          maxDeletions: 10,
          maxDeletionRatio: 0.25,
          protectedUsers: [],
          maxParticipants: 0,
        },
        ignore: none,
        source: { file: 'workspaces/biocommons', line: 1, column: 1, pointer: '' },
        workspaces: [
          {
            org: 'biocommons',
            name: 'ausgen',
            fullName: 'AusGen',
            visibility: 'private',
            state: 'present',
            prune: noPrune,
            ignore: none,
            maintainers: [],
            participants: [
              {
                type: 'user',
                email: 'jane@example.org',
                role,
                source: { file, line, column: 5, pointer: '/participants/0' },
              },
            ],
            secrets: [
              {
                name: 'S',
                value: { secretRef: 'AUSGEN_S' },
                source: { file, line: line + 1, column: 5, pointer: '/secrets/0' },
              },
            ],
            source: { file, line: 1, column: 1, pointer: '' },
          },
        ],
      },
    ],
  };
}

describe('desiredDigest', () => {
  it('ignores declaration positions (reformatted YAML) but not values', () => {
    expect(desiredDigest(desired(5))).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(desiredDigest(desired(5))).toBe(desiredDigest(desired(12)));
    expect(desiredDigest(desired(5, 'view'))).not.toBe(desiredDigest(desired(5)));
  });

  it('tells an unmanaged collection from an empty managed one', () => {
    const base = desired(5);
    const ws = base.orgs[0]!.workspaces[0]!;
    const withEmptyPipelines: DesiredState = {
      orgs: [{ ...base.orgs[0]!, workspaces: [{ ...ws, pipelines: [] }] }],
    };
    expect(desiredDigest(withEmptyPipelines)).not.toBe(desiredDigest(base));
  });

  it("leaves out a dataset's absolute file path (its load facet's whereFrom) but not its content digest", () => {
    const base = desired(5);
    const ws = base.orgs[0]!.workspaces[0]!;
    const withDataset = (path: string, sha256: string): DesiredState => {
      const dataset = {
        name: 'samples',
        file: 'samples.csv',
        header: true,
        size: 10,
        sha256,
        path,
        source: ws.source,
      };
      return { orgs: [{ ...base.orgs[0]!, workspaces: [{ ...ws, datasets: [dataset] }] }] };
    };
    const here = desiredDigest(withDataset('/a/biocommons/datasets/ausgen/samples.csv', 'ab'));
    expect(desiredDigest(withDataset('/b/biocommons/datasets/ausgen/samples.csv', 'ab'))).toBe(here);
    expect(desiredDigest(withDataset('/a/biocommons/datasets/ausgen/samples.csv', 'cd'))).not.toBe(here);
  });
});

describe('liveObjectDigest', () => {
  it('does not depend on key order', () => {
    expect(liveObjectDigest({ a: 1, b: { c: 2, d: 3 } })).toBe(liveObjectDigest({ b: { d: 3, c: 2 }, a: 1 }));
    expect(liveObjectDigest({ a: 1 })).not.toBe(liveObjectDigest({ a: 2 }));
  });
});

describe('variables fingerprint', () => {
  it('names the variables the plan reads secrets from', () => {
    expect(planVariableNames(richPlan())).toEqual([
      'biocommons/ausgen/AUSGEN_AWS_SECRET_KEY',
      'biocommons/ausgen/AUSGEN_GITHUB_TOKEN',
      'biocommons/ausgen/AUSGEN_NCBI_API_KEY',
      'biocommons/ausgen/AUSGEN_SENTIEON_LICENSE',
      'biocommons/newcomm/NEWCOMM_SSH_KEY',
    ]);
    expect(planVariableNames(emptyPlan())).toEqual([]);
  });

  it('is deterministic for a salt, and changes with any value, with a variable set later, and with the salt', async () => {
    const names = ['o/w/B', 'o/w/A', 'o/w/A'];
    const values = new Map([
      ['A', 'one'],
      ['B', 'two'],
    ]);
    const first = await secretsFingerprint(names, inWorkspace(values), 'salt1');
    expect(first.names).toEqual(['o/w/A', 'o/w/B']);
    expect(first.salt).toBe('salt1');
    expect(first.fingerprint).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const again = (map: Map<string, string>, salt?: string) =>
      secretsFingerprint(names, inWorkspace(map), salt);
    expect(await secretsFingerprint(['o/w/A', 'o/w/B'], inWorkspace(new Map(values)), 'salt1')).toEqual(
      first,
    );
    expect((await again(new Map([...values, ['B', 'three']]), 'salt1')).fingerprint).not.toBe(
      first.fingerprint,
    );
    expect((await again(new Map([['A', 'one']]), 'salt1')).fingerprint).not.toBe(first.fingerprint);
    expect((await again(values, 'salt2')).fingerprint).not.toBe(first.fingerprint);
    const random = await again(values);
    expect(random.salt).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });

  it("reads each name from its own workspace's values only", async () => {
    const own = await secretsFingerprint(['o/w/A'], inWorkspace(new Map([['A', 'one']])), 'salt1');
    const elsewhere = await secretsFingerprint(
      ['o/w/A'],
      { origin: 'SEQERA_SYNC_VARS', scopes: new Map([['o/other', new Map([['A', 'one']])]]) },
      'salt1',
    );
    const unset = await secretsFingerprint(['o/w/A'], inWorkspace(new Map()), 'salt1');
    expect(elsewhere.fingerprint).toBe(unset.fingerprint);
    expect(own.fingerprint).not.toBe(unset.fingerprint);
  });

  it('variablesUnchanged compares the current values with the recorded fingerprint', async () => {
    const recorded = (await richMeta()).variables;
    expect(await variablesUnchanged(recorded, sameVariablesEverywhere(RICH_VARIABLES))).toBe(true);
    const rotated = new Map([...RICH_VARIABLES, ['AUSGEN_AWS_SECRET_KEY', 'rotated']]);
    expect(await variablesUnchanged(recorded, sameVariablesEverywhere(rotated))).toBe(false);
    expect(JSON.stringify(recorded)).not.toContain(PLANTED_SECRET);
  });
});

describe('buildPlanDocument', () => {
  const credential = (secretKey: unknown): PlanAction => ({
    kind: 'credential',
    type: 'create',
    address: 'biocommons/ausgen/credentials/aws',
    org: 'biocommons',
    workspace: 'ausgen',
    name: 'aws',
    reason: 'declared',
    changes: [],
    dependsOn: [],
    desired: {
      name: 'aws',
      provider: 'aws',
      keys: { accessKey: 'AK', secretKey },
      source: { file: 'f', line: 1, column: 1, pointer: '' },
    },
  });

  it('refuses to record a secret that is not a ${VAR} reference', async () => {
    const plan: Plan = { ...emptyPlan(), actions: [credential(PLANTED_SECRET)] };
    const build = async () => buildPlanDocument(plan, await richMeta(plan));
    await expect(build()).rejects.toThrow(SyncError);
    await expect(build()).rejects.toThrow(
      'refusing to write a plan holding a secret value (keys.secretKey of biocommons/ausgen/credentials/aws is not a ${VAR} reference)',
    );
    const message = await build().then(
      () => '',
      (error: unknown) => String(error),
    );
    expect(message).not.toContain(PLANTED_SECRET);
    const secret: PlanAction = {
      kind: 'secret',
      type: 'create',
      address: 'biocommons/ausgen/secrets/S',
      org: 'biocommons',
      workspace: 'ausgen',
      name: 'S',
      reason: 'declared',
      changes: [],
      dependsOn: [],
      desired: {
        name: 'S',
        value: PLANTED_SECRET as never,
        source: { file: 'f', line: 1, column: 1, pointer: '' },
      },
    };
    const secretPlan: Plan = { ...emptyPlan(), actions: [secret] };
    const meta = await richMeta(secretPlan);
    expect(() => buildPlanDocument(secretPlan, meta)).toThrow('(value of biocommons/ausgen/secrets/S is not');
  });

  it('keeps SecretRefs and derives the summary; the plan itself is not modified', async () => {
    const plan: Plan = { ...emptyPlan(), actions: [credential({ secretRef: 'AWS_SECRET' })] };
    const frozen = JSON.stringify(plan);
    const doc = buildPlanDocument(plan, await richMeta(plan));
    expect(JSON.stringify(plan)).toBe(frozen);
    expect(doc.summary).toEqual({ add: 1, change: 0, replace: 0, destroy: 0, unmanaged: 0 });
    expect(doc.actions[0]).toEqual(plan.actions[0]);
    expect(doc.variables.names).toEqual(['biocommons/ausgen/AWS_SECRET']);
  });
});
