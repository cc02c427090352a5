/**
 * Telling people about their sessions, by mail, through the one redaction mechanism: when a session is
 * cancelled (the other party and the professionals), when it is moved (everyone), when a suspension or
 * revocation is made or lifted (everyone), and before each session (each attending adult, the centre's
 * reminder days before). Each notice is recorded per booking, kind and recipient (booking_notices,
 * unique), in the same transaction as the mail it queues: a retry, or a second process, sends nothing
 * twice. Message wording is in messages.ts.
 */
import type { ToldView } from '../../shared/api/sanctions.js';
import type { Actor } from '../access/actor.js';
import { recordAudit, whoOf } from '../audit/service.js';
import type { BookingRow } from '../bookings/repository.js';
import type { JobHandler } from '../jobs/worker.js';
import { queueMail } from '../mail/service.js';
import { centreContact } from '../organisation/service.js';
import { localReading } from '../plans/recurrence.js';
import { currentPlan } from '../plans/service.js';
import type { Db, Executor } from '../platform/database.js';
import { NotFound } from '../platform/errors.js';
import { disclosureRules, type DisclosureRules } from '../redaction/disclosure.js';
import { protectedValue } from '../redaction/protected.js';
import {
  cancellationMessage,
  liftedMessage,
  movedMessage,
  reminderMessage,
  renderMessage,
  sanctionMessage,
  type AdultRecipient,
  type AdultRole,
  type Canceller,
  type CentreFacts,
  type FamilyFacts,
  type Message,
  type OwnPart,
  type ProfessionalRecipient,
  type Recipient,
  type SanctionFacts,
  type SessionFacts,
} from './messages.js';
import {
  bookingWithPlace,
  caseOfNotice,
  claimNotice,
  currentEmailsAndPhones,
  forgetReminders,
  lockBooking,
  nonDisclosuresAmong,
  recordMovedNotice,
  sessionsDueReminders,
} from './repository.js';

/** Everyone a case's notices may go to, with the rules that say what each may see. */
interface Audience {
  organisationId: string;
  centreId: string;
  timeZone: string;
  centre: CentreFacts;
  family: FamilyFacts;
  rules: DisclosureRules;
  /** Adults with an email of their own. */
  adults: AdultRecipient[];
  /** Every adult, with their name (for "who was told"). */
  everyAdult: { personId: string; name: string; role: AdultRole }[];
  professionals: ProfessionalRecipient[];
}

async function audienceOf(executor: Executor, centreId: string, caseId: string): Promise<Audience> {
  const centre = await centreContact(executor, centreId);
  const { found, people, professionals } = await caseOfNotice(executor, caseId);
  if (!centre || !found) throw new NotFound('case');
  const adults = people.filter((person) => person.role !== 'child');
  const details = await currentEmailsAndPhones(
    executor,
    adults.map((adult) => adult.id),
  );
  // The newest first: the first of each kind is the one in force.
  const current = (personId: string, kind: 'email' | 'phone') =>
    details.find((detail) => detail.personId === personId && detail.kind === kind)?.value;
  const hidden = await nonDisclosuresAmong(
    executor,
    people.map((person) => person.id),
  );
  return {
    organisationId: centre.organisationId,
    centreId,
    timeZone: centre.timeZone,
    centre: { name: centre.name, email: centre.email },
    family: {
      reference: found.reference,
      childrenFirstNames: people.filter((p) => p.role === 'child').map((p) => p.firstName),
    },
    rules: disclosureRules(hidden),
    adults: adults.flatMap((adult) => {
      const email = current(adult.id, 'email');
      if (!email) return [];
      const phone = current(adult.id, 'phone');
      return [
        {
          kind: 'adult' as const,
          personId: adult.id,
          firstName: adult.firstName,
          role: adult.role as AdultRole,
          email: protectedValue(adult.id, 'email', email),
          phone: phone ? protectedValue(adult.id, 'phone', phone) : null,
        },
      ];
    }),
    everyAdult: adults.map((adult) => ({
      personId: adult.id,
      name: `${adult.firstName} ${adult.lastName}`,
      role: adult.role as AdultRole,
    })),
    professionals: professionals.flatMap((p) =>
      p.email
        ? [
            {
              kind: 'professional' as const,
              id: p.id,
              name: p.name,
              actingForPersonId: p.actingForPersonId,
              email: p.email,
            },
          ]
        : [],
    ),
  };
}

