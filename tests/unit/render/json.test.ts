import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { BlockRule } from '../../../src/model/plan.js';
import { RESOURCE_ORDER } from '../../../src/kinds/graph.js';
import { SECRET_KEY_FIELDS } from '../../../src/model/secret-fields.js';
import { canonicalJson } from '../../../src/render/canonical-json.js';
import { renderJson } from '../../../src/render/json.js';
import { buildPlanDocument } from '../../../src/saved-plan/build-document.js';
import { richDocument, richMeta } from '../../fixtures/plans/rich-document.js';
import { emptyPlan } from '../../fixtures/plans/rich-plan.js';

const schemaPath = new URL('../../../schemas/plan.schema.json', import.meta.url);
const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));

function compile() {
  return new Ajv2020({ allErrors: true, strict: true, discriminator: true }).compile(schema);
}

function keysSortedEverywhere(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(keysSortedEverywhere);
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value);
    return (
      keys.every((k, i) => i === 0 || (keys[i - 1] as string) < k) &&
      Object.values(value).every(keysSortedEverywhere)
    );
  }
  return true;
}

describe('renderJson', () => {
  it('validates against schemas/plan.schema.json (rich and empty plans)', async () => {
    const validate = compile();
    for (const doc of [await richDocument(), buildPlanDocument(emptyPlan(), await richMeta(emptyPlan()))]) {
      const parsed = JSON.parse(renderJson(doc));
      expect(validate(parsed), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('writes formatVersion "1", sorted keys at every level, a 2-space indent and a final newline', async () => {
    const text = renderJson(await richDocument());
    const parsed = JSON.parse(text);
    expect(parsed.formatVersion).toBe('1');
    expect(parsed.tool).toEqual({ name: 'seqera-sync', version: '0.1.0' });
    expect(keysSortedEverywhere(parsed)).toBe(true);
    expect(text).toMatch(/^\{\n {2}"actions": \[\n {4}\{\n/);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('gives the same bytes whatever the key order of the input', async () => {
    const doc = await richDocument();
    const reversed = JSON.parse(JSON.stringify(doc), (_key, value: unknown) =>
      typeof value === 'object' && value !== null && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).reverse())
        : value,
    );
    expect(renderJson(reversed)).toBe(renderJson(doc));
    expect(canonicalJson({ b: 1, a: { d: undefined, c: [2, 1] } })).toBe('{"a":{"c":[2,1]},"b":1}');
  });

  it('carries the summary and preconditions for every action', async () => {
    const doc = JSON.parse(renderJson(await richDocument()));
    expect(doc.summary).toEqual({ add: 13, change: 9, replace: 1, destroy: 9, unmanaged: 3 });
    for (const action of doc.actions) {
      expect(doc.preconditions[action.address]).toMatch(
        action.type === 'create' ? /^absent$/ : /^(sha256:[0-9a-f]{64}|absent)$/,
      );
    }
  });
});

describe('plan.schema.json', () => {
  it('has one action branch per resource kind', () => {
    const branches = schema.$defs.action.oneOf.map((b: { $ref: string }) => b.$ref.replace('#/$defs/', ''));
    expect(branches).toEqual(RESOURCE_ORDER.map((k) => `${k}Action`));
  });

  it('lists every blocked rule of the Plan type (a new rule fails to compile here)', () => {
    const rules: Record<BlockRule, true> = {
      maxDeletions: true,
      maxDeletionRatio: true,
      tokenUser: true,
      protectedUser: true,
      lastOrgOwner: true,
      lastWorkspaceAdmin: true,
      workspaceDeletion: true,
      missingVariable: true,
      missingOrganization: true,
      organizationCreation: true,
      unknownTeam: true,
      memberStillReferenced: true,
      immutableLabel: true,
      unknownLabel: true,
    };
    expect([...schema.$defs.blockedRule.properties.rule.enum].sort()).toEqual(Object.keys(rules).sort());
  });

  it('requires a SecretRef for every secret key field a provider has', () => {
    const allSecretFields = [...new Set(Object.values(SECRET_KEY_FIELDS).flat())].sort();
    expect(Object.keys(schema.$defs.credentialDesired.properties.keys.properties).sort()).toEqual(
      allSecretFields,
    );
  });

  it('allows a replace only where the planner makes one (compute environment, credential provider)', async () => {
    const validate = compile();
    const doc = JSON.parse(renderJson(await richDocument()));
    const withType = (kind: string, type: string): unknown => {
      const copy = structuredClone(doc);
      copy.actions.find((x: { kind: string }) => x.kind === kind).type = type;
      return copy;
    };
    expect(validate(withType('credential', 'replace'))).toBe(true);
    expect(validate(withType('computeEnvironment', 'replace'))).toBe(true);
    for (const kind of [
      'organization',
      'member',
      'team',
      'teamMember',
      'workspace',
      'participant',
      'pipeline',
      'secret',
    ]) {
      expect(validate(withType(kind, 'replace')), kind).toBe(false);
    }
    // The rich plan makes no existing CE primary: check a "make primary" step on its own.
    const primaryStep = {
      address: 'biocommons/ausgen/computeEnvironments/hpc-gadi/primary',
      changes: [{ field: 'primary', from: false, to: true }],
      computeEnvironment: 'hpc-gadi',
      dependsOn: [],
      kind: 'primaryComputeEnvironment',
      name: 'hpc-gadi',
      org: 'biocommons',
      reason: 'primary: true in ausgen.yaml, not the primary compute environment on the platform',
      type: 'update',
      workspace: 'ausgen',
    };
    const withPrimary = (type: string): unknown => ({
      ...doc,
      actions: [...doc.actions, { ...primaryStep, type }],
    });
    expect(validate(withPrimary('update'))).toBe(true);
    expect(validate(withPrimary('create'))).toBe(false);
    expect(validate(withType('teamMember', 'update'))).toBe(false);
  });

  it('rejects unknown top-level and action properties, bad types, and values in sensitive changes', async () => {
    const validate = compile();
    const doc = JSON.parse(renderJson(await richDocument()));
    const variants: [string, (d: typeof doc) => void, string][] = [
      ['top-level extra', (d) => (d.extra = 1), 'additionalProperties'],
      ['action extra', (d) => (d.actions[0].surprise = true), 'additionalProperties'],
      ['unknown kind', (d) => (d.actions[0].kind = 'notAKind'), 'discriminator'],
      ['type not allowed for the kind', (d) => (d.actions[0].type = 'delete'), 'enum'],
      [
        'sensitive change with a value',
        (d) => (d.actions[1].changes[0] = { field: 'x', sensitive: true, to: 'v' }),
        'type',
      ],
      [
        'secret value not a reference',
        (d) =>
          (d.actions.find(
            (a: { kind: string; desired?: unknown }) => a.kind === 'secret' && a.desired,
          ).desired.value = 'plain'),
        'type',
      ],
      ['wrong formatVersion', (d) => (d.formatVersion = '2'), 'const'],
      ['bad precondition', (d) => (d.preconditions.biocommons = 'md5:abc'), 'anyOf'],
    ];
    for (const [label, mutate, keyword] of variants) {
      const copy = structuredClone(doc);
      mutate(copy);
      expect(validate(copy), label).toBe(false);
      expect(
        validate.errors?.map((e) => e.keyword),
        label,
      ).toContain(keyword);
    }
  });
});
