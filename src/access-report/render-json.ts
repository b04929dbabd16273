/**
 * The JSON format: the report value as it is (`schemas/access-report.schema.json`),
 * keys in a fixed order and arrays already sorted by the builder, so two
 * reports of the same platform differ only in `generatedAt`.
 */
import type { AccessReport } from './model.js';

export function renderJson(report: AccessReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
