/**
 * A saved plan's precondition of a workspace (its own fields, not the
 * collections of what lives in it), and the rule its deletion breaks
 * unless the plan was made with `--allow-workspace-deletion`.
 */
import { preconditionOf } from '../kit/precondition.js';

export const workspacePrecondition = preconditionOf('workspace', {
  locate: ({ org }, action) => org?.workspaces.find((w) => w.name === (action.workspace ?? action.name)),
  contents: 'workspace',
  deleteRule: (action, options) =>
    options.allowWorkspaceDeletion
      ? undefined
      : {
          rule: 'workspaceDeletion',
          message: `deleting workspace ${action.address} and everything in it needs --allow-workspace-deletion`,
          addresses: [action.address],
          override: '--allow-workspace-deletion',
        },
});
