/**
 * Hardening rules for the workflows (listed in `ALL_RULES`), each a function of
 * a loaded workflow returning its violations as readable strings. The tests
 * run them on the real files (no violations) and on broken copies (each rule
 * can fail).
 */
import type { Job, LoadedWorkflow, Step } from './workflow-files.js';
import { jobsOf, runScripts } from './workflow-files.js';

export type Rule = (wf: LoadedWorkflow) => string[];

const PINNED_USES = /^\s*(?:-\s+)?uses:\s+([\w.-]+\/[\w./-]+)@([0-9a-f]{40})\s+#\s+v\d+\.\d+\.\d+\s*$/;

/** Every `uses:` is a full commit SHA followed by a `# vX.Y.Z` comment. */
export const pinnedActions: Rule = (wf) =>
  wf.text
    .split('\n')
    .map((line, i) => ({ line, n: i + 1 }))
    .filter(({ line }) => /^\s*(?:-\s+)?uses:/.test(line))
    .filter(({ line }) => !PINNED_USES.test(line))
    .map(
      ({ line, n }) => `line ${String(n)}: not pinned to a commit SHA with a version comment: ${line.trim()}`,
    );

const READ_ONLY_TOP = new Set(['{}', '{"contents":"read"}']);
const WRITE_SCOPES_ALLOWED = new Set(['pull-requests', 'issues']);

