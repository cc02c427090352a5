/**
 * What the one button beside a person at the door does, and why it cannot when it cannot: the server's
 * rules seen from the screen, so that a tap the server would refuse is never offered. A child is checked
 * in only after the adult who brings them, and leaves with that adult; an adult leaves after the children
 * they take home; departures go in the planned order, and one out of order asks first.
 */
import type { RosterSession } from '../../../../shared/api/roster.js';

export type RosterPerson = RosterSession['people'][number];

export type DoorAction =
  | { kind: 'arrive' }
  | {
      kind: 'leave';
      /** Someone else is due to leave first: ask before letting this person go. */
      before: { firstName: string; plannedDeparture: string } | null;
    }
  | { kind: 'gone' }
  /** A child whose adult is not here: the adult comes in first (or must be here to collect them). */
  | { kind: 'needs_adult'; adult: string; leaving: boolean }
  /** An adult whose children are still here: the children are checked out first. */
  | { kind: 'children_first'; children: string[] };

export function doorAction(session: RosterSession, person: RosterPerson): DoorAction {
  if (person.leftAt) return { kind: 'gone' };
  const adult = person.broughtByPersonId
    ? session.people.find((p) => p.personId === person.broughtByPersonId)
    : undefined;
  const adultHere = adult ? Boolean(adult.arrivedAt && !adult.leftAt) : true;
  if (!person.arrivedAt) {
    if (person.kind === 'child' && adult && !adultHere) {
      return { kind: 'needs_adult', adult: adult.firstName, leaving: false };
    }
    return { kind: 'arrive' };
  }
  if (person.kind === 'child' && adult && !adultHere) {
    return { kind: 'needs_adult', adult: adult.firstName, leaving: true };
  }
  const children = session.people.filter(
    (p) => p.broughtByPersonId === person.personId && p.arrivedAt && !p.leftAt,
  );
  if (children.length > 0) return { kind: 'children_first', children: children.map((c) => c.firstName) };
  const next = session.nextToLeave;
  // A child leaves with their adult: in order when that adult is the one due next.
  const leaving = person.kind === 'child' ? person.broughtByPersonId : person.personId;
  const before = next && next.personId !== leaving ? next : null;
  return {
    kind: 'leave',
    before: before ? { firstName: before.firstName, plannedDeparture: before.plannedDeparture } : null,
  };
}

/** Minutes late as people say it, or null when on time. */
export function lateness(person: RosterPerson): number | null {
  return person.minutesLate !== null && person.minutesLate > 0 ? person.minutesLate : null;
}
