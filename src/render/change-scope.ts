/**
 * What the text and markdown renderers say about a plan made against a base
 * configuration (`plan.changeScope`): the safety settings the change alters
 * (shown at the top: they take effect after merge, not in this plan), the
 * files it removes or renames (which delete nothing), and how many
 * workspaces it did not read. Plain strings without markup; control
 * characters are replaced, so a file name or an ignore entry cannot move
 * the terminal's cursor. The renderers decorate them (escaping for markdown).
 */
import type { ChangedFile, Plan, PolicyChange } from '../model/plan.js';

export const POLICY_CHANGE_HEADING = 'Policy change — takes effect after merge';

export const POLICY_CHANGE_EXPLANATION =
  "this plan is judged by the base's safety settings, not by the ones this change sets";

export const REMOVED_FILES_HEADING =
  'Files removed — nothing is deleted (only `state: absent` deletes a workspace)';

/** One line of a section: the file it is about, and what to say about it. */
export interface ScopeLine {
  readonly file: string;
  readonly text: string;
}

export interface ChangeScopeView {
  readonly policyChanges: readonly ScopeLine[];
  readonly removedFiles: readonly ScopeLine[];
  /** "N workspaces not changed here; …", when the plan left any out. */
  readonly notChanged: string | undefined;
}

// eslint-disable-next-line no-control-regex -- the point is to find control characters
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

function plain(text: string): string {
  return text.replace(CONTROL, '?');
}

function policyLine(change: PolicyChange): ScopeLine {
  return { file: plain(change.file), text: plain(`${change.setting}: ${change.from} → ${change.to}`) };
}

function removedLine(file: ChangedFile): ScopeLine {
  const isOrgFile = /(^|\/)organization\.yaml$/.test(file.file);
  const text = isOrgFile
    ? 'removed; the organisation and its members and teams are left as they are (organisations are never deleted)'
    : file.renamedTo === undefined
      ? 'removed; the workspace is left on the platform as it is, no longer managed'
      : `renamed to ${file.renamedTo}: that is a new workspace; this one is left on the platform as it is, no longer managed`;
  return { file: plain(file.file), text: plain(text) };
}

/** The view of `plan.changeScope`; `undefined` for a plan made without a base. */
export function changeScopeView(plan: Plan): ChangeScopeView | undefined {
  const scope = plan.changeScope;
  if (scope === undefined) return undefined;
  const n = scope.notChanged;
  return {
    policyChanges: scope.policyChanges.map(policyLine),
    removedFiles: scope.files.filter((f) => f.change === 'removed').map(removedLine),
    notChanged:
      n === 0
        ? undefined
        : `${n === 1 ? '1 workspace' : `${String(n)} workspaces`} not changed here; drift is reported by the scheduled check.`,
  };
}
