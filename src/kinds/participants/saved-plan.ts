/** A saved plan's precondition of a participant, and the last-admin rule checked again on its actions. */
import { emailKey } from '../../model/resources.js';
import type { KindSavedPlan } from '../kind-saved-plan.js';
import { pick, preconditionOf } from '../kit/precondition.js';
import { checkLastWorkspaceAdmins } from './last-admin.js';

/** A user participant by email, a team one (`team:<name>`) by the team's name. */
export const participantPrecondition = preconditionOf('participant', {
  locate: ({ ws }, action) => {
    const team = action.name.startsWith('team:') ? action.name.slice('team:'.length) : undefined;
    return pick(ws !== undefined, ws?.participants, (p) =>
      p.type === 'team' ? p.teamName === team : team === undefined && p.email === emailKey(action.name),
    );
  },
});

export const participantsSavedPlan: KindSavedPlan = {
  recheck: (s) => {
    const deletedTeams = new Set(
      s.out.actions.flatMap((a) =>
        a.kind === 'team' && a.type === 'delete' && a.org === s.org.name ? [a.name] : [],
      ),
    );
    checkLastWorkspaceAdmins(s.out, s.org, s.live, deletedTeams);
  },
};