const recipientId = (recipient: Recipient) =>
  recipient.kind === 'adult' ? recipient.personId : recipient.id;

/** Queues the message for its recipient, as redaction lets them see it. */
async function send(executor: Executor, audience: Audience, recipient: Recipient, message: Message) {
  const rendered = renderMessage(recipient, audience.rules, message);
  await queueMail(executor, {
    organisationId: audience.organisationId,
    centreId: audience.centreId,
    ...rendered,
  });
}

type Place = NonNullable<Awaited<ReturnType<typeof bookingWithPlace>>>;

const clockOf = (instant: Date, timeZone: string) => localReading(instant, timeZone).time;

function sessionFacts(place: Place, timeZone: string): SessionFacts {
  return {
    date: place.localDate,
    startTime: clockOf(place.startsAt, timeZone),
    endTime: clockOf(place.endsAt, timeZone),
    venueName: place.venueName,
    venueAddress: place.venueAddress,
    roomName: place.roomName,
  };
}

/** An adult's own part in the session: their times and the children who come with them. */
function ownPart(place: Place, personId: string, timeZone: string): OwnPart | null {
  const person = place.people.find((p) => p.personId === personId);
  if (!person) return null;
  return {
    arrives: clockOf(person.arriveAt, timeZone),
    leaves: clockOf(person.leaveAt, timeZone),
    bringing: place.people
      .filter((p) => p.role === 'child' && p.broughtByPersonId === personId)
      .map((p) => p.firstName),
  };
}

/** Who was told, for the coordinator: the adults by name and those who could not be mailed. */
function toldOf(audience: Audience, adultIds: string[], professionals: number): ToldView {
  const named = (ids: string[]) =>
    audience.everyAdult.filter((adult) => ids.includes(adult.personId)).map((adult) => adult.name);
  const mailed = new Set(audience.adults.map((adult) => adult.personId));
  return {
    adults: named(adultIds),
    professionals,
    withoutEmail: named(audience.everyAdult.map((a) => a.personId).filter((id) => !mailed.has(id))),
  };
}

async function auditNotices(
  executor: Executor,
  actor: Actor,
  audience: Audience,
  detail: { kind: string; caseId: string; bookingId?: string; sanctionId?: string; told: ToldView },
) {
  await recordAudit(executor, actor.meta, whoOf(actor), {
    action: 'notice.sent',
    outcome: 'success',
    resourceType: 'case',
    resourceId: detail.caseId,
    centreId: audience.centreId,
    detail: {
      kind: detail.kind,
      bookingId: detail.bookingId,
      sanctionId: detail.sanctionId,
      adults: detail.told.adults.length,
      professionals: detail.told.professionals,
      withoutEmail: detail.told.withoutEmail.length,
    },
  });
}

/**
 * A session has been cancelled (called inside the cancellation's transaction): every adult of the case
 * but the one who cancelled, and the professionals, are told, once each, unless it had already begun.
 */
export async function noticeOfCancellation(
  tx: Executor,
  actor: Actor,
  booking: Pick<BookingRow, 'id' | 'centreId' | 'caseId'>,
  how: { by: 'party' | 'professional' | 'centre'; personId: string | null },
): Promise<ToldView> {
  const place = await bookingWithPlace(tx, booking.id);
  if (!place) throw new NotFound('session');
  const audience = await audienceOf(tx, booking.centreId, booking.caseId);
  // A session called off after it began (recorded afterwards) is news to nobody.
  if (place.startsAt.getTime() <= Date.now()) return toldOf(audience, [], 0);
  const canceller: Canceller =
    how.by === 'party' && how.personId
      ? {
          by: 'party',
          personId: how.personId,
          role: audience.everyAdult.find((a) => a.personId === how.personId)?.role ?? 'other_attendee',
        }
      : how.by === 'professional'
        ? { by: 'professional' }
        : { by: 'centre' };
  const session = sessionFacts(place, audience.timeZone);
  const recipients: Recipient[] = [
    ...audience.adults.filter((adult) => !(how.by === 'party' && adult.personId === how.personId)),
    ...audience.professionals,
  ];
  const toldAdults: string[] = [];
  let toldProfessionals = 0;
  for (const recipient of recipients) {
    const claimed = await claimNotice(tx, {
      centreId: booking.centreId,
      bookingId: booking.id,
      kind: 'cancellation',
      recipientId: recipientId(recipient),
    });
    if (!claimed) continue;
    const own = recipient.kind === 'adult' ? ownPart(place, recipient.personId, audience.timeZone) : null;
    await send(
      tx,
      audience,
      recipient,
      cancellationMessage({
        recipient,
        centre: audience.centre,
        family: audience.family,
        session,
        own,
        canceller,
      }),
    );
    if (recipient.kind === 'adult') toldAdults.push(recipient.personId);
    else toldProfessionals++;
  }
  const told = toldOf(audience, toldAdults, toldProfessionals);
  await auditNotices(tx, actor, audience, {
    kind: 'cancellation',
    caseId: booking.caseId,
    bookingId: booking.id,
    told,
  });
  return told;
}

