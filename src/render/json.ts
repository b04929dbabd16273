/**
 * The JSON format: the plan document (`schemas/plan.schema.json`) with keys
 * sorted at every level, arrays in plan order and a 2-space indent, so the
 * same plan always gives the same bytes. `plan --format json` prints it and
 * `plan --out FILE` saves it; `buildPlanDocument` (src/saved-plan) makes the
 * document from a plan.
 */
import type { PlanDocument } from '../model/plan-document.js';
import { canonicalJson } from './canonical-json.js';

/** The document as text, ending with a newline. */
export function renderJson(document: PlanDocument): string {
  return `${canonicalJson(document, 2)}\n`;
}
