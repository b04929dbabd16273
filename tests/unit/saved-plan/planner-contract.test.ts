/**
 * The contract between the planner and this module, over generated states:
 * whatever `computePlan` returns renders in every format with every address,
 * validates against plan.schema.json, survives a save/parse round trip, and
 * is not stale against the very state it was computed from.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActualState } from '../../../src/model/actual.js';
import { isEmptyPlan } from '../../../src/model/plan.js';
import { computePlan } from '../../../src/plan/compute-plan.js';
import { renderJson } from '../../../src/render/json.js';
import { renderMarkdown } from '../../../src/render/markdown.js';
import { renderText } from '../../../src/render/text.js';
import { buildPlanDocument } from '../../../src/saved-plan/build-document.js';
import { parsePlanDocument, planDocumentErrors } from '../../../src/saved-plan/parse-document.js';
import { checkPreconditions, computePreconditions } from '../../../src/saved-plan/preconditions.js';
import { actualFromDesired, contextFromDesired } from '../../helpers/builders.js';
import { desiredStateArb } from '../plan/arbitraries.js';

const RUNS = { numRuns: 60 };

/** Every collection read (as a fresh read for apply does for what the plan touches). */
function readEverything(actual: ActualState): ActualState {
  return {
    ...actual,
    orgs: actual.orgs.map((org) => ({
      ...org,
      members: org.members ?? [],
      teams: (org.teams ?? []).map((t) => ({ ...t, members: t.members ?? [] })),
      workspaces: org.workspaces.map((ws) => ({
        ...ws,
        participants: ws.participants ?? [],
        credentials: ws.credentials ?? [],
        computeEnvironments: ws.computeEnvironments ?? [],
        pipelines: ws.pipelines ?? [],
        secrets: ws.secrets ?? [],
      })),
    })),
  };
}

const pairArb = fc
  .tuple(desiredStateArb(true), desiredStateArb())
  .map(([desired, other]) => ({ desired, actual: readEverything(actualFromDesired(other)) }));

const VARIABLES = { salt: 'salt', fingerprint: 'fingerprint', names: [] };

describe('planner output through renderers and saved plans', () => {
  it('renders, validates, round-trips and is fresh against its own state', () => {
    fc.assert(
      fc.property(pairArb, ({ desired, actual }) => {
        const plan = computePlan(desired, actual, contextFromDesired(desired));
        const meta = {
          endpoint: 'https://x',
          desiredDigest: `sha256:${'0'.repeat(64)}`,
          toolVersion: '0',
          preconditions: computePreconditions(plan),
          variables: VARIABLES,
        };
        const json = renderJson(buildPlanDocument(plan, meta));
        expect(planDocumentErrors(JSON.parse(json))).toEqual([]);
        expect(parsePlanDocument(json, 'p.json')).toEqual({ ...plan, ...meta });
        expect(checkPreconditions(plan, actual).stale).toEqual([]);
        const text = renderText(plan, { color: false });
        const markdown = renderMarkdown(plan);
        for (const item of [...plan.actions, ...plan.unmanaged]) {
          expect(text).toContain(item.address);
          expect(markdown).toContain(item.address);
        }
        expect(text.includes('No changes.')).toBe(isEmptyPlan(plan) && plan.blocked.length === 0);
      }),
      RUNS,
    );
  });
});
