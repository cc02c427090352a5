/**
 * Consent for a child's information, as pure rules. The centre's policy asks a parent for children at or
 * under its age (16 unless changed); an older child gives consent themselves, recorded with the child as
 * the one who gave it. A parent here is a resident or non-resident parent of the case: the record does not
 * hold parental responsibility for other adults (a grandparent who attends), so they cannot give it.
 */
import { ageOnDay, spokenDay } from '../platform/local-time.js';

export interface ConsentPerson {
  id: string;
  role: 'resident_parent' | 'non_resident_parent' | 'other_attendee' | 'child';
  firstName: string;
  lastName: string;
  dateOfBirth: string | null;
}

/** A refusal with its status (422 a rule, 409 the state of things), a sentence and the field. */
export interface ConsentRefusal {
  status: 409 | 422;
  code: string;
  message: string;
  field: string;
}

const PARENT_ROLES: readonly ConsentPerson['role'][] = ['resident_parent', 'non_resident_parent'];
const fullName = (person: ConsentPerson) => `${person.firstName} ${person.lastName}`;
const possessive = (name: string) => `${name}’s`;

/** The child's age on a day; null without a date of birth. */
export function childAgeOn(child: Pick<ConsentPerson, 'dateOfBirth'>, day: string): number | null {
  return child.dateOfBirth ? ageOnDay(child.dateOfBirth, day) : null;
}

/**
 * Whether a parent gives consent for this child on a day. Without a date of birth, a parent does: the
 * safer reading when the age is not known.
 */
export function parentalConsentNeeded(
  child: Pick<ConsentPerson, 'dateOfBirth'>,
  day: string,
  upToAge: number,
): boolean {
  const age = childAgeOn(child, day);
  return age === null || age <= upToAge;
}

/**
 * Why consent as asked cannot be recorded, or null when it can. `today` is the centre's day;
 * `standing` is the consent already recorded for the child and not withdrawn, if any.
 */
export function consentRefusal(input: {
  people: readonly ConsentPerson[];
  childPersonId: string;
  givenByPersonId: string;
  givenOn: string;
  today: string;
  upToAge: number;
  standing: { givenByName: string; givenOn: string } | null;
}): ConsentRefusal | null {
  const byId = new Map(input.people.map((person) => [person.id, person]));
  const child = byId.get(input.childPersonId);
  if (!child || child.role !== 'child') {
    return {
      status: 422,
      code: 'not_a_child_of_case',
      message: 'Choose a child of this case.',
      field: 'childPersonId',
    };
  }
  if (input.standing) {
    return {
      status: 409,
      code: 'consent_already_recorded',
      message: `Consent for ${possessive(child.firstName)} information is already recorded (given by ${input.standing.givenByName} on ${spokenDay(input.standing.givenOn)}). Withdraw it before recording another.`,
      field: 'childPersonId',
    };
  }
  const giver = byId.get(input.givenByPersonId);
  if (!giver) {
    return {
      status: 422,
      code: 'not_in_case',
      message: 'Choose a parent of this case, or the child themselves: that person is not part of it.',
      field: 'givenByPersonId',
    };
  }
  if (input.givenOn > input.today) {
    return {
      status: 422,
      code: 'given_in_future',
      message: `The date consent was given cannot be in the future: today is ${spokenDay(input.today)}.`,
      field: 'givenOn',
    };
  }
  if (child.dateOfBirth && input.givenOn < child.dateOfBirth) {
    return {
      status: 422,
      code: 'given_before_birth',
      message: `The date consent was given is before ${child.firstName} was born.`,
      field: 'givenOn',
    };
  }
  const policy = `the centre’s policy asks a parent for children ${input.upToAge} and under`;
  const age = childAgeOn(child, input.givenOn);
  const parental = parentalConsentNeeded(child, input.givenOn, input.upToAge);
  if (!parental && giver.id !== child.id) {
    return {
      status: 422,
      code: 'child_gives_own_consent',
      message: `${child.firstName} is ${age}: they give consent themselves; ${policy}.`,
      field: 'givenByPersonId',
    };
  }
  if (parental && giver.id === child.id) {
    return {
      status: 422,
      code: 'parent_gives_consent',
      message:
        age === null
          ? `${child.firstName}’s date of birth is not recorded, so a parent gives consent: ${policy}.`
          : `${child.firstName} is ${age}: a parent gives consent for them; ${policy}.`,
      field: 'givenByPersonId',
    };
  }
  if (parental && !PARENT_ROLES.includes(giver.role)) {
    return {
      status: 422,
      code: 'not_a_parent',
      message:
        giver.role === 'child'
          ? `${fullName(giver)} is a child: consent for ${possessive(child.firstName)} information is given by a parent.`
          : `${fullName(giver)} is not a parent in this case: consent for ${possessive(child.firstName)} information is given by a parent with parental responsibility.`,
      field: 'givenByPersonId',
    };
  }
  return null;
}
