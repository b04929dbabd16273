/**
 * Mappers from store records to the wire shapes several resources share
 * (MemberDbDto, LabelDbDto, UserResponseDto). Optional fields the spec does
 * not mark nullable are left out rather than sent as null.
 */
import type { JsonObject } from './json.js';
import type { LabelRecord, MemberRecord, StaleValue, Store, UserRecord } from './store.js';

/** The role as a read sees it: the previous value while an update is still "propagating". */
export function roleAsRead(role: string, stale: StaleValue | undefined, now: number): string {
  return stale !== undefined && now < stale.until ? stale.value : role;
}

export function userDto(user: UserRecord): JsonObject {
  return {
    id: user.id,
    userName: user.userName,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    dateCreated: user.dateCreated,
    deleted: false,
  };
}

/** MemberDbDto of an org member (or collaborator). */
export function memberDto(store: Store, member: MemberRecord, now: number): JsonObject {
  const user = store.users.get(member.userId);
  return {
    memberId: member.memberId,
    userId: member.userId,
    userName: user?.userName,
    email: user?.email,
    firstName: user?.firstName,
    lastName: user?.lastName,
    role: roleAsRead(member.role, member.stale, now),
  };
}

export function labelDto(label: LabelRecord): JsonObject {
  return {
    id: label.id,
    name: label.name,
    value: label.value,
    resource: label.resource,
    isDefault: label.isDefault,
    isDynamic: false,
    isInterpolated: false,
    dateCreated: label.dateCreated,
  };
}
