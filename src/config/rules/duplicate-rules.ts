/** Duplicate names per kind and scope; people compared by trimmed, lower-cased email. */
import { emailKey } from '../../model/resources.js';
import type { WrittenParticipant } from '../written.js';
import { reportDuplicates, type Rule } from './rule.js';

const byName = (item: { readonly name: string }) => ({ key: item.name, field: 'name', label: item.name });
const byEmail = (email: string, field: string) => ({ key: emailKey(email), field, label: email.trim() });

export const organizationDuplicates: Rule = (ctx) => {
  for (const org of ctx.orgs) {
    const file = org.organization;
    if (file === undefined) continue;
    const { members, teams, policy } = file.written;
    reportDuplicates(ctx, file, '/members', members, (m) => byEmail(m.email, 'email'), 'member');
    reportDuplicates(ctx, file, '/teams', teams, byName, 'team');
    (teams ?? []).forEach((team, i) => {
      reportDuplicates(
        ctx,
        file,
        `/teams/${i}/members`,
        team.members,
        (email) => byEmail(email, ''),
        `member of team ${team.name}`,
      );
    });
    reportDuplicates(
      ctx,
      file,
      '/policy/protectedUsers',
      policy?.protectedUsers,
      (email) => byEmail(email, ''),
      'protected user',
    );
  }
};

function participantKey(p: WrittenParticipant): { key: string; field: string; label: string } {
  return 'email' in p ? byEmail(p.email, 'email') : { key: `team:${p.team}`, field: 'team', label: p.team };
}

export const workspaceDuplicates: Rule = (ctx) => {
  for (const org of ctx.orgs) {
    for (const ws of org.workspaces) {
      const w = ws.written;
      reportDuplicates(ctx, ws, '/participants', w.participants, participantKey, 'participant');
      reportDuplicates(ctx, ws, '/credentials', w.credentials, byName, 'credential');
      reportDuplicates(ctx, ws, '/computeEnvironments', w.computeEnvironments, byName, 'compute environment');
      reportDuplicates(ctx, ws, '/pipelines', w.pipelines, byName, 'pipeline');
      reportDuplicates(ctx, ws, '/secrets', w.secrets, byName, 'secret');
      reportDuplicates(ctx, ws, '/labels', w.labels, byName, 'label');
    }
  }
};
