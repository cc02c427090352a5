/**
 * The rules of sanctions, pure: on which days one holds, its status today, the sentence a booking on a
 * held day is refused with, which new sanction clashes with those already made, and the one that blocks
 * the case's readiness today. Days are calendar days on the centre's clock (YYYY-MM-DD).
 */
import { spokenDay } from '../platform/local-time.js';

export interface SanctionDays {
  kind: 'suspension' | 'revocation';
  startsOn: string;
  /** The last day of a suspension; null for a revocation. */
  endsOn: string | null;
  liftedAt: Date | null;
}

/** Whether the sanction stops sessions on `date`: made, not lifted, and the day within it. */
export function holdsOn(sanction: SanctionDays, date: string): boolean {
  return (
    sanction.liftedAt === null &&
    date >= sanction.startsOn &&
    (sanction.endsOn === null || date <= sanction.endsOn)
  );
}

export type SanctionStatus = 'scheduled' | 'in_force' | 'ended' | 'lifted';

export function statusOf(sanction: SanctionDays, today: string): SanctionStatus {
  if (sanction.liftedAt) return 'lifted';
  if (sanction.endsOn !== null && sanction.endsOn < today) return 'ended';
  return sanction.startsOn > today ? 'scheduled' : 'in_force';
}

/** Of the sanctions holding on `date`, the one to name: a revocation before a suspension. */
export function holdingOn<T extends SanctionDays>(sanctions: readonly T[], date: string): T | undefined {
  const holding = sanctions.filter((sanction) => holdsOn(sanction, date));
  return holding.find((s) => s.kind === 'revocation') ?? holding[0];
}

/** The sentence a booking or move onto a held day is refused with (422). */
export function bookingRefusal(sanction: SanctionDays): string {
  return sanction.kind === 'revocation'
    ? `This family’s contact at the centre was revoked from ${spokenDay(sanction.startsOn)}: no session can be booked unless the revocation is lifted.`
    : `This family’s contact is suspended until ${spokenDay(sanction.endsOn!)}: choose a day after that, or lift the suspension first.`;
}

/** Why a new sanction cannot be made alongside those already made (409), or null when it can. */
export function clashOf(
  existing: readonly SanctionDays[],
  proposed: Omit<SanctionDays, 'liftedAt'>,
  today: string,
): string | null {
  const standing = existing.filter((s) => statusOf(s, today) !== 'lifted' && statusOf(s, today) !== 'ended');
  const revocation = standing.find((s) => s.kind === 'revocation');
  if (revocation) {
    return `This family’s contact is already revoked from ${spokenDay(revocation.startsOn)}. Lift the revocation first if something else should replace it.`;
  }
  if (proposed.kind === 'revocation') return null;
  const overlapping = standing.find(
    (s) => s.startsOn <= proposed.endsOn! && proposed.startsOn <= (s.endsOn ?? proposed.startsOn),
  );
  if (overlapping) {
    return `This family is already suspended from ${spokenDay(overlapping.startsOn)} to ${spokenDay(overlapping.endsOn!)}. Change the dates so they do not overlap, or lift that suspension first.`;
  }
  return null;
}

/** What the case's readiness says of the sanction holding today, if any. */
export function readinessBlocker(
  sanctions: readonly SanctionDays[],
  today: string,
): { kind: 'suspension' | 'revocation'; startsOn: string; endsOn: string | null } | null {
  const holding = holdingOn(sanctions, today);
  return holding ? { kind: holding.kind, startsOn: holding.startsOn, endsOn: holding.endsOn } : null;
}