const SECRET_EXPRESSION = /\$\{\{[^}]*\bsecrets\./;

/** True when the job reads any `${{ secrets.* }}`. */
export function usesSecrets(job: Job): boolean {
  return SECRET_EXPRESSION.test(JSON.stringify(job));
}

/**
 * Top level grants nothing (or contents: read); every job declares its own
 * permissions as a map; write access is only pull-requests or issues, and
 * never in a job that holds secrets.
 */
export const leastPermissions: Rule = (wf) => {
  const out: string[] = [];
  const top = wf.doc.permissions;
  if (top === undefined || !READ_ONLY_TOP.has(JSON.stringify(top))) {
    out.push(`top-level permissions must be {} or {contents: read}, got ${JSON.stringify(top)}`);
  }
  for (const [id, job] of jobsOf(wf)) {
    const perms = job.permissions;
    if (typeof perms !== 'object' || perms === null || Array.isArray(perms)) {
      out.push(`job ${id}: permissions must be an explicit map, got ${JSON.stringify(perms)}`);
      continue;
    }
    for (const [scope, level] of Object.entries(perms as Record<string, unknown>)) {
      if (level === 'read' || level === 'none') continue;
      if (level !== 'write') {
        out.push(`job ${id}: ${scope}: unknown level ${JSON.stringify(level)}`);
      } else if (!WRITE_SCOPES_ALLOWED.has(scope)) {
        out.push(`job ${id}: ${scope}: write is not allowed`);
      } else if (usesSecrets(job)) {
        out.push(`job ${id}: holds secrets and has ${scope}: write (split the job)`);
      }
    }
  }
  return out;
};

/** Every job has a `timeout-minutes` between 1 and 180. */
export const timeouts: Rule = (wf) =>
  jobsOf(wf)
    .filter(([, job]) => {
      const t = job['timeout-minutes'];
      return typeof t !== 'number' || t < 1 || t > 180;
    })
    .map(
      ([id, job]) =>
        `job ${id}: timeout-minutes must be 1..180, got ${JSON.stringify(job['timeout-minutes'])}`,
    );

function isCheckout(step: Step): boolean {
  return typeof step.uses === 'string' && step.uses.startsWith('actions/checkout@');
}

/** Every checkout sets `persist-credentials: false` (no token left in .git/config). */
export const checkoutWithoutCredentials: Rule = (wf) =>
  jobsOf(wf).flatMap(([id, job]) =>
    (job.steps ?? [])
      .filter((s) => isCheckout(s) && s.with?.['persist-credentials'] !== false)
      .map((s) => `job ${id}: step '${s.name ?? '?'}' checks out without persist-credentials: false`),
  );

/** No `${{ }}` inside `run:`: values reach scripts through `env:` only (no script injection). */
export const noExpressionsInRun: Rule = (wf) =>
  runScripts(wf)
    .filter((r) => r.run.includes('${{'))
    .map((r) => `job ${r.job}: step '${r.step}' interpolates \${{ }} in run: (pass it through env:)`);

/** Every step has a name, unique in its job, so other tests can find it. */
export const namedSteps: Rule = (wf) =>
  jobsOf(wf).flatMap(([id, job]) => {
    const out: string[] = [];
    const seen = new Set<string>();
    (job.steps ?? []).forEach((s, i) => {
      if (typeof s.name !== 'string' || s.name.trim() === '')
        out.push(`job ${id}: step ${String(i + 1)} has no name`);
      else if (seen.has(s.name)) out.push(`job ${id}: duplicate step name '${s.name}'`);
      else seen.add(s.name);
    });
    return out;
  });

/** A job that reads secrets runs in a GitHub environment (protected, branch-restricted). */
export const secretsInEnvironment: Rule = (wf) =>
  jobsOf(wf)
    .filter(([, job]) => usesSecrets(job) && job.environment === undefined)
    .map(([id]) => `job ${id}: reads secrets outside an environment`);

/** `shell: bash` by default, so `set -o pipefail` and PIPESTATUS behave the same in every step. */
export const bashByDefault: Rule = (wf) =>
  JSON.stringify(wf.doc.defaults) === '{"run":{"shell":"bash"}}' ? [] : ['defaults.run.shell must be bash'];

function triggers(wf: LoadedWorkflow): string[] {
  const on = wf.doc.on;
  if (typeof on === 'string') return [on];
  if (Array.isArray(on)) return on.map(String);
  if (typeof on === 'object' && on !== null) return Object.keys(on);
  return [];
}

/** Allowed mentions of the PR folder in scripts: the config dir, and the symlink guard. */
const ALLOWED_PR_MENTIONS = [/--config-dir pr\/workspaces(?=\s|$)/g, /find pr -type l/g];

/**
 * For `pull_request_target` (which runs with secrets and a write token): the
 * PR's commit is checked out only into `pr/`, sparse and non-cone to
 * `/workspaces/`; nothing runs from there or with it as working directory;
 * scripts mention it only as `--config-dir pr/workspaces`; no local actions;
 * a job holding secrets is limited to same-repository PRs.
 */
export const prCodeIsDataOnly: Rule = (wf) => {
  if (!triggers(wf).includes('pull_request_target')) return [];
  const out: string[] = [];
  for (const [id, job] of jobsOf(wf)) {
    for (const step of job.steps ?? []) {
      const where = `job ${id}: step '${step.name ?? '?'}'`;
      if (typeof step.uses === 'string' && step.uses.startsWith('./'))
        out.push(`${where}: runs a local action`);
      if (step['working-directory'] !== undefined) out.push(`${where}: sets working-directory`);
      if (isCheckout(step)) {
        const w = step.with ?? {};
        const headCheckout = w.ref !== undefined || w.repository !== undefined;
        if (headCheckout) {
          if (w.path !== 'pr') out.push(`${where}: checks the PR out outside pr/`);
          if (String(w['sparse-checkout']).trim() !== '/workspaces/') {
            out.push(`${where}: must sparse-check-out /workspaces/ only`);
          }
          if (w['sparse-checkout-cone-mode'] !== false)
            out.push(`${where}: cone mode also checks out root files`);
        } else if (w.path !== undefined) {
          out.push(`${where}: the base checkout must be the workspace root`);
        }
      }
      if (typeof step.run === 'string') {
        let script = step.run;
        for (const allowed of ALLOWED_PR_MENTIONS) script = script.replace(allowed, '');
        if (/(^|[\s"'=(/.])pr(\/|\s|$|["')])/m.test(script)) {
          out.push(`${where}: refers to the PR folder other than as --config-dir pr/workspaces`);
        }
      }
    }
    if (
      usesSecrets(job) &&
      !(job.if ?? '').includes('github.event.pull_request.head.repo.full_name == github.repository')
    ) {
      out.push(`job ${id}: holds secrets but also runs for fork PRs`);
    }
  }
  if (triggers(wf).includes('pull_request')) out.push('must not also run on pull_request');
  return out;
};

export const ALL_RULES: Readonly<Record<string, Rule>> = {
  pinnedActions,
  leastPermissions,
  timeouts,
  checkoutWithoutCredentials,
  noExpressionsInRun,
  namedSteps,
  secretsInEnvironment,
  bashByDefault,
  prCodeIsDataOnly,
};

/** All violations of all rules, prefixed with the rule name. */
export function lintWorkflow(wf: LoadedWorkflow): string[] {
  return Object.entries(ALL_RULES).flatMap(([name, rule]) => rule(wf).map((v) => `${name}: ${v}`));
}
