/**
 * Reads an earlier JSON report for `--previous FILE`: JSON → checked against
 * `schemas/access-report.schema.json` → `AccessReport`. Every problem is a
 * `FileError` naming the file and what is wrong (missing, not JSON, not a
 * report, another format version, another organisation, a schema violation
 * with its JSON pointer), never a stack trace.
 */
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { FileError } from '../errors.js';
import { packageFileUrl } from '../package-files.js';
import { ACCESS_REPORT_FORMAT_VERSION, type AccessReport } from './model.js';

/** The package's `schemas/access-report.schema.json`. */
export function accessReportSchemaUrl(): URL {
  return packageFileUrl('schemas/access-report.schema.json');
}

const MAX_REPORTED_ERRORS = 5;
/** An earlier report is refused above this size (a report of 1,000 workspaces × 30 people is ~10 MB). */
const MAX_PREVIOUS_BYTES = 256 * 1024 * 1024;

let compiled: ValidateFunction<AccessReport> | undefined;

function validator(): ValidateFunction<AccessReport> {
  if (compiled === undefined) {
    const schema = JSON.parse(readFileSync(accessReportSchemaUrl(), 'utf8')) as object;
    compiled = new Ajv2020({ allErrors: true, strict: true }).compile<AccessReport>(schema);
  }
  return compiled;
}

function describeError(error: ErrorObject): string {
  const where = error.instancePath === '' ? '(top level)' : error.instancePath;
  const params = error.params as Readonly<Record<string, unknown>>;
  if (error.keyword === 'additionalProperties') {
    return `${where}: unknown property ${JSON.stringify(params['additionalProperty'])}`;
  }
  return `${where}: ${error.message ?? error.keyword}`;
}

/** Schema violations of `value` as `pointer: problem` lines (empty for a valid report). */
export function accessReportErrors(value: unknown): readonly string[] {
  const validate = validator();
  if (validate(value)) return [];
  return (validate.errors ?? []).map(describeError);
}

/** Parses and checks the text of an earlier report of `org`; `source` names the file in errors. */
export function parsePreviousReport(text: string, source: string, org: string): AccessReport {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : 'unreadable';
    throw new FileError(source, `${source}: --previous is not JSON (${reason})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new FileError(source, `${source}: --previous is not an access report (expected a JSON object)`);
  }
  const version = (value as { formatVersion?: unknown }).formatVersion;
  if (version === undefined || (value as { tool?: unknown }).tool !== 'seqera-sync' || !('rows' in value)) {
    throw new FileError(
      source,
      `${source}: --previous is not an access report (write one with access-report --format json)`,
    );
  }
  if (version !== ACCESS_REPORT_FORMAT_VERSION) {
    throw new FileError(
      source,
      `${source}: access report formatVersion ${JSON.stringify(version)} is not supported (this seqera-sync reads "${ACCESS_REPORT_FORMAT_VERSION}")`,
    );
  }
  const errors = accessReportErrors(value);
  if (errors.length > 0) {
    const shown = errors.slice(0, MAX_REPORTED_ERRORS).join('; ');
    const more =
      errors.length > MAX_REPORTED_ERRORS ? ` (and ${errors.length - MAX_REPORTED_ERRORS} more)` : '';
    throw new FileError(source, `${source}: --previous is not a valid access report: ${shown}${more}`);
  }
  const report = value as AccessReport;
  if (report.org.name !== org) {
    throw new FileError(
      source,
      `${source}: --previous is a report of organisation ${JSON.stringify(report.org.name)}, not ${JSON.stringify(org)}`,
    );
  }
  return report;
}

/** Reads `path` (shown as `source`) as an earlier report of `org`. */
export async function readPreviousReport(path: string, source: string, org: string): Promise<AccessReport> {
  let text: string;
  try {
    const buffer = await readFile(path);
    if (buffer.length > MAX_PREVIOUS_BYTES) {
      throw new FileError(source, `${source}: --previous is larger than ${MAX_PREVIOUS_BYTES} bytes`);
    }
    text = buffer.toString('utf8');
  } catch (error) {
    if (error instanceof FileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a directory' : (code ?? 'unreadable');
    throw new FileError(source, `${source}: cannot read --previous (${reason})`);
  }
  return parsePreviousReport(text, source, org);
}
