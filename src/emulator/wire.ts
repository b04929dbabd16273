/**
 * Mappers from store records to the wire shapes several resources share
 * (MemberDbDto, LabelDbDto, UserResponseDto), as the real platform sends
 * them (the recorded responses): every field of the shape present, `null`
 * where the platform sends null for an unset value, and no field it does
 * not send (member rows carry `memberId`, never `userId`).
 */
import type { JsonObject } from './json.js';
import type {
  DataLinkRecord,
  DatasetRecord,
  DatasetVersionRecord,
  LabelRecord,
  MemberRecord,
  StaleValue,
  Store,
  UserRecord,
  WorkspaceRecord,
} from './store.js';

/** The role as a read sees it: the previous value while an update is still "propagating". */
export function roleAsRead(role: string, stale: StaleValue | undefined, now: number): string {
  return stale !== undefined && now < stale.until ? stale.value : role;
}

/** `undefined` (unset) as the platform sends it: `null`. */
export function orNull<T>(value: T | undefined): T | null {
  return value ?? null;
}

export function userDto(user: UserRecord): JsonObject {
  return {
    avatar: null,
    dateCreated: user.dateCreated,
    deleted: false,
    description: null,
    email: user.email,
    firstName: orNull(user.firstName),
    id: user.id,
    lastAccess: user.dateCreated,
    lastName: orNull(user.lastName),
    lastUpdated: user.dateCreated,
    marketingConsent: false,
    notification: null,
    options: { maxRuns: null },
    organization: null,
    termsOfUseConsent: true,
    trusted: true,
    userName: user.userName,
  };
}

/** MemberDbDto of an org member (or collaborator). */
export function memberDto(store: Store, member: MemberRecord, now: number): JsonObject {
  const user = store.users.get(member.userId);
  return {
    memberId: member.memberId,
    userName: orNull(user?.userName),
    email: orNull(user?.email),
    firstName: orNull(user?.firstName),
    lastName: orNull(user?.lastName),
    avatar: null,
    role: roleAsRead(member.role, member.stale, now),
  };
}

/** The values the platform fills in per run; a resource label with one cannot change its value. */
export const DYNAMIC_LABEL_VALUES: readonly string[] = ['${sessionId}', '${workflowId}', '${userName}'];

export function isDynamicLabelValue(value: string | undefined): boolean {
  return value !== undefined && DYNAMIC_LABEL_VALUES.includes(value);
}

export function labelDto(label: LabelRecord): JsonObject {
  return {
    id: label.id,
    name: label.name,
    value: orNull(label.value),
    resource: label.resource,
    isDefault: label.isDefault,
    isDynamic: isDynamicLabelValue(label.value),
    isInterpolated: false,
    dateCreated: label.dateCreated,
  };
}

/** A data link id in the platform's form: `v1-user-` (custom) or `v1-cloud-` (discovered) and 32 hex digits. */
export function dataLinkId(store: Store, discovered: boolean): string {
  const hex = store.nextId('dataLink').toString(16).padStart(32, '0');
  return `${discovered ? 'v1-cloud-' : 'v1-user-'}${hex}`;
}

/** DataLinkDto as the recorded lists show it (`null` for an unset description, status and message). */
export function dataLinkDto(ws: WorkspaceRecord, link: DataLinkRecord): JsonObject {
  const credentials = link.credentialsIds.flatMap((id) => {
    const cred = ws.credentials.get(id);
    return cred === undefined ? [] : [{ id: cred.id, name: cred.name, provider: cred.provider }];
  });
  return {
    id: link.id,
    name: link.name,
    description: orNull(link.description),
    resourceRef: link.resourceRef,
    type: 'bucket',
    provider: link.provider,
    region: orNull(link.region),
    credentials,
    publicAccessible: link.publicAccessible,
    hidden: false,
    status: null,
    message: null,
  };
}

/** DatasetDto as the platform sends it (the recorded list): `description` null when unset. */
export function datasetDto(
  ws: { readonly labels: ReadonlyMap<number, LabelRecord> },
  dataset: DatasetRecord,
  withLabels: boolean,
): JsonObject {
  return {
    id: dataset.id,
    name: dataset.name,
    description: orNull(dataset.description),
    // As recorded: the list leaves the media type to the versions.
    mediaType: null,
    deleted: false,
    dateCreated: dataset.dateCreated,
    lastUpdated: dataset.lastUpdated,
    ...(withLabels
      ? {
          labels: dataset.labelIds.flatMap((id) => {
            const label = ws.labels.get(id);
            return label === undefined ? [] : [labelDto(label)];
          }),
        }
      : {}),
  };
}

/** DatasetVersionDto as recorded, with `fileSize` (newer platforms send it); `url` is the download path. */
export function datasetVersionDto(dataset: DatasetRecord, version: DatasetVersionRecord): JsonObject {
  return {
    datasetId: dataset.id,
    datasetName: dataset.name,
    hasHeader: version.hasHeader,
    version: version.version,
    lastUpdated: version.dateCreated,
    fileName: version.fileName,
    fileSize: version.content.length,
    mediaType: version.mediaType,
    url: `/datasets/${encodeURIComponent(dataset.id)}/v/${String(version.version)}/n/${encodeURIComponent(version.fileName)}`,
  };
}
