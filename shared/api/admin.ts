import { z } from 'zod';
import { STAFF_ROLES, type StaffRole } from '../access.js';
import { email, id, isoDateTime, timeZone } from './common.js';

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

export const roomView = z.object({
  id,
  centreId: id,
  name: z.string(),
  capacity: z.number().int(),
  hasSeparateEntrance: z.boolean(),
  accessibilityNotes: z.string().nullable(),
});
export type RoomView = z.infer<typeof roomView>;
export const roomList = z.object({ items: z.array(roomView) });
export const roomBody = z.strictObject({
  name: z.string().trim().min(1, { error: 'Enter the room name' }).max(120),
  capacity: z.number().int().min(1, { error: 'Capacity is at least 1' }).max(500),
  hasSeparateEntrance: z.boolean().default(false),
  accessibilityNotes: optionalText(1000),
});
export type RoomBody = z.input<typeof roomBody>;
