/**
 * Mappers from store records to the wire shapes several resources share
 * (MemberDbDto: members and teams), as the real platform sends them (the
 * recorded responses): every field of the shape present, `null` where the
 * platform sends null for an unset value, and no field it does not send
 * (member rows carry `memberId`, never `userId`). A kind's own wire shape is
 * in its route module (LabelDbDto, which other kinds embed, in
 * routes/labels.ts).
 */
import type { JsonObject } from './json.js';
import type { MemberRecord, StaleValue, Store } from './store.js';

/** The role as a read sees it: the previous value while an update is still "propagating". */
export function roleAsRead(role: string, stale: StaleValue | undefined, now: number): string {
  return stale !== undefined && now < stale.until ? stale.value : role;
}

/** `undefined` (unset) as the platform sends it: `null`. */
export function orNull<T>(value: T | undefined): T | null {
  return value ?? null;
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
