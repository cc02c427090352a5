/**
 * Sanctions: a family's contact at the centre suspended for a time, or revoked. Making one cancels the
 * family's booked sessions it covers and tells the adults and the professionals by mail; while it holds,
 * no session can be booked on its days. Lifting one (with a reason) lets sessions be booked again.
 */
import { z } from 'zod';
import { id, isoDateTime } from './common.js';
import { calendarDate } from './referrals.js';

export const SANCTION_KINDS = ['suspension', 'revocation'] as const;
export type SanctionKind = (typeof SANCTION_KINDS)[number];

/** scheduled: starts later; in_force: holds today; ended: a suspension past its last day; lifted. */
export const SANCTION_STATUSES = ['scheduled', 'in_force', 'ended', 'lifted'] as const;

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Use at most ${max} characters` });

export const sanctionsParams = z.strictObject({ centreId: id, caseId: id });
export const sanctionParams = z.strictObject({ centreId: id, caseId: id, sanctionId: id });

export const sanctionBody = z
  .strictObject({
    kind: z.enum(SANCTION_KINDS, { error: 'Choose a suspension or a revocation' }),
    startsOn: calendarDate,
    /** The last day of a suspension; a revocation has none. */
    endsOn: calendarDate.nullable().default(null),
    reason: text(2000).min(1, { error: 'Give the reason for the decision' }),
    /** The adult whose conduct led to it, when one did. */
    personId: id.nullable().default(null),
    /** The incident that led to it, when one did. */
    incidentId: id.nullable().default(null),
  })
  .superRefine((body, ctx) => {
    if (body.kind === 'suspension' && !body.endsOn) {
      ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'Enter the last day of the suspension' });
    }
    if (body.kind === 'suspension' && body.endsOn && body.endsOn < body.startsOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['endsOn'],
        message: 'The suspension must end on or after the day it starts',
      });
    }
    if (body.kind === 'revocation' && body.endsOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['endsOn'],
        message: 'A revocation has no last day: leave it empty, and lift it if contact may start again',
      });
    }
  });
export type SanctionBody = z.output<typeof sanctionBody>;

export const liftBody = z.strictObject({
  reason: text(500).min(1, { error: 'Say why it is lifted' }),
});
export type LiftBody = z.output<typeof liftBody>;

export const sanctionView = z.object({
  id,
  kind: z.enum(SANCTION_KINDS),
  status: z.enum(SANCTION_STATUSES),
  startsOn: calendarDate,
  endsOn: calendarDate.nullable(),
  reason: z.string(),
  person: z.object({ id, name: z.string() }).nullable(),
  incidentId: id.nullable(),
  createdAt: isoDateTime,
  createdBy: z.string().nullable(),
  liftedAt: isoDateTime.nullable(),
  liftedBy: z.string().nullable(),
  liftReason: z.string().nullable(),
});
export type SanctionView = z.output<typeof sanctionView>;

export const sanctionList = z.object({ items: z.array(sanctionView) });

/** Who was told by mail: the adults by name, how many professionals, and the adults with no email. */
export const toldView = z.object({
  adults: z.array(z.string()),
  professionals: z.number().int(),
  withoutEmail: z.array(z.string()),
});
export type ToldView = z.output<typeof toldView>;

export const sanctionOutcome = z.object({
  sanction: sanctionView,
  /** The family's booked sessions it cancelled. */
  cancelledSessions: z.array(z.object({ bookingId: id, date: calendarDate, startTime: z.string() })),
  told: toldView,
});
export type SanctionOutcome = z.output<typeof sanctionOutcome>;

/** A session the sanction called off, still to come, that lifting it offers to book again. */
export const sessionToBookAgain = z.object({
  date: calendarDate,
  startTime: z.string(),
  roomId: id,
  roomName: z.string(),
  supervisorUserId: id.nullable(),
});
export type SessionToBookAgain = z.output<typeof sessionToBookAgain>;

export const liftOutcome = z.object({
  sanction: sanctionView,
  told: toldView,
  toBookAgain: z.array(sessionToBookAgain),
});
export type LiftOutcome = z.output<typeof liftOutcome>;
