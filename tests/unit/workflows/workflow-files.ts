/**
 * Reads `.github/workflows/*.yml` for the workflow tests, and gives other
 * tests (e.g. the integration test that runs the workflows' shell steps
 * against the emulator) a way to pick a step by job id and step name.
 */
import { readFileSync } from 'node:fs';
import { register } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type * as ActionsParserModule from '@actions/workflow-parser';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const WORKFLOW_DIR = join(REPO_ROOT, '.github', 'workflows');
export const WORKFLOW_NAMES = ['ci', 'plan', 'apply', 'drift', 'access-review'] as const;
export type WorkflowName = (typeof WORKFLOW_NAMES)[number];

export interface Step {
  readonly name?: string;
  readonly id?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly if?: string;
  readonly with?: Readonly<Record<string, unknown>>;
  readonly env?: Readonly<Record<string, unknown>>;
  readonly 'working-directory'?: string;
  readonly 'continue-on-error'?: unknown;
}

export interface Job {
  readonly name?: string;
  readonly if?: string;
  readonly needs?: string | readonly string[];
  readonly 'runs-on'?: unknown;
  readonly 'timeout-minutes'?: unknown;
  readonly permissions?: unknown;
  readonly environment?: unknown;
  readonly concurrency?: unknown;
  readonly outputs?: Readonly<Record<string, string>>;
  readonly steps?: readonly Step[];
}

export interface WorkflowDoc {
  readonly name?: string;
  readonly on?: unknown;
  readonly permissions?: unknown;
  readonly concurrency?: unknown;
  readonly defaults?: unknown;
  readonly jobs: Readonly<Record<string, Job>>;
}

export interface LoadedWorkflow {
  readonly file: string;
  readonly text: string;
  readonly doc: WorkflowDoc;
}

/** Parses YAML text as a workflow (no GitHub-specific validation; see `actionsParserErrors`). */
export function workflowFromText(file: string, text: string): LoadedWorkflow {
  const doc = parse(text) as WorkflowDoc;
  return { file, text, doc };
}

export function readWorkflow(name: WorkflowName): LoadedWorkflow {
  const file = join(WORKFLOW_DIR, `${name}.yml`);
  return workflowFromText(file, readFileSync(file, 'utf8'));
}

export function jobsOf(wf: LoadedWorkflow): [string, Job][] {
  return Object.entries(wf.doc.jobs);
}

/** The step named `stepName` in job `jobId`; throws when absent, so a renamed step breaks its users loudly. */
export function findStep(wf: LoadedWorkflow, jobId: string, stepName: string): Step {
  const job = wf.doc.jobs[jobId];
  if (job === undefined) throw new Error(`${wf.file}: no job '${jobId}'`);
  const step = job.steps?.find((s) => s.name === stepName);
  if (step === undefined) throw new Error(`${wf.file}: job '${jobId}' has no step named '${stepName}'`);
  return step;
}

/** Every `run:` script of the workflow, with where it is. */
export function runScripts(wf: LoadedWorkflow): { job: string; step: string; run: string }[] {
  return jobsOf(wf).flatMap(([job, j]) =>
    (j.steps ?? [])
      .filter((s): s is Step & { run: string } => typeof s.run === 'string')
      .map((s) => ({ job, step: s.name ?? '(unnamed)', run: s.run })),
  );
}

type ActionsParser = typeof ActionsParserModule;
let actionsParser: Promise<ActionsParser> | undefined;

/**
 * Loads GitHub's own workflow parser. Its ESM build imports its JSON schema
 * without an import attribute, which Node refuses
 * (https://github.com/actions/languageservices/issues/387); a loader hook adds `type: 'json'`
 * for that package's JSON files only.
 */
function loadActionsParser(): Promise<ActionsParser> {
  if (actionsParser === undefined) {
    const hook = `export async function load(url, context, nextLoad) {
      if (url.endsWith('.json') && url.includes('/@actions/workflow-parser/')) {
        const importAttributes = { ...(context.importAttributes ?? {}), type: 'json' };
        return nextLoad(url, { ...context, importAttributes, importAssertions: importAttributes });
      }
      return nextLoad(url, context);
    }`;
    register(`data:text/javascript,${encodeURIComponent(hook)}`);
    actionsParser = import('@actions/workflow-parser');
  }
  return actionsParser;
}

/**
 * Validates the workflow with `@actions/workflow-parser` (the parser behind
 * GitHub's Actions language service): schema errors (unknown keys, wrong
 * types, bad expressions) and conversion errors (jobs, needs, events).
 */
export async function actionsParserErrors(file: string, text: string): Promise<string[]> {
  const { parseWorkflow, convertWorkflowTemplate, NoOperationTraceWriter } = await loadActionsParser();
  const parsed = parseWorkflow({ name: file, content: text }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((e) => e.message);
  if (parsed.value !== undefined && errors.length === 0) {
    const template = await convertWorkflowTemplate(parsed.context, parsed.value);
    errors.push(...(template.errors ?? []).map((e) => e.Message));
  }
  return errors;
}