/**
 * A session has been moved (called inside the move's transaction, after the booking is rewritten): when
 * its day, time or venue changed, every adult (their own new times) and the professionals are told, and
 * the reminder is owed again for the new date. A change of room or supervisor alone tells nobody.
 */
export async function noticeOfMove(
  tx: Executor,
  actor: Actor,
  before: Pick<BookingRow, 'id' | 'centreId' | 'caseId' | 'localDate' | 'startsAt' | 'endsAt' | 'venueId'>,
): Promise<ToldView | null> {
  const place = await bookingWithPlace(tx, before.id);
  if (!place) throw new NotFound('session');
  const changed =
    place.startsAt.getTime() !== before.startsAt.getTime() ||
    place.endsAt.getTime() !== before.endsAt.getTime() ||
    place.localDate !== before.localDate ||
    place.venueId !== before.venueId;
  if (!changed) return null;
  await forgetReminders(tx, before.id);
  const audience = await audienceOf(tx, before.centreId, before.caseId);
  const session = sessionFacts(place, audience.timeZone);
  const toldAdults: string[] = [];
  let toldProfessionals = 0;
  for (const recipient of [...audience.adults, ...audience.professionals] as Recipient[]) {
    await recordMovedNotice(tx, {
      centreId: before.centreId,
      bookingId: before.id,
      recipientId: recipientId(recipient),
    });
    const own = recipient.kind === 'adult' ? ownPart(place, recipient.personId, audience.timeZone) : null;
    await send(
      tx,
      audience,
      recipient,
      movedMessage({
        recipient,
        centre: audience.centre,
        family: audience.family,
        fromDate: before.localDate,
        session,
        own,
      }),
    );
    if (recipient.kind === 'adult') toldAdults.push(recipient.personId);
    else toldProfessionals++;
  }
  const told = toldOf(audience, toldAdults, toldProfessionals);
  await auditNotices(tx, actor, audience, {
    kind: 'moved',
    caseId: before.caseId,
    bookingId: before.id,
    told,
  });
  return told;
}

/**
 * A suspension or revocation has been made (inside its transaction): every adult with an email and the
 * professionals get one message naming the sessions it cancelled; each cancelled session records a
 * 'sanction' notice per recipient.
 */
export async function noticeOfSanction(
  tx: Executor,
  actor: Actor,
  input: {
    centreId: string;
    caseId: string;
    sanctionId: string;
    sanction: SanctionFacts;
    cancelled: { bookingId: string; date: string }[];
  },
): Promise<ToldView> {
  const audience = await audienceOf(tx, input.centreId, input.caseId);
  const toldAdults: string[] = [];
  let toldProfessionals = 0;
  for (const recipient of [...audience.adults, ...audience.professionals] as Recipient[]) {
    for (const session of input.cancelled) {
      await claimNotice(tx, {
        centreId: input.centreId,
        bookingId: session.bookingId,
        kind: 'sanction',
        recipientId: recipientId(recipient),
      });
    }
    await send(
      tx,
      audience,
      recipient,
      sanctionMessage({
        recipient,
        centre: audience.centre,
        family: audience.family,
        sanction: input.sanction,
        cancelled: input.cancelled.map((session) => session.date),
      }),
    );
    if (recipient.kind === 'adult') toldAdults.push(recipient.personId);
    else toldProfessionals++;
  }
  const told = toldOf(audience, toldAdults, toldProfessionals);
  await auditNotices(tx, actor, audience, {
    kind: 'sanction',
    caseId: input.caseId,
    sanctionId: input.sanctionId,
    told,
  });
  return told;
}

