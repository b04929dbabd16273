/**
 * Composes the markdown the workflows post: the PR plan comment (validation
 * result, plan or the reason there is none), the apply report, and the drift
 * issue body. Pure functions of what the CLI steps wrote to files; the
 * markdown plan itself comes from `seqera-sync plan --format markdown`.
 */
import { actionDigestLine } from './action-digest.js';
import { escapeFenceContent, escapeMarkdown, fenceFor, markdownCode } from '../render/escape-markdown.js';
import { DRIFT_ISSUE_MARKER, PLAN_COMMENT_MARKER } from './body.js';

export interface RunInfo {
  /** Link to the workflow run, when known. */
  readonly runUrl: string | undefined;
  /** The commit the result is about. */
  readonly sha: string | undefined;
}

export interface PlanCommentInput extends RunInfo {
  /** Exit code of `validate`; undefined when it did not run. */
  readonly validateExitCode: number | undefined;
  /** Its `--format github` output (`::error file=…::message` lines). */
  readonly validationOutput: string;
  /** Exit code of `plan --detailed-exitcode`; undefined when it did not run. */
  readonly planExitCode: number | undefined;
  readonly planMarkdown: string;
  /** What `plan` wrote to stderr (errors, blocked rules). */
  readonly planStderr: string;
  /** The PR comes from a fork: it is validated only. */
  readonly fork: boolean;
  /** The plan job's result (`success`, `failure`, `skipped`, `cancelled`), when known. */
  readonly planJobResult?: string | undefined;
  /** `actionDigest` of the saved plan, carried by a hidden line after the marker; when a plan was made. */
  readonly actionDigest?: string | undefined;
  /** Where the full plan (JSON and text) can be downloaded, when known. */
  readonly planArtifactUrl?: string | undefined;
}

/**
 * The PR comment: the marker first; then the markdown plan when there is one
 * (it brings its own heading and lists blocked rules first), followed by the
 * plan's errors when it failed; otherwise a heading, the validation result
 * and why there is no plan. Validation warnings are folded at the end.
 */
export function composePlanComment(input: PlanCommentInput): string {
  const parts: string[] = [PLAN_COMMENT_MARKER];
  const validation = parseAnnotations(input.validationOutput);
  const planRan = !input.fork && input.validateExitCode === 0 && input.planExitCode !== undefined;
  if (planRan && input.actionDigest !== undefined) parts.push(actionDigestLine(input.actionDigest));
  const plan = planRan ? stripMarkers(input.planMarkdown).trim() : '';
  if (plan === '') parts.push('## seqera-sync plan', '');
  else parts.push(plan, '');

  if (planRan && input.planExitCode !== 0 && input.planExitCode !== 2) {
    const what =
      input.planExitCode === 1
        ? ':x: **The plan failed.** Nothing will be applied until the errors or blocked rules are resolved.'
        : `:x: **The plan exited with ${String(input.planExitCode)}.**`;
    parts.push(what, '');
    if (input.planStderr.trim() !== '') parts.push(codeBlock(input.planStderr.trim()), '');
  }

  if (input.validateExitCode === undefined) {
    parts.push(':x: **Validation did not run.** See the workflow run for the error.', '');
  } else if (input.validateExitCode !== 0) {
    const count = validation.errors.length === 0 ? '' : ` (${plural(validation.errors.length, 'error')})`;
    parts.push(
      `:x: **The configuration is invalid**${count}. Fix the files below; the plan runs once they are valid.`,
      '',
    );
  } else if (plan === '') {
    parts.push(':white_check_mark: The configuration is valid.', '');
  }
  parts.push(...renderAnnotations(validation));

  if (input.fork) {
    parts.push(
      ':information_source: **No plan for pull requests from forks.** They are validated only, ' +
        'because the plan needs the platform token. A maintainer can push this branch to the ' +
        'repository to get a plan.',
      '',
    );
  } else if (input.validateExitCode !== 0) {
    parts.push('No plan was made.', '');
  } else if (input.planExitCode === undefined) {
    const why = input.planJobResult === undefined ? '' : ` (plan job: ${input.planJobResult})`;
    parts.push(`:warning: **The plan did not run**${why}. See the workflow run.`, '');
  }
  const artifact = planArtifactLink(input);
  if (planRan && artifact !== undefined) {
    parts.push(`The full plan, as JSON and text, is the \`plan-full\` artifact of ${artifact}.`, '');
  }
  parts.push(footer(input));
  return `${parts.join('\n').trimEnd()}\n`;
}

