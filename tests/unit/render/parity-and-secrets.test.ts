import { describe, expect, it } from 'vitest';
import type { Plan, PlanAction } from '../../../src/model/plan.js';
import { renderJson } from '../../../src/render/json.js';
import { renderMarkdown } from '../../../src/render/markdown.js';
import { renderText } from '../../../src/render/text.js';
import { buildPlanDocument } from '../../../src/saved-plan/build-document.js';
import { PLANTED_SECRET, richDocument, richMeta } from '../../fixtures/plans/rich-document.js';
import { emptyPlan, richPlan } from '../../fixtures/plans/rich-plan.js';

async function allFormats(plan: Plan): Promise<Readonly<Record<string, string>>> {
  return {
    text: renderText(plan, { color: false }),
    colour: renderText(plan, { color: true }),
    markdown: renderMarkdown(plan),
    json: renderJson(buildPlanDocument(plan, await richMeta(plan))),
  };
}

describe('parity between formats', () => {
  it('every action and unmanaged address appears in every format', async () => {
    const plan = richPlan();
    const outputs = await allFormats(plan);
    const addresses = [...plan.actions, ...plan.unmanaged].map((i) => i.address);
    expect(addresses.length).toBeGreaterThan(30);
    for (const [format, out] of Object.entries(outputs)) {
      for (const addr of addresses) {
        expect(out, `${addr} missing from ${format}`).toContain(addr);
      }
    }
  });

  it('every blocked rule and note appears in every format', async () => {
    const plan = richPlan();
    for (const out of Object.values(await allFormats(plan))) {
      for (const rule of plan.blocked) expect(out).toContain(rule.rule);
      // Markdown escapes punctuation and puts a zero width joiner after `@` (no mention).
      const readable = out.replace(/\\([_()-])/g, '$1').replaceAll('@\u200d', '@');
      for (const note of plan.notes) expect(readable).toContain(note.message);
    }
  });

  it('the JSON lists the same actions in the same order as the plan', async () => {
    const doc = JSON.parse(renderJson(await richDocument())) as { actions: { address: string }[] };
    expect(doc.actions.map((a) => a.address)).toEqual(richPlan().actions.map((a) => a.address));
  });
});

describe('secrets never appear', () => {
  it('a planted variable value is absent from every format (it feeds only the fingerprint)', async () => {
    const outputs = await allFormats(richPlan());
    for (const out of Object.values(outputs)) expect(out).not.toContain(PLANTED_SECRET);
  });

  it('SecretRefs render as (sensitive, from ${NAME}), other secret fields as (sensitive), in text and markdown', async () => {
    const outputs = await allFormats(richPlan());
    for (const out of [outputs['text'], outputs['markdown']]) {
      expect(out).toContain('keys.secretKey: (sensitive, from ${AUSGEN_AWS_SECRET_KEY})\n');
      expect(out).toContain('keys.privateKey: (sensitive, from ${NEWCOMM_SSH_KEY})\n');
      expect(out).toContain('value: (sensitive, from ${AUSGEN_SENTIEON_LICENSE})\n');
      expect(out).toContain('keys.token: (sensitive)\n');
      expect(out).toContain('value: (sensitive)\n');
      expect(out).not.toContain('secretRef');
    }
  });

  it('lists, per credential and secret, the variables it reads (names only)', async () => {
    const outputs = await allFormats(richPlan());
    for (const out of [outputs['text'], outputs['markdown']]) {
      expect(out).toContain('variables: ${AUSGEN_GITHUB_TOKEN}\n');
      expect(out).toContain('variables: ${NEWCOMM_SSH_KEY}\n');
    }
    expect(outputs['json']).toContain('"secretRef": "NEWCOMM_SSH_KEY"');
  });

  it('a plan that wrongly carries secret values still shows none of them', async () => {
    const leaky: PlanAction[] = [
      {
        kind: 'credential',
        type: 'update',
        address: 'biocommons/ausgen/credentials/aws-main',
        org: 'biocommons',
        workspace: 'ausgen',
        name: 'aws-main',
        reason: 'keys differ',
        changes: [
          // marked sensitive but carrying values: a planner bug the renderers must absorb
          { field: 'keys.secretKey', from: PLANTED_SECRET, to: `${PLANTED_SECRET}-new`, sensitive: true },
          // not marked, but a secret key field of the provider
          { field: 'keys.secretKey', from: PLANTED_SECRET, to: 'x' },
          // a whole keys object
          { field: 'keys', from: { accessKey: 'AK', secretKey: PLANTED_SECRET }, to: { accessKey: 'AK2' } },
          // a SecretRef nested in a value
          { field: 'extra', to: { nested: [{ secretRef: 'SOME_VAR' }] } },
        ],
        dependsOn: [],
        desired: {
          name: 'aws-main',
          provider: 'aws',
          keys: { accessKey: 'AK2', secretKey: { secretRef: 'AUSGEN_AWS_SECRET_KEY' } },
          source: { file: 'f.yaml', line: 1, column: 1, pointer: '/credentials/0' },
        },
        current: {
          id: 'c1',
          name: 'aws-main',
          provider: 'aws',
          keys: { accessKey: 'AK', secretKey: PLANTED_SECRET },
        },
      },
      {
        kind: 'secret',
        type: 'update',
        address: 'biocommons/ausgen/secrets/S',
        org: 'biocommons',
        workspace: 'ausgen',
        name: 'S',
        reason: 'rotate',
        changes: [{ field: 'value', from: PLANTED_SECRET, to: PLANTED_SECRET }],
        dependsOn: [],
      },
    ];
    const plan: Plan = { ...emptyPlan(), actions: leaky };
    const text = renderText(plan, { color: false });
    const markdown = renderMarkdown(plan);
    const json = renderJson(buildPlanDocument(plan, await richMeta(plan)));
    for (const out of [text, markdown, json]) expect(out).not.toContain(PLANTED_SECRET);
    expect(text).toContain(
      'keys: {\n        ~ accessKey: "AK" → "AK2"\n        - secretKey: (sensitive)\n      }',
    );
    expect(text).toContain('extra: {\n        + nested: ["(sensitive)"]\n      }');
    expect(json).toContain('"secretKey": "(sensitive)"');
  });
});
