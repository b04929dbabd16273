import { describe, expect, it } from 'vitest';
import { FileError } from '../../../src/errors.js';
import { renderJson } from '../../../src/render/json.js';
import { buildPlanDocument } from '../../../src/saved-plan/build-document.js';
import { planDocumentDigest } from '../../../src/saved-plan/digest.js';
import {
  WITHOUT_KEY,
  parsePlanDocument,
  planDocumentErrors,
} from '../../../src/saved-plan/parse-document.js';
import { richDocument, richMeta } from '../../fixtures/plans/rich-document.js';
import { emptyPlan, richPlan } from '../../fixtures/plans/rich-plan.js';

const FILE = 'out/plan-2024.json';

function parseError(text: string): FileError {
  try {
    parsePlanDocument(text, FILE);
  } catch (error) {
    if (error instanceof FileError) return error;
    throw error;
  }
  throw new Error('expected parsePlanDocument to throw');
}

/** The parsed document, loosely typed so tests can break it. */
interface LooseDocument {
  [key: string]: unknown;
  actions: Record<string, unknown>[];
  preconditions: Record<string, string>;
}

/**
 * The rich document, edited by `mutate`. By default the edit is re-sealed (its
 * digest recomputed, as someone who knows the format could do) so the checks
 * behind the digest are reached; `reseal: false` leaves the digest as written.
 */
async function richText(
  mutate: (doc: LooseDocument) => void = () => undefined,
  reseal = true,
): Promise<string> {
  const doc = JSON.parse(renderJson(await richDocument())) as LooseDocument;
  mutate(doc);
  if (reseal) doc['planDigest'] = planDocumentDigest(doc);
  return JSON.stringify(doc);
}

describe('parsePlanDocument', () => {
  it('round-trips: render → parse gives back the plan and its meta', async () => {
    for (const plan of [richPlan(), emptyPlan()]) {
      const meta = await richMeta(plan);
      const saved = parsePlanDocument(renderJson(buildPlanDocument(plan, meta)), FILE);
      expect(saved).toStrictEqual({ ...plan, ...meta });
    }
  });

  it('a re-rendered parsed plan is byte-identical', async () => {
    const text = renderJson(await richDocument());
    const saved = parsePlanDocument(text, FILE);
    expect(renderJson(buildPlanDocument(saved, saved))).toBe(text);
  });

  it('names the file for bad JSON, without a stack trace', () => {
    const error = parseError('{"formatVersion": "1", ');
    expect(error.file).toBe(FILE);
    expect(error.message).toMatch(/^out\/plan-2024\.json: not a seqera-sync plan: invalid JSON \(/);
    expect(error.message).not.toMatch(/\n\s+at /);
  });

  it('refuses something that is not a plan object', () => {
    expect(parseError('[1, 2]').message).toBe(`${FILE}: not a seqera-sync plan (expected a JSON object)`);
    expect(parseError('{"actions": []}').message).toBe(`${FILE}: not a seqera-sync plan (no formatVersion)`);
  });

  it('refuses another formatVersion with a clear message', async () => {
    const error = parseError(await richText((d) => (d['formatVersion'] = '2')));
    expect(error.message).toBe(
      `${FILE}: plan formatVersion "2" is not supported (this seqera-sync reads "1"); re-run plan with the version that applies it`,
    );
  });

  it('reports schema violations with their JSON pointers', async () => {
    const error = parseError(
      await richText((d) => {
        d.actions[2]!['type'] = 'explode';
        d['surprise'] = true;
        Reflect.deleteProperty(d, 'endpoint');
      }),
    );
    expect(error.message).toMatch(/^out\/plan-2024\.json: not a valid seqera-sync plan: /);
    expect(error.message).toContain('(top level): unknown property "surprise"');
    expect(error.message).toContain("(top level): must have required property 'endpoint'");
    expect(error.message).toContain('/actions/2/type: must be one of ["create","update","delete"]');
  });

  it('caps the number of reported violations', async () => {
    const error = parseError(
      await richText((d) => {
        for (const action of d.actions) action['reason'] = 42;
      }),
    );
    expect(error.message).toMatch(/; and \d+ more$/);
    expect(error.message.split('; ').length).toBe(6);
  });

  it('refuses an action without a precondition, and duplicate actions', async () => {
    const address = richPlan().actions[3]!.address;
    const noPrecondition = await richText((d) => Reflect.deleteProperty(d.preconditions, address));
    expect(parseError(noPrecondition).message).toBe(
      `${FILE}: not a valid seqera-sync plan: no precondition recorded for ${address}`,
    );
    const duplicate = await richText((d) => d.actions.push(d.actions[0]!));
    expect(parseError(duplicate).message).toBe(
      `${FILE}: not a valid seqera-sync plan: two actions for biocommons`,
    );
  });

  it('refuses a file edited after it was written, whatever the edit', async () => {
    const modified = `${FILE}: plan file was modified after it was written (its content no longer matches its planDigest); nothing was applied. Re-run plan`;
    const edits: ((d: LooseDocument) => void)[] = [
      (d) => ((d['options'] as Record<string, boolean>)['allowDeletions'] = true),
      (d) => d.actions.push({ ...d.actions[0]!, address: 'biocommons/extra' }),
      (d) => (d['blocked'] = []),
      (d) => (d.actions[0]!['reason'] = 'nothing to see'),
    ];
    for (const edit of edits) expect(parseError(await richText(edit, false)).message).toBe(modified);
    // Formatting is not content: the same document re-indented is accepted.
    const text = renderJson(await richDocument());
    expect(() => parsePlanDocument(JSON.stringify(JSON.parse(text)), FILE)).not.toThrow();
  });

  it('refuses a plan without a digest', async () => {
    const unsealed = await richText((d) => Reflect.deleteProperty(d, 'planDigest'), false);
    expect(parseError(unsealed).message).toMatch(/carries no planDigest/);
  });

  it('a reader without the token (it only shows the plan) reads a keyed plan, still checked in full', async () => {
    const plan = richPlan();
    const sealed = renderJson(buildPlanDocument(plan, await richMeta(plan), 'the-api-token'));
    expect(parsePlanDocument(sealed, FILE, WITHOUT_KEY).actions).toStrictEqual(plan.actions);
    // Without WITHOUT_KEY, a keyed plan is not taken for an unkeyed one, nor under another token.
    expect(parseError(sealed).message).toMatch(/modified after it was written/);
    expect(() => parsePlanDocument(sealed, FILE, 'another-token')).toThrow(
      /or it was made with another token/,
    );
    // The schema and the preconditions are still checked.
    const broken = JSON.parse(sealed) as LooseDocument;
    broken.preconditions = {};
    expect(() => parsePlanDocument(JSON.stringify(broken), FILE, WITHOUT_KEY)).toThrow(
      /no precondition recorded/,
    );
    // An unkeyed digest can be checked without a key, so it is.
    const edited = await richText((d) => (d['blocked'] = []), false);
    expect(() => parsePlanDocument(edited, FILE, WITHOUT_KEY)).toThrow(/modified after it was written/);
    const unsealed = await richText((d) => Reflect.deleteProperty(d, 'planDigest'), false);
    expect(() => parsePlanDocument(unsealed, FILE, WITHOUT_KEY)).toThrow(/carries no planDigest/);
  });

  it('planDocumentErrors lists nothing for a valid document', async () => {
    expect(planDocumentErrors(JSON.parse(renderJson(await richDocument())))).toEqual([]);
    expect(planDocumentErrors({ formatVersion: '1' }).length).toBeGreaterThan(5);
  });
});