export interface ApplyReportInput extends RunInfo {
  /** Exit code of `plan --out plan.json`; undefined when it did not run. */
  readonly planExitCode: number | undefined;
  readonly planMarkdown: string;
  readonly planStderr: string;
  /** Exit code of `apply plan.json --yes`; undefined when it did not run. */
  readonly applyExitCode: number | undefined;
  /** `apply --format json` output (the report), shown as it is. */
  readonly reportJson: string;
  readonly applyStderr: string;
}

/** The apply report for the merged PR and the job summary. */
export function composeApplyReport(input: ApplyReportInput): string {
  const parts: string[] = [];
  let headline: string;
  if (input.planExitCode === undefined) headline = ':warning: **The plan did not run**: nothing was applied.';
  else if (input.planExitCode !== 0) headline = ':x: **The plan failed**: nothing was applied.';
  else if (input.applyExitCode === undefined) headline = ':warning: **The apply did not run.**';
  else if (input.applyExitCode === 0) headline = ':white_check_mark: **Applied.**';
  else
    headline =
      ':x: **The apply failed or was partial.** The report below says what was applied, failed and skipped.';
  parts.push('## seqera-sync apply', '', headline, '');
  const stderr = [input.planStderr, input.applyStderr].map((s) => s.trim()).filter((s) => s !== '');
  if (stderr.length > 0) parts.push(codeBlock(stderr.join('\n')), '');
  const plan = stripMarkers(input.planMarkdown).trim();
  if (plan !== '')
    parts.push('<details><summary>The plan that was applied</summary>', '', plan, '', '</details>', '');
  const report = input.reportJson.trim();
  if (report !== '') {
    parts.push(
      '<details><summary>Apply report (JSON)</summary>',
      '',
      codeBlock(prettyJson(report), 'json'),
      '',
      '</details>',
      '',
    );
  }
  parts.push(footer(input));
  return `${parts.join('\n').trimEnd()}\n`;
}

/** The drift issue body: marker, what to do, the markdown plan, when it was checked. */
export function composeDriftIssueBody(planMarkdown: string, checkedAt: Date, run: RunInfo): string {
  const plan = stripMarkers(planMarkdown).trim();
  return [
    DRIFT_ISSUE_MARKER,
    'The scheduled drift check found that the Seqera Platform differs from `workspaces/`.',
    '',
    'Either change the files to match the platform (open a pull request; list acknowledged extras ' +
      'under `ignore:`), or re-apply the files by running the **apply** workflow. This issue is ' +
      'updated by every check and closed when the platform matches again.',
    '',
    plan === '' ? '_(the plan output was empty)_' : plan,
    '',
    `Last checked ${checkedAt.toISOString()}. ${footer(run)}`,
  ]
    .join('\n')
    .concat('\n');
}

/** The comment left when the drift issue is closed. */
export function composeDriftClosedComment(checkedAt: Date, run: RunInfo): string {
  return (
    `:white_check_mark: The platform matches \`workspaces/\` again (checked ${checkedAt.toISOString()}). ` +
    `Closing. ${footer(run)}\n`
  );
}

/**
 * The comment left when the apply workflow resolved the drift: a full plan
 * right after it found nothing to change, so the issue need not wait for the
 * next check. It names the commit and the run (which may also have applied
 * nothing, when the drift was undone by hand).
 */
export function composeDriftResolvedComment(checkedAt: Date, run: RunInfo): string {
  const commit = run.sha === undefined || run.sha === '' ? '' : ` at commit \`${run.sha.slice(0, 12)}\``;
  const where = run.runUrl === undefined || run.runUrl === '' ? '' : ` ([workflow run](${run.runUrl}))`;
  return (
    `:white_check_mark: Resolved: after the apply workflow${commit}${where}, a full plan found no changes, ` +
    `so the platform matches \`workspaces/\` again (checked ${checkedAt.toISOString()}). Closing.\n`
  );
}

export interface Annotation {
  readonly level: 'error' | 'warning' | 'notice';
  readonly file: string | undefined;
  readonly line: string | undefined;
  readonly col: string | undefined;
  readonly message: string;
}

export interface ParsedAnnotations {
  readonly errors: readonly Annotation[];
  readonly warnings: readonly Annotation[];
  /** Lines that are not workflow commands (summaries, notes). */
  readonly other: readonly string[];
}

