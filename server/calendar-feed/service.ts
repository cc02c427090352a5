/**
 * One's own calendar feed: a secret, revocable address a calendar app subscribes to. It carries the
 * person's shifts and the sessions they supervise, a few weeks back and some months ahead, with the
 * family's initials and the room only: no names, addresses, notes or case references. Only a hash of
 * the secret is kept (as for every emailed link); making a new feed revokes the old one.
 */
import { PERMISSIONS, roleGrants, type Role } from '../../shared/access.js';
import type { CalendarFeedCreated, CalendarFeedStatus } from '../../shared/api/calendar-feed.js';
import { canAnywhere, type Actor, type RequestMeta } from '../access/actor.js';
import { randomToken, tokenHash } from '../accounts/secrets.js';
import { recordAudit, whoOf } from '../audit/service.js';
import { localReading } from '../plans/recurrence.js';
import type { Db } from '../platform/database.js';
import { NotAllowed, NotFound } from '../platform/errors.js';
import { icalendar, type CalendarEvent } from './ical.js';
import {
  centreRolesOf,
  feedByHash,
  insertFeed,
  liveFeedOf,
  markFeedUsed,
  revokeFeeds,
  shiftsOf,
  supervisedSessionsOf,
} from './repository.js';

/** How far back and ahead the feed reaches. */
export const FEED_DAYS_BACK = 28;
export const FEED_DAYS_AHEAD = 120;
const DAY_MS = 86_400_000;

/** The address path of a feed; the token is the whole secret. */
export const feedPath = (token: string) => `/api/calendar/${token}.ics`;

const SERVICE_WORDS = {
  supported: 'Supported contact',
  supervised: 'Supervised contact',
  handover: 'Handover',
} as const;

const ROLE_WORDS = { coordinator: 'coordinator', supervisor: 'supervisor', volunteer: 'volunteer' } as const;

function mayHaveFeed(actor: Actor) {
  if (!canAnywhere(actor, PERMISSIONS.OWN_CALENDAR_FEED)) throw new NotAllowed();
}

export async function calendarFeedStatus(db: Db, actor: Actor): Promise<CalendarFeedStatus> {
  mayHaveFeed(actor);
  const feed = await liveFeedOf(db, actor.userId);
  return {
    exists: Boolean(feed),
    createdAt: feed?.createdAt.toISOString() ?? null,
    lastUsedAt: feed?.lastUsedAt?.toISOString() ?? null,
  };
}

/** Makes a new feed (revoking any old one) and gives its address, this once. */
export async function createCalendarFeed(
  db: Db,
  actor: Actor,
  publicUrl: string,
): Promise<CalendarFeedCreated> {
  mayHaveFeed(actor);
  const token = randomToken();
  const created = await db.transaction(async (tx) => {
    const replaced = await revokeFeeds(tx, actor.userId, new Date());
    const row = await insertFeed(tx, actor.userId, tokenHash(token));
    await recordAudit(tx, actor.meta, whoOf(actor), {
      action: 'calendar_feed.created',
      outcome: 'success',
      resourceType: 'calendar_feed',
      resourceId: row.id,
      detail: { replaced },
    });
    return row;
  });
  return { url: `${publicUrl}${feedPath(token)}`, createdAt: created.createdAt.toISOString() };
}

/** Turns the feed off: its address answers "not found" from now on. */
export async function revokeCalendarFeed(db: Db, actor: Actor): Promise<void> {
  mayHaveFeed(actor);
  await db.transaction(async (tx) => {
    if (await revokeFeeds(tx, actor.userId, new Date())) {
      await recordAudit(tx, actor.meta, whoOf(actor), {
        action: 'calendar_feed.revoked',
        outcome: 'success',
        resourceType: 'user',
        resourceId: actor.userId,
      });
    }
  });
}

/** "L.H.": the first letters of a first and last name, and nothing more of either. */
export function initialsOf(firstName: string, lastName: string): string {
  const first = Array.from(firstName.trim())[0]?.toUpperCase() ?? '';
  const last = Array.from(lastName.trim())[0]?.toUpperCase() ?? '';
  return [first, last]
    .filter(Boolean)
    .map((letter) => `${letter}.`)
    .join('');
}

/** A family's home is the family's contact detail: the feed never names it. */
const placeOf = (venue: { venueName: string; venueKind: string }, centreName: string) =>
  venue.venueKind === 'family_home' ? `A family’s home (${centreName})` : `${venue.venueName}, ${centreName}`;

/**
 * The feed's text for a token, or 404 for an unknown or revoked one. Only centres where the person may
 * still have a feed (their role there grants it) are included.
 */
export async function calendarText(db: Db, token: string, meta: RequestMeta): Promise<string> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw new NotFound('calendar');
  const feed = await feedByHash(db, tokenHash(token));
  if (!feed) throw new NotFound('calendar');
  const centreIds = [
    ...new Set(
      (await centreRolesOf(db, feed.userId))
        .filter((r) => r.centreId !== null && roleGrants(r.role as Role, PERMISSIONS.OWN_CALENDAR_FEED))
        .map((r) => r.centreId!),
    ),
  ];
  const now = new Date();
  const from = new Date(now.getTime() - FEED_DAYS_BACK * DAY_MS);
  const to = new Date(now.getTime() + FEED_DAYS_AHEAD * DAY_MS);
  const [shifts, sessions] = await Promise.all([
    shiftsOf(db, feed.userId, centreIds, from, to),
    supervisedSessionsOf(db, feed.userId, centreIds, from, to),
  ]);
  const events: CalendarEvent[] = [
    ...shifts.map((shift) => ({
      uid: `shift-${shift.id}@neutral-ground`,
      start: shift.startsAt,
      end: shift.endsAt,
      summary: `On the rota: ${ROLE_WORDS[shift.role]}${shift.openingSessionName ? ` — ${shift.openingSessionName}` : ''}`,
      location: placeOf(shift, shift.centreName),
      lastModified: shift.createdAt,
    })),
    ...sessions.map((session) => {
      const clock = (instant: Date) => localReading(instant, session.timeZone).time;
      const initials = session.adults.map((a) => initialsOf(a.firstName, a.lastName));
      return {
        uid: `session-${session.id}@neutral-ground`,
        start: session.startsAt,
        end: session.endsAt,
        summary: `${SERVICE_WORDS[session.serviceType]} — ${initials.join(' / ')} — ${session.room}`,
        location: placeOf(session, session.centreName),
        description: [
          'Arrivals and departures:',
          ...session.adults.map((a, index) => `${initials[index]} ${clock(a.arrives)}–${clock(a.leaves)}`),
        ].join('\n'),
        lastModified: session.updatedAt,
      };
    }),
  ].sort((a, b) => a.start.getTime() - b.start.getTime());
  await markFeedUsed(db, feed.id, now);
  await recordAudit(
    db,
    meta,
    {
      actorUserId: feed.userId,
      actorLabel: `${feed.displayName} (calendar feed)`,
      organisationId: feed.organisationId,
    },
    {
      action: 'calendar_feed.read',
      outcome: 'success',
      resourceType: 'calendar_feed',
      resourceId: feed.id,
      detail: { shifts: shifts.length, sessions: sessions.length },
    },
  );
  return icalendar({ name: 'Neutral Ground: my shifts and sessions', now, events });
}
