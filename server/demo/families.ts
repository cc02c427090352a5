/**
 * Invented families for the demo: referrals at both centres in every state of the inbox, most of them
 * accepted into cases. Names, addresses and courts are made up; the same every time (seeded).
 */
import { eq } from 'drizzle-orm';
import type { ReferralBody } from '../../shared/api/referrals.js';
import { referralBody } from '../../shared/api/referrals.js';
import type { Actor } from '../access/actor.js';
import { centres, users } from '../db/schema.js';
import type { Db } from '../platform/database.js';
import { acceptReferral, declineReferral, requestInformation, submitReferral } from '../referrals/service.js';

const SURNAMES = [
  'Hill',
  'Okafor',
  'Nowak',
  'Patel',
  'Evans',
  'Byrne',
  'Ahmed',
  'Clarke',
  'Duarte',
  'Fraser',
  'Green',
  'Hughes',
  'Ivanova',
  'Jones',
  'Khan',
  'Lewis',
  'Mensah',
  'Novak',
  "O'Neill",
  'Price',
];
const ADULT_FIRST = [
  'Laura',
  'Mark',
  'Sophie',
  'Daniel',
  'Amara',
  'Tunde',
  'Joanna',
  'Piotr',
  'Rhian',
  'Gareth',
  'Siobhan',
  'Liam',
  'Fatima',
  'Imran',
  'Claire',
  'Tom',
  'Ana',
  'Rui',
  'Kirsty',
  'Ewan',
];
const CHILD_FIRST = [
  'Ayo',
  'Bea',
  'Cai',
  'Dara',
  'Elis',
  'Freya',
  'Gwen',
  'Hari',
  'Isla',
  'Jac',
  'Kofi',
  'Lena',
  'Milo',
  'Nia',
  'Osian',
  'Pia',
  'Rory',
  'Seren',
  'Teo',
  'Uma',
];
const STREETS = ['Mill Lane', 'Station Road', 'Quiet Close', 'Orchard Way', 'Church Street', 'Meadow View'];
const REFERRERS: ReferralBody['referrer'][] = [
  {
    name: 'Helen Brooks',
    organisation: 'Brooks & Patel Solicitors',
    role: 'solicitor',
    email: 'helen.brooks@example.org',
  },
  {
    name: 'Owen Price',
    organisation: 'Family Court Advisory Service',
    role: 'court_officer',
    email: 'owen.price@example.org',
  },
  {
    name: 'Maya Singh',
    organisation: 'Riverside Children’s Services',
    role: 'social_worker',
    email: 'maya.singh@example.org',
  },
];
const SERVICES: ReferralBody['serviceRequested'][] = [
  'supported',
  'supported',
  'supervised',
  'handover',
  'supported',
  'indirect',
];

/** A small seeded generator: the demo is the same on every machine. */
function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 2 ** 32;
    return state / 2 ** 32;
  };
}

function family(index: number, centreId: string, random: () => number): ReferralBody {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const surname = SURNAMES[index % SURNAMES.length]!;
  const year = 2014 + Math.floor(random() * 10);
  const children = Array.from({ length: 1 + Math.floor(random() * 2) }, (_, n) => ({
    firstName: CHILD_FIRST[(index * 2 + n) % CHILD_FIRST.length]!,
    lastName: surname,
    dateOfBirth: `${year + n}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
  }));
  const abuse = random() < 0.4;
  const interim = random() < 0.6;
  const address = (n: number) => `${n} ${pick(STREETS)}, ${random() < 0.5 ? 'Riverside' : 'Hillview'}`;
  return {
    centreId,
    referrer: pick(REFERRERS),
    adults: [
      {
        key: 'a',
        role: 'resident_parent',
        firstName: ADULT_FIRST[(index * 2) % ADULT_FIRST.length]!,
        lastName: surname,
        email: `resident.${index}@example.org`,
        phone: `07700 900${String(100 + index).padStart(3, '0')}`,
        address: address(1 + index),
      },
      {
        key: 'b',
        role: 'non_resident_parent',
        firstName: ADULT_FIRST[(index * 2 + 1) % ADULT_FIRST.length]!,
        lastName: random() < 0.5 ? surname : pick(SURNAMES),
        email: `visiting.${index}@example.org`,
        phone: `07700 900${String(500 + index).padStart(3, '0')}`,
        address: address(40 + index),
      },
    ],
    children,
    courtOrder: interim
      ? {
          kind: 'interim',
          court: 'Riverside Family Court',
          madeOn: '2026-09-15',
          caseNumber: `RV26F${String(400 + index).padStart(5, '0')}`,
        }
      : { kind: 'none' },
    risks: {
      factors: abuse ? ['domestic_abuse'] : [],
      protectiveOrders: abuse ? [{ kind: 'non_molestation', between: ['a', 'b'], endsOn: '2027-09-15' }] : [],
      details: abuse ? 'The parents must not meet. Staggered arrival and departure needed.' : undefined,
    },
    needs: {
      language: 'English',
      interpreterNeeded: index % 7 === 3,
      interpreterLanguage: index % 7 === 3 ? 'Polish' : undefined,
    },
    serviceRequested: abuse ? 'supervised' : pick(SERVICES),
  };
}

/** What happens to each demo referral, in order: most are accepted, a few wait, one is declined. */
const PLAN: ('accept' | 'new' | 'ask' | 'decline')[] = [
  'accept',
  'accept',
  'new',
  'accept',
  'ask',
  'accept',
  'accept',
  'new',
  'decline',
  'accept',
  'accept',
  'new',
  'accept',
  'ask',
  'accept',
  'accept',
  'new',
  'accept',
  'accept',
  'new',
];

export async function loadDemoFamilies(db: Db): Promise<void> {
  const random = seeded(20261125);
  const allCentres = await db
    .select({ id: centres.id, name: centres.name, organisationId: centres.organisationId })
    .from(centres);
  const coordinators = await db
    .select({ id: users.id, displayName: users.displayName, email: users.email })
    .from(users)
    .where(eq(users.status, 'active'));
  const meta = { requestId: 'demo', clientAddress: null };
  for (let index = 0; index < PLAN.length; index++) {
    const centre =
      allCentres[
        index % 3 === 2
          ? allCentres.findIndex((c) => c.name.startsWith('Hillview'))
          : allCentres.findIndex((c) => c.name.startsWith('Riverside'))
      ]!;
    const body = referralBody.parse(family(index, centre.id, random));
    const sent = await submitReferral(
      db,
      meta,
      { actorUserId: null, actorLabel: null, organisationId: centre.organisationId },
      body,
    );
    const coordinatorEmail = centre.name.startsWith('Hillview')
      ? 'hillview.coordinator@example.org'
      : 'coordinator@example.org';
    const coordinator = coordinators.find((u) => u.email === coordinatorEmail)!;
    const actor: Actor = {
      meta,
      userId: coordinator.id,
      organisationId: centre.organisationId,
      displayName: coordinator.displayName,
      organisationRoles: [],
      centreRoles: new Map([[centre.id, ['coordinator']]]),
      organisationCentreIds: allCentres.map((c) => c.id),
    };
    const step = PLAN[index]!;
    if (step === 'accept') await acceptReferral(db, actor, centre.id, sent.referralId);
    if (step === 'ask')
      await requestInformation(
        db,
        actor,
        centre.id,
        sent.referralId,
        'Please send a copy of the current court order.',
      );
    if (step === 'decline')
      await declineReferral(db, actor, centre.id, sent.referralId, {
        reason: 'not_a_fit',
        note: 'The family lives closer to another centre, which we have suggested.',
      });
  }
}
