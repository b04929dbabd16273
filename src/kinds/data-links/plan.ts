/**
 * Custom data links, identified by name. `description` and `credentials`
 * update in place; `provider`, `resourceRef` and `publicAccessible` cannot
 * change on a link, so a difference there replaces it (the old link is
 * deleted first: names are unique). Links the platform discovered by itself
 * from credentials are not read as live links at all, so they are never
 * extras. While the platform is still discovering buckets, the list answers
 * 202: the reader waits and re-reads a bounded number of times; the plan says
 * so, and when the list was still incomplete the links are not compared.
 */
import type { ActualDataLink, DesiredDataLink } from './model.js';
import { address } from '../../model/address.js';
import type { FieldChange, PlanAction } from '../../model/plan.js';
import { compareText } from '../kit/compare-text.js';
import { planNamedCollection } from '../kit/named-collection.js';
import { changedReason, deps, workspaceCreate, type WorkspaceScope } from '../kit/scope.js';

/** The fields a link cannot change in place. */
const FORCES_REPLACE = ['provider', 'publicAccessible', 'resourceRef'] as const;

export function planDataLinks(s: WorkspaceScope): void {
  const read = s.actualWs?.dataLinks;
  const linkAddress = (name: string): string => address.dataLink(s.org.name, s.ws.name, name);
  if (s.ws.dataLinks !== undefined && read !== undefined && read.waits > 0) {
    s.out.note(
      read.complete
        ? `the data link list answered 202 (the platform was still discovering buckets from credentials) ${times(read.waits)}; it was read again after waiting`
        : `data links not compared: the list still answered 202 (the platform is discovering buckets from credentials) after ${String(read.waits)} tries; plan again later`,
      `${s.org.name}/${s.ws.name}/dataLinks`,
    );
  }
  if (read !== undefined && !read.complete) {
    for (const link of read.links) s.out.liveId(linkAddress(link.name), link.id);
    return;
  }
  planNamedCollection(s, {
    kind: 'dataLink',
    collection: 'dataLinks',
    desired: s.ws.dataLinks,
    live: read?.links,
    addressOf: linkAddress,
    idOf: (link) => link.id,
    planDeclared: (link, live) => {
      planDeclared(s, link, live);
    },
    deleteAction: (link, base) => ({
      ...base,
      kind: 'dataLink',
      changes: [
        { field: 'provider', from: link.provider },
        { field: 'resourceRef', from: link.resourceRef },
      ],
      current: link,
    }),
  });
}

function times(n: number): string {
  return n === 1 ? 'once' : `${String(n)} times`;
}

/** Every declared field, for a create. */
function declaredChanges(link: DesiredDataLink): FieldChange[] {
  return [
    ...(link.credentials === undefined ? [] : [{ field: 'credentials', to: link.credentials }]),
    ...(link.description === undefined ? [] : [{ field: 'description', to: link.description }]),
    { field: 'provider', to: link.provider },
    { field: 'publicAccessible', to: link.publicAccessible },
    { field: 'resourceRef', to: link.resourceRef },
  ];
}

function planDeclared(s: WorkspaceScope, link: DesiredDataLink, live: ActualDataLink | undefined): void {
  const org = s.org.name;
  const linkAddress = address.dataLink(org, s.ws.name, link.name);
  const credentialAddress =
    link.credentials === undefined ? undefined : address.credential(org, s.ws.name, link.credentials);
  const credentialDeps = credentialAddress === undefined ? [] : s.out.dependencyOn(credentialAddress);
  const base = {
    kind: 'dataLink',
    address: linkAddress,
    org,
    workspace: s.ws.name,
    name: link.name,
    desired: link,
  } as const;
  if (live === undefined) {
    s.out.add({
      ...base,
      ...workspaceCreate(s, credentialDeps),
      changes: declaredChanges(link),
    });
    return;
  }
  const forced: FieldChange[] = FORCES_REPLACE.filter((field) => live[field] !== link[field]).map(
    (field) => ({ field, from: live[field], to: link[field] }),
  );
  const inPlace = inPlaceChanges(link, live);
  if (forced.length > 0) {
    s.out.add({
      ...base,
      type: 'replace',
      reason: `${forced.map((c) => c.field).join(', ')} cannot change on a data link: it is deleted and created again (names are unique)`,
      changes: [...forced, ...inPlace].sort((a, b) => compareText(a.field, b.field)),
      dependsOn: credentialDeps,
      current: live,
      forcedBy: forced.map((c) => c.field),
    });
    return;
  }
  const credentialReplaced =
    credentialAddress !== undefined && s.out.get(credentialAddress)?.type === 'replace';
  if (inPlace.length === 0 && !credentialReplaced) return;
  s.out.add({
    ...base,
    type: 'update',
    reason:
      inPlace.length > 0
        ? changedReason(inPlace.map((c) => c.field))
        : `credential ${String(link.credentials)} is replaced: the data link is pointed at the new one`,
    changes:
      inPlace.length > 0 ? inPlace : [{ field: 'credentials', from: link.credentials, to: link.credentials }],
    dependsOn: credentialDeps,
    current: live,
  });
}

/** Description and credentials differences (declared fields only). */
function inPlaceChanges(link: DesiredDataLink, live: ActualDataLink): FieldChange[] {
  const changes: FieldChange[] = [];
  if (link.credentials !== undefined) {
    const liveName = live.credentialsName ?? live.credentialsId;
    if (liveName !== link.credentials) {
      changes.push({ field: 'credentials', from: liveName, to: link.credentials });
    }
  }
  if (link.description !== undefined && link.description !== (live.description ?? '')) {
    changes.push({ field: 'description', from: live.description, to: link.description });
  }
  return changes;
}

/**
 * A credential delete waits for the updates of the data links that move off
 * it (deletes and replaces are waited for through `holds`), and the plan
 * notes a credential deleted while a link that stays still uses it.
 */
export function linkDataLinkCredentials(s: WorkspaceScope): void {
  const read = s.actualWs?.dataLinks;
  if (read === undefined || !read.complete) return;
  for (const credential of s.actualWs?.credentials ?? []) {
    const credentialAddress = address.credential(s.org.name, s.ws.name, credential.name);
    const action = s.out.get(credentialAddress);
    if (action?.kind !== 'credential' || action.type !== 'delete') continue;
    const users = read.links.filter((link) => link.credentialsId === credential.id);
    if (users.length === 0) continue;
    const linkAddresses = users.map((link) => address.dataLink(s.org.name, s.ws.name, link.name));
    s.out.replace({
      ...action,
      dependsOn: deps(action.dependsOn, ...linkAddresses.map((a) => s.out.dependencyOn(a, ['update']))),
    });
    const staying = users
      .filter((link) =>
        stillUses(s.out.get(address.dataLink(s.org.name, s.ws.name, link.name)), credential.name),
      )
      .map((link) => link.name)
      .sort(compareText);
    if (staying.length > 0) {
      s.out.note(
        `credential ${credential.name} is deleted but data link${staying.length === 1 ? '' : 's'} ${staying.join(', ')} still use${staying.length === 1 ? 's' : ''} it`,
        credentialAddress,
      );
    }
  }
}

/** Whether a live link still uses the credential after its planned action. */
function stillUses(action: PlanAction | undefined, credential: string): boolean {
  if (action?.kind !== 'dataLink') return true;
  if (action.type === 'delete') return false;
  return (action.desired?.credentials ?? credential) === credential;
}
