/** Building, writing and reading saved plan documents (the IO side of src/saved-plan). */
import { randomBytes } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { VERSION } from './version.js';
import { FileError } from '../errors.js';
import type { PlanDocument, SavedPlan } from '../model/plan-document.js';
import { renderJson } from '../render/index.js';
import {
  buildPlanDocument,
  computePreconditions,
  desiredDigest,
  parsePlanDocument,
  planVariableNames,
  secretsFingerprint,
} from '../saved-plan/index.js';
import type { PlanRun } from './run-plan.js';

/** The plan document of a run; `key` (the API token) makes its digest an HMAC only the token's holder can recompute. */
export async function planDocumentFor(run: PlanRun, endpoint: string, key?: string): Promise<PlanDocument> {
  return buildPlanDocument(
    run.plan,
    {
      endpoint,
      desiredDigest: desiredDigest(run.desired),
      toolVersion: VERSION,
      preconditions: computePreconditions(run.plan),
      variables: await secretsFingerprint(planVariableNames(run.plan), run.variables),
    },
    key,
  );
}

/** Writes the document atomically (temp file + rename), mode 0600; returns the absolute path. */
export async function writePlanFile(cwd: string, file: string, document: PlanDocument): Promise<string> {
  const target = resolve(cwd, file);
  const temp = `${target}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    // Owner-only: a plan names people, workspaces and where each secret goes.
    await writeFile(temp, renderJson(document), { encoding: 'utf8', mode: 0o600 });
    await rename(temp, target);
  } catch (err) {
    const reason = err instanceof Error && 'code' in err ? String(err.code) : 'write failed';
    throw new FileError(target, `cannot write the plan to ${target}: ${reason}`);
  }
  return target;
}

/** Reads and checks a saved plan; `key` is the one it was written with (the API token). */
export async function readPlanFile(cwd: string, file: string, key?: string): Promise<SavedPlan> {
  const target = resolve(cwd, file);
  let text: string;
  try {
    text = await readFile(target, 'utf8');
  } catch (err) {
    const reason = err instanceof Error && 'code' in err ? String(err.code) : 'read failed';
    throw new FileError(target, `cannot read the saved plan ${target}: ${reason}`);
  }
  return parsePlanDocument(text, file, key);
}
