import { z } from 'zod';
import { STAFF_ROLES, type StaffRole } from '../access.js';
import { email, id, isoDateTime, timeZone } from './common.js';
import { checkStatusView } from './staff-checks.js';

export const staffRole = z.enum(STAFF_ROLES as [StaffRole, ...StaffRole[]]);

export const roleAssignment = z.strictObject({
  /** null for an organisation-wide role (organisation admin). */
  centreId: id.nullable(),
  role: staffRole,
});
export type RoleAssignment = z.infer<typeof roleAssignment>;

export const userView = z.object({
  id,
  email: z.string(),
  displayName: z.string(),
  status: z.enum(['active', 'disabled']),
  twoFactorEnabled: z.boolean(),
  lastSignInAt: isoDateTime.nullable(),
  roles: z.array(z.object({ centreId: id.nullable(), centreName: z.string().nullable(), role: staffRole })),
  /**
   * Whether the person's criminal-record check and training are current today (staff lists only); null
   * for someone who holds no role at a centre and so is never on a session.
   */
  checks: checkStatusView.nullable().optional(),
});
export type UserView = z.infer<typeof userView>;
export const userList = z.object({ items: z.array(userView) });

export const setRolesBody = z.strictObject({
  roles: z.array(roleAssignment).min(1, { error: 'Give the person at least one role' }).max(50),
});

export const inviteBody = z.strictObject({
  email,
  role: staffRole,
  centreId: id.nullable(),
});
export type InviteBody = z.input<typeof inviteBody>;

export const invitationSummary = z.object({
  id,
  email: z.string(),
  role: staffRole,
  centreId: id.nullable(),
  centreName: z.string().nullable(),
  invitedBy: z.string().nullable(),
  createdAt: isoDateTime,
  expiresAt: isoDateTime,
});
export const invitationList = z.object({ items: z.array(invitationSummary) });

export const centreView = z.object({
  id,
  name: z.string(),
  timeZone: z.string(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  createdAt: isoDateTime,
});
export type CentreView = z.infer<typeof centreView>;
export const centreList = z.object({ items: z.array(centreView) });

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const centreBody = z.strictObject({
  name: z.string().trim().min(1, { error: 'Enter the centre name' }).max(160),
  timeZone: timeZone.default('Europe/London'),
  address: optionalText(400),
  phone: optionalText(40),
  email: email.nullable().optional(),
});
export type CentreBody = z.input<typeof centreBody>;
export const centrePatchBody = centreBody.partial();

/** private: one family at a time (supervised contact); shared: a hall for several families (supported). */
export const ROOM_USAGES = ['private', 'shared'] as const;
export type RoomUsage = (typeof ROOM_USAGES)[number];

export const roomView = z.object({
  id,
  centreId: id,
  name: z.string(),
  capacity: z.number().int(),
  hasSeparateEntrance: z.boolean(),
  accessibilityNotes: z.string().nullable(),
  /** The building the room is in. */
  venueId: id.nullable(),
  usage: z.enum(ROOM_USAGES),
  hasSeparateWaitingRoom: z.boolean(),
  /** Out of use rooms stay listed (bookings refer to them) but take no new bookings. */
  active: z.boolean(),
});
export type RoomView = z.infer<typeof roomView>;
export const roomList = z.object({ items: z.array(roomView) });

const roomFields = {
  name: z.string().trim().min(1, { error: 'Enter the room name' }).max(120),
  capacity: z.number().int().min(1, { error: 'Capacity is at least 1' }).max(500),
  hasSeparateEntrance: z.boolean(),
  accessibilityNotes: optionalText(1000),
  /** One of the centre's venues; the centre's own building when left out. */
  venueId: z.uuid({ error: 'Choose a venue' }),
  usage: z.enum(ROOM_USAGES, { error: 'Choose how the room is used' }),
  hasSeparateWaitingRoom: z.boolean(),
};

/** A hall shared by several families holds at least two people; a capacity of 1 is a private room. */
function sharedHallHoldsTwo(room: { usage?: RoomUsage; capacity?: number }, ctx: z.RefinementCtx) {
  if (room.usage === 'shared' && room.capacity !== undefined && room.capacity < 2) {
    ctx.addIssue({ code: 'custom', path: ['capacity'], message: 'A shared hall holds at least 2 people' });
  }
}

export const roomBody = z
  .strictObject({
    ...roomFields,
    hasSeparateEntrance: roomFields.hasSeparateEntrance.default(false),
    venueId: roomFields.venueId.optional(),
    usage: roomFields.usage.default('private'),
    hasSeparateWaitingRoom: roomFields.hasSeparateWaitingRoom.default(false),
  })
  .superRefine(sharedHallHoldsTwo);
export type RoomBody = z.input<typeof roomBody>;

/** Only the fields sent change (no defaults here: a missing field keeps its value). */
export const roomPatchBody = z
  .strictObject({
    name: roomFields.name.optional(),
    capacity: roomFields.capacity.optional(),
    hasSeparateEntrance: roomFields.hasSeparateEntrance.optional(),
    accessibilityNotes: roomFields.accessibilityNotes,
    venueId: roomFields.venueId.optional(),
    usage: roomFields.usage.optional(),
    hasSeparateWaitingRoom: roomFields.hasSeparateWaitingRoom.optional(),
    active: z.boolean().optional(),
  })
  .superRefine(sharedHallHoldsTwo);
export type RoomPatchBody = z.input<typeof roomPatchBody>;
