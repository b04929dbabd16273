/**
 * One live workspace → the content of `<org>/<name>.yaml`, with every
 * collection present (so every collection is managed) and in the example
 * estate's order: name, fullName, description, visibility, ignore,
 * participants, credentials, computeEnvironments, pipelines, secrets.
 *
 * Participants: users by email, teams by name (teams first); the token's own
 * user is left out (the platform makes a workspace's creator its owner and the
 * planner never treats it as an extra). Secrets: `{ name, value: ${VAR} }`.
 * Interpolated strings are escaped (`${` → `$${`) so the loader reads back
 * exactly the live values.
 */
import { secretPathsOf } from '../../config/interpolate-tree.js';
import type { WrittenWorkspace } from '../../config/written.js';
import type { ActualParticipant, ActualWorkspace } from '../../model/actual.js';
import { address } from '../../model/address.js';
import { WORKSPACE_ROLES } from '../../model/resources.js';
import { escapeTree } from '../kit/escape.js';
import { checkItem, noFix, REFERENCE_PLACEHOLDER, type MutableRecord } from '../kit/item-check.js';
import { mapComputeEnvs } from '../compute-environments/export.js';
import { byName, ignoreOf, leaveOut, type MapContext } from '../kit/export-context.js';
import { mapCredentials } from '../credentials/export.js';
import { mapPipelines } from '../pipelines/export.js';

export interface WorkspaceInput {
  /** The token's own user (lower-cased). */
  readonly tokenEmail: string;
  /** Teams the organisation file declares, when it is exported (team participants must name one). */
  readonly declaredTeams?: ReadonlySet<string>;
}

/** The workspace file's content, or undefined when the workspace itself cannot be written (a warning says why). */
export function mapWorkspace(
  ctx: MapContext,
  ws: ActualWorkspace,
  input: WorkspaceInput,
): WrittenWorkspace | undefined {
  const wsAddress = address.workspace(ctx.org, ws.name);
  const header = headerOf(ctx, ws, wsAddress);
  if (header === undefined) return undefined;
  const mark = { variables: ctx.sink.variables.length, unfingerprinted: ctx.sink.unfingerprinted.length };
  const participants = mapParticipants(ctx, ws, input);
  const credentials = mapCredentials(ctx, ws);
  const computeEnvs = mapComputeEnvs(ctx, ws, credentials.exported);
  const pipelines = mapPipelines(ctx, ws, computeEnvs.exported);
  const secrets = mapSecrets(ctx, ws);
  const ignore = ignoreOf(ctx.ignore);
  const content: MutableRecord = {
    ...header,
    ...(ignore === undefined ? {} : { ignore }),
    participants,
    credentials: credentials.items,
    computeEnvironments: computeEnvs.items,
    pipelines,
    secrets,
  };
  const escaped = escapeTree(content, {
    verbatimKeys: ctx.schema.verbatimKeys,
    isSecret: secretPathsOf('workspace', content),
  });
  const issues = ctx.schema.validate('workspace', escaped);
  if (issues.length > 0) {
    // Nothing of this workspace is written: its variables are not needed.
    ctx.sink.variables.length = mark.variables;
    ctx.sink.unfingerprinted.length = mark.unfingerprinted;
    ctx.sink.warnings.push(
      `${wsAddress}: not exported (${issues[0]?.message ?? 'invalid'} at ${issues[0]?.pointer ?? ''}); a plan reports it as unmanaged`,
    );
    return undefined;
  }
  return escaped as unknown as WrittenWorkspace;
}

/** name, fullName, description, visibility; a too long description is left out (then it is not compared). */
function headerOf(ctx: MapContext, ws: ActualWorkspace, wsAddress: string): MutableRecord | undefined {
  const candidate: MutableRecord = {
    name: ws.name,
    fullName: ws.fullName,
    ...(ws.description === undefined || ws.description === '' ? {} : { description: ws.description }),
    visibility: ws.visibility,
  };
  let issues = ctx.schema.validate('workspace', candidate);
  const descriptionIssue = issues.find((i) => i.pointer === '/description');
  if (descriptionIssue !== undefined) {
    Reflect.deleteProperty(candidate, 'description');
    ctx.sink.warnings.push(`${wsAddress}: description not exported (${descriptionIssue.message})`);
    issues = ctx.schema.validate('workspace', candidate);
  }
  if (issues.length > 0) {
    ctx.sink.warnings.push(
      `${wsAddress}: not exported (${issues[0]?.message ?? 'invalid'}); a plan reports it as unmanaged`,
    );
    return undefined;
  }
  return candidate;
}

function participantKey(p: ActualParticipant): string {
  return p.type === 'team' ? p.teamName : p.email;
}

function mapParticipants(ctx: MapContext, ws: ActualWorkspace, input: WorkspaceInput): MutableRecord[] {
  const teams: MutableRecord[] = [];
  const users: MutableRecord[] = [];
  const sorted = [...(ws.participants ?? [])].sort((a, b) =>
    participantKey(a) < participantKey(b) ? -1 : participantKey(a) > participantKey(b) ? 1 : 0,
  );
  for (const p of sorted) {
    if (p.type !== 'team' && p.email === input.tokenEmail) continue;
    const key = participantKey(p);
    const where =
      p.type === 'team'
        ? address.teamParticipant(ctx.org, ws.name, p.teamName)
        : address.userParticipant(ctx.org, ws.name, p.email);
    if (!(WORKSPACE_ROLES as readonly string[]).includes(p.role)) {
      leaveOut(ctx, 'participants', key, where, `role ${p.role} is not one a file can declare`);
      continue;
    }
    if (p.type === 'team' && input.declaredTeams !== undefined && !input.declaredTeams.has(p.teamName)) {
      leaveOut(
        ctx,
        'participants',
        key,
        where,
        `team ${p.teamName} is not exported to the organisation file`,
      );
      continue;
    }
    const candidate =
      p.type === 'team' ? { team: p.teamName, role: p.role } : { email: p.email, role: p.role };
    const checked = checkItem(ctx.schema, 'workspace', 'participants', candidate, noFix);
    if (checked.item === undefined) {
      leaveOut(ctx, 'participants', key, where, checked.problem ?? 'invalid');
      continue;
    }
    (p.type === 'team' ? teams : users).push(checked.item);
  }
  return [...teams, ...users];
}

function mapSecrets(ctx: MapContext, ws: ActualWorkspace): MutableRecord[] {
  const items: MutableRecord[] = [];
  for (const secret of [...(ws.secrets ?? [])].sort(byName)) {
    const secretAddress = address.secret(ctx.org, ws.name, secret.name);
    const checked = checkItem(
      ctx.schema,
      'workspace',
      'secrets',
      { name: secret.name, value: REFERENCE_PLACEHOLDER },
      noFix,
    );
    if (checked.item === undefined) {
      leaveOut(ctx, 'secrets', secret.name, secretAddress, checked.problem ?? 'invalid');
      continue;
    }
    const name = ctx.names.allocate([ws.name, secret.name]);
    ctx.sink.variables.push({ name, address: secretAddress, field: 'value' });
    items.push({ name: secret.name, value: `\${${name}}` });
  }
  return items;
}
