/**
 * Plan → plan document (pure). Secrets never reach the document: a field
 * change the renderers would show as `(sensitive)` keeps no value other than
 * a `SecretRef`, and a live object's secret key fields (as its kind's view
 * declares them) are recorded as `(sensitive)`. A desired secret that is not
 * a `SecretRef` is a bug upstream:
 * the document is refused rather than written with the value in it.
 */
import { SyncError } from '../errors.js';
import type { FieldChange, Plan, PlanAction } from '../model/plan.js';
import { summarizePlan } from '../model/plan.js';
import type { PlanDocument, PlanMeta } from '../model/plan-document.js';
import { PLAN_FORMAT_VERSION, PLAN_TOOL_NAME } from '../model/plan-document.js';
import { isSecretRef } from '../model/resources.js';
import { SENSITIVE } from '../model/secret-fields.js';
import { changedPaths } from '../render/nested-diff.js';
import { isSensitiveChange, secretFieldsOf } from '../render/values.js';
import { specOf } from '../kinds/graph.js';
import { planDocumentDigest } from './digest.js';

function refuse(action: PlanAction, what: string): never {
  throw new SyncError(
    `refusing to write a plan holding a secret value (${what} of ${action.address} is not a \${VAR} reference)`,
  );
}

function holdsValue(value: unknown): boolean {
  return value !== undefined && !isSecretRef(value);
}

/** `value` with every `fields` entry (at any depth) that holds a value replaced by `(sensitive)`; SecretRefs kept. */
function redactFields(value: unknown, fields: readonly string[]): unknown {
  if (fields.length === 0 || isSecretRef(value)) return value;
  if (Array.isArray(value)) return value.map((item) => redactFields(item, fields));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        fields.includes(k) && holdsValue(v) ? SENSITIVE : redactFields(v, fields),
      ]),
    );
  }
  return value;
}

function sanitizeChange(action: PlanAction, change: FieldChange, fields: readonly string[]): FieldChange {
  if (isSensitiveChange(action, change)) {
    return holdsValue(change.from) || holdsValue(change.to)
      ? { field: change.field, sensitive: true }
      : change;
  }
  const { from, to, ...rest } = change;
  const paths = changedPaths(change.field, from, to);
  return {
    ...rest,
    ...(from === undefined ? {} : { from: redactFields(from, fields) }),
    ...(to === undefined ? {} : { to: redactFields(to, fields) }),
    ...(paths.length === 0 ? {} : { paths }),
  };
}

/** The action's `desired` or `current` object, when its kind has one. */
function part(action: PlanAction, which: 'desired' | 'current'): object | undefined {
  const value = which in action ? (action as Partial<Record<typeof which, unknown>>)[which] : undefined;
  return typeof value === 'object' && value !== null ? value : undefined;
}

/** The dotted path of the first `field` under `value` (at any depth) that holds a value, if any. */
function valuePath(value: unknown, field: string, at: readonly string[] = []): string | undefined {
  if (typeof value !== 'object' || value === null || isSecretRef(value)) return undefined;
  for (const [key, item] of Object.entries(value)) {
    if (key === field && holdsValue(item)) return [...at, key].join('.');
    const found = valuePath(item, field, [...at, key]);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * The action as the document records it: the fields its kind always keeps
 * secret hold `SecretRef`s and its secret key fields hold no value in
 * `desired` (else the document is refused), and its live `current` shows
 * its secret key fields as `(sensitive)`.
 */
function sanitizeAction(action: PlanAction): PlanAction {
  const fields = secretFieldsOf(action);
  const changes = action.changes.map((c) => sanitizeChange(action, c, fields));
  const desired = part(action, 'desired') as Readonly<Record<string, unknown>> | undefined;
  for (const field of specOf(action.kind).view.sensitiveFields ?? []) {
    if (desired !== undefined && !isSecretRef(desired[field])) refuse(action, field);
  }
  for (const field of fields) {
    const path = valuePath(desired, field);
    if (path !== undefined) refuse(action, path);
  }
  const current = part(action, 'current');
  if (fields.length === 0 || current === undefined) return { ...action, changes };
  return { ...action, changes, current: redactFields(current, fields) } as PlanAction;
}

/**
 * The document for `plan` (see PlanDocument); the plan itself is not
 * modified. `key` makes its digest an HMAC (see `planDocumentDigest`).
 */
export function buildPlanDocument(plan: Plan, meta: PlanMeta, key?: string): PlanDocument {
  const content: Omit<PlanDocument, 'planDigest'> = {
    formatVersion: PLAN_FORMAT_VERSION,
    tool: { name: PLAN_TOOL_NAME, version: meta.toolVersion },
    endpoint: meta.endpoint,
    ...(plan.target === undefined ? {} : { target: plan.target }),
    desiredDigest: meta.desiredDigest,
    options: plan.options,
    summary: summarizePlan(plan),
    blocked: plan.blocked,
    actions: plan.actions.map(sanitizeAction),
    unmanaged: plan.unmanaged,
    notes: plan.notes,
    liveIds: plan.liveIds,
    scope: plan.scope,
    ...(plan.changeScope === undefined ? {} : { changeScope: plan.changeScope }),
    preconditions: meta.preconditions,
    variables: meta.variables,
  };
  return { ...content, planDigest: planDocumentDigest(content, key) };
}
