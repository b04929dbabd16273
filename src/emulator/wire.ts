/**
 * Mappers from store records to the wire shapes several resources share
 * (MemberDbDto, LabelDbDto, UserResponseDto), as the real platform sends
 * them (the recorded responses): every field of the shape present, `null`
 * where the platform sends null for an unset value, and no field it does
 * not send (member rows carry `memberId`, never `userId`).
 */
import type { JsonObject } from './json.js';
import type { LabelRecord, MemberRecord, StaleValue, Store, UserRecord } from './store.js';

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