/** A suspension or revocation has been lifted: everyone is told that sessions may be arranged again. */
export async function noticeOfLifting(
  tx: Executor,
  actor: Actor,
  input: { centreId: string; caseId: string; sanctionId: string; sanction: SanctionFacts },
): Promise<ToldView> {
  const audience = await audienceOf(tx, input.centreId, input.caseId);
  const toldAdults: string[] = [];
  let toldProfessionals = 0;
  for (const recipient of [...audience.adults, ...audience.professionals] as Recipient[]) {
    await send(
      tx,
      audience,
      recipient,
      liftedMessage({
        recipient,
        centre: audience.centre,
        family: audience.family,
        sanction: input.sanction,
      }),
    );
    if (recipient.kind === 'adult') toldAdults.push(recipient.personId);
    else toldProfessionals++;
  }
  const told = toldOf(audience, toldAdults, toldProfessionals);
  await auditNotices(tx, actor, audience, {
    kind: 'sanction_lifted',
    caseId: input.caseId,
    sanctionId: input.sanctionId,
    told,
  });
  return told;
}

// Reminders

export const REMINDER_JOB = 'notices.reminders';
/** The job looks for sessions coming into their reminder window every hour. */
export const REMINDER_EVERY_MS = 60 * 60 * 1000;
/** The schema's default, for a centre that has never saved its settings. */
export const DEFAULT_REMINDER_DAYS = 2;
const BATCH = 100;
/** One run stops taking new sessions after this long; the next run carries on. */
const RUN_BUDGET_MS = 60_000;

/**
 * Reminds each attending adult (with an email) of one session, once: the booking is locked, so a
 * cancellation and a reminder take turns, and a session cancelled meanwhile is not reminded.
 * Returns how many were reminded.
 */
async function remindOf(db: Db, bookingId: string, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const locked = await lockBooking(tx, bookingId);
    if (!locked || locked.status !== 'booked' || locked.startsAt.getTime() <= now.getTime()) return 0;
    const place = await bookingWithPlace(tx, bookingId);
    if (!place) return 0;
    const audience = await audienceOf(tx, place.centreId, place.caseId);
    const plan = await currentPlan(tx, place.caseId);
    const session = sessionFacts(place, audience.timeZone);
    let reminded = 0;
    for (const adult of audience.adults) {
      const own = ownPart(place, adult.personId, audience.timeZone);
      if (!own) continue;
      const claimed = await claimNotice(tx, {
        centreId: place.centreId,
        bookingId,
        kind: 'reminder',
        recipientId: adult.personId,
      });
      if (!claimed) continue;
      await send(
        tx,
        audience,
        adult,
        reminderMessage({
          recipient: adult,
          centre: audience.centre,
          session,
          own,
          bringing: plan
            ? {
                giftsAllowed: plan.specialConditions.giftsAllowed,
                foodAllowed: plan.specialConditions.foodAllowed,
                photographsAllowed: plan.specialConditions.photographsAllowed,
                phonesAllowed: plan.specialConditions.phonesAllowed,
              }
            : null,
        }),
      );
      reminded++;
    }
    return reminded;
  });
}

/**
 * The recurring job: finds booked sessions within their centre's reminder days that an attending adult
 * has not been reminded of, and reminds them. Safe to run twice at once: each reminder is claimed in
 * booking_notices before its mail is queued, in one transaction.
 */
export function sendReminders(db: Db): JobHandler {
  return async () => {
    const started = Date.now();
    const tried = new Set<string>();
    let failures = 0;
    for (;;) {
      const now = new Date();
      const due = (await sessionsDueReminders(db, now, DEFAULT_REMINDER_DAYS, BATCH + tried.size)).filter(
        (session) => !tried.has(session.bookingId),
      );
      if (due.length === 0) break;
      for (const { bookingId } of due) {
        tried.add(bookingId);
        try {
          await remindOf(db, bookingId, now);
        } catch {
          // One session's failure (its id is kept off the log: it leads to a family) must not stop the rest.
          failures++;
        }
      }
      if (Date.now() - started > RUN_BUDGET_MS) break;
    }
    if (failures > 0) throw new Error(`${failures} session reminders failed; they are tried again.`);
  };
}