/**
 * Reads GitHub workflow-command annotations (`::error file=F,line=L,col=C::msg`)
 * as `validate --format github` prints them. A `pr/` prefix (the folder the
 * plan workflow checks the PR's files into) is dropped from file names.
 */
export function parseAnnotations(text: string): ParsedAnnotations {
  const errors: Annotation[] = [];
  const warnings: Annotation[] = [];
  const other: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trimEnd();
    if (line.trim() === '') continue;
    const match = /^::(error|warning|notice)(?:\s+([^:]*))?::(.*)$/.exec(line);
    if (match === null) {
      if (!line.startsWith('::')) other.push(line);
      continue;
    }
    const level = match[1] as Annotation['level'];
    const props = new Map<string, string>();
    for (const pair of (match[2] ?? '').split(',')) {
      const eq = pair.indexOf('=');
      if (eq > 0) props.set(pair.slice(0, eq).trim(), decodeProperty(pair.slice(eq + 1)));
    }
    const file = props.get('file')?.replace(/^(?:\.\/)?pr\//, '');
    const annotation: Annotation = {
      level,
      file,
      line: props.get('line'),
      col: props.get('col'),
      message: decodeData(match[3] ?? ''),
    };
    if (level === 'error') errors.push(annotation);
    else warnings.push(annotation);
  }
  return { errors, warnings, other };
}

function renderAnnotations(parsed: ParsedAnnotations): string[] {
  const out: string[] = [];
  if (parsed.errors.length > 0) out.push(...parsed.errors.map(annotationItem), '');
  if (parsed.warnings.length > 0) {
    out.push(
      `<details><summary>${plural(parsed.warnings.length, 'warning')}</summary>`,
      '',
      ...parsed.warnings.map(annotationItem),
      '',
      '</details>',
      '',
    );
  }
  if (parsed.other.length > 0 && parsed.errors.length + parsed.warnings.length === 0) {
    out.push(codeBlock(parsed.other.join('\n')), '');
  }
  return out;
}

function annotationItem(a: Annotation): string {
  const where = [a.file, a.line, a.col].filter((x) => x !== undefined && x !== '').join(':');
  const message = escapeMarkdown(a.message.replace(/\r?\n/g, ' '));
  return where === '' ? `- ${message}` : `- ${markdownCode(where)} ${message}`;
}

/** A link to the full plan artifact: its own URL when known, else the run's artifacts. */
function planArtifactLink(input: PlanCommentInput): string | undefined {
  const url = input.planArtifactUrl;
  if (url !== undefined && /^https:\/\/[^\s()]+$/.test(url)) return `[this workflow run](${url})`;
  if (input.runUrl !== undefined && input.runUrl !== '')
    return `[the workflow run](${input.runUrl}#artifacts)`;
  return undefined;
}

function footer(run: RunInfo): string {
  const bits: string[] = [];
  if (run.sha !== undefined && run.sha !== '') bits.push(`Commit \`${run.sha.slice(0, 12)}\``);
  if (run.runUrl !== undefined && run.runUrl !== '') bits.push(`[workflow run](${run.runUrl})`);
  return bits.length === 0 ? '' : `<sub>${bits.join(' · ')}</sub>`;
}

/** Drops the hidden marker lines another renderer may have put in. */
function stripMarkers(markdown: string): string {
  return markdown
    .split('\n')
    .filter((line) => !/^<!-- seqera-sync:[^>]*-->\s*$/.test(line.trim()))
    .join('\n');
}

/** A fenced block whose fence is longer than any backtick run inside; its text stays data. */
export function codeBlock(text: string, lang = ''): string {
  const content = escapeFenceContent(text);
  const fence = fenceFor(content);
  return `${fence}${lang}\n${content}\n${fence}`;
}

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text) as unknown, null, 2);
  } catch {
    return text;
  }
}

function decodeData(value: string): string {
  return value.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%');
}

function decodeProperty(value: string): string {
  return value
    .replace(/%3A/gi, ':')
    .replace(/%2C/gi, ',')
    .replace(/%0D/gi, '\r')
    .replace(/%0A/gi, '\n')
    .replace(/%25/g, '%');
}

function plural(n: number, word: string): string {
  return `${String(n)} ${word}${n === 1 ? '' : 's'}`;
}
