/**
 * The mail that tells people about their sessions: a cancellation, a move, a reminder, a suspension or
 * revocation and its lifting. Pure: each message is built as data for one recipient, with every contact
 * detail a protected value, and leaves only through `renderMessage`, which passes it through the one
 * redaction mechanism (redactFor) for that recipient. A message addressed to someone who may not see the
 * address is refused, not sent.
 *
 * What the messages say, and what they never say:
 * - an adult is told only their own arrival and departure times, never another adult's (staggered times
 *   keep apart people who must not meet); a professional is told the session's times;
 * - who cancelled is said in neutral words ("the other parent", "the centre"), never by name;
 * - no free text typed by staff (a cancellation's or a sanction's reason) is mailed: it cannot be checked
 *   for details it should not carry, and the coordinator explains decisions in person.
 */
import { LATE_NOTICE_HOURS } from '../bookings/planning.js';
import { dayNumber, weekdayOfDay } from '../plans/recurrence.js';
import { spokenDay } from '../platform/local-time.js';
import type { DisclosureRules, Viewer } from '../redaction/disclosure.js';
import type { Protected } from '../redaction/protected.js';
import { NOT_SHARED_TEXT, RedactionError, redactFor, type TextPart } from '../redaction/redact.js';

export type AdultRole = 'resident_parent' | 'non_resident_parent' | 'other_attendee';

/** An adult of the case, with their own contact details as protected values. */
export interface AdultRecipient {
  kind: 'adult';
  personId: string;
  firstName: string;
  role: AdultRole;
  email: Protected<string>;
  phone: Protected<string> | null;
}

/** A professional of the case (a solicitor, a court officer, a social worker). */
export interface ProfessionalRecipient {
  kind: 'professional';
  id: string;
  name: string;
  /** The adult they act for; null for the court or the children. */
  actingForPersonId: string | null;
  email: string;
}

export type Recipient = AdultRecipient | ProfessionalRecipient;

/** One piece of mail as data: nothing in it has been through redaction yet. */
export interface Message {
  to: Protected<string> | string;
  subject: string;
  /** Lines of the body; a protected detail inside a line is redacted for the recipient. */
  lines: TextPart[][];
}

export interface RenderedMessage {
  toAddress: string;
  subject: string;
  bodyText: string;
}

export interface CentreFacts {
  name: string;
  email: string | null;
}

export interface SessionFacts {
  /** YYYY-MM-DD on the centre's clock. */
  date: string;
  /** HH:MM on the centre's clock. */
  startTime: string;
  endTime: string;
  venueName: string;
  venueAddress: string | null;
  roomName: string;
}

/** An adult's own part in a session: their arrival and departure, and the children they bring. */
export interface OwnPart {
  arrives: string;
  leaves: string;
  bringing: string[];
}

/** What a professional needs to know which family a message is about. */
export interface FamilyFacts {
  reference: string;
  childrenFirstNames: string[];
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "Saturday 5 December 2026". */
export const dayInWords = (date: string) => `${WEEKDAYS[weekdayOfDay(dayNumber(date))]} ${spokenDay(date)}`;

const list = (names: readonly string[]) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

/** Who a message is for, as the redaction mechanism asks. */
export function viewerOf(recipient: Recipient): Viewer {
  return recipient.kind === 'adult'
    ? { kind: 'party', personId: recipient.personId }
    : {
        kind: 'professional',
        actingFor: recipient.actingForPersonId ? [recipient.actingForPersonId] : [],
      };
}

/**
 * The message as its recipient receives it: passed through redactFor for them, each withheld detail
 * reading "[not shared]". A message whose address they may not see (someone else's) is refused.
 */
export function renderMessage(
  recipient: Recipient,
  rules: DisclosureRules,
  message: Message,
): RenderedMessage {
  const seen = redactFor(viewerOf(recipient), rules)(message);
  if (typeof seen.to !== 'string' || seen.to === '') {
    throw new RedactionError('A notice was addressed to someone who may not see that address: not sent.');
  }
  return {
    toAddress: seen.to,
    subject: seen.subject,
    bodyText: seen.lines
      .map((line) => line.map((part) => (part === null ? NOT_SHARED_TEXT : String(part))).join(''))
      .join('\n'),
  };
}

// Who cancelled, in neutral words

export type Canceller =
  { by: 'centre' } | { by: 'professional' } | { by: 'party'; personId: string; role: AdultRole };

const isParent = (role: AdultRole) => role === 'resident_parent' || role === 'non_resident_parent';

/** Who called a session off, as said to this recipient: never a name, never a detail. */
export function cancelledByWords(canceller: Canceller, recipient: Recipient): string {
  switch (canceller.by) {
    case 'centre':
      return 'the centre';
    case 'professional':
      return 'a professional working with the family';
    case 'party':
      if (recipient.kind === 'adult') {
        if (isParent(canceller.role))
          return isParent(recipient.role) ? 'the other parent' : 'one of the parents';
        return 'another adult who comes to the sessions';
      }
      if (recipient.actingForPersonId === canceller.personId) return 'your client';
      if (canceller.role === 'resident_parent') return 'the resident parent';
      if (canceller.role === 'non_resident_parent') return 'the non-resident parent';
      return 'another adult who comes to the sessions';
  }
}

// The parts every message shares

function greeting(recipient: Recipient): TextPart[][] {
  return [[`Dear ${recipient.kind === 'adult' ? recipient.firstName : recipient.name},`], ['']];
}

function signOff(centre: CentreFacts): TextPart[][] {
  return [[''], [centre.name]];
}

const askTheCentre = (centre: CentreFacts) =>
  centre.email
    ? `If you have any questions, please contact the centre at ${centre.email}.`
    : 'If you have any questions, please contact the centre.';

const tellTheCentre = (centre: CentreFacts, what: string) =>
  centre.email
    ? `${what}, please tell the centre as soon as you can at ${centre.email}.`
    : `${what}, please tell the centre as soon as you can.`;

/** "the contact session for Ayo (case C-2026-0001)": which family, for a professional. */
const familyWords = (family: FamilyFacts) =>
  `${family.childrenFirstNames.length > 0 ? `for ${list(family.childrenFirstNames)} ` : ''}(case ${family.reference})`;

const where = (session: SessionFacts) =>
  [session.venueName, session.venueAddress].filter(Boolean).join(', ') + ` (${session.roomName})`;

function ownTimes(part: OwnPart): TextPart[][] {
  return [
    [`Please arrive at ${part.arrives} and leave at ${part.leaves}.`],
    ...(part.bringing.length > 0 ? [[`Please bring ${list(part.bringing)} with you.`]] : []),
  ];
}

// Cancellation

export function cancellationMessage(input: {
  recipient: Recipient;
  centre: CentreFacts;
  family: FamilyFacts;
  session: SessionFacts;
  /** The recipient's own part, when they were due to come. */
  own: OwnPart | null;
  canceller: Canceller;
}): Message {
  const { recipient, centre, family, session, own } = input;
  const day = dayInWords(session.date);
  const who = cancelledByWords(input.canceller, recipient);
  const body: TextPart[][] =
    recipient.kind === 'adult'
      ? [
          [
            own
              ? `Your contact session on ${day} (you were due to arrive at ${own.arrives}) has been cancelled by ${who}.`
              : `The contact session on ${day} has been cancelled by ${who}.`,
          ],
          ...(own ? [['You do not need to come to the centre that day.']] : []),
          ['Your other sessions go ahead as planned unless the centre tells you otherwise.'],
          [askTheCentre(centre)],
        ]
      : [
          [
            `The contact session ${familyWords(family)} on ${day}, ${session.startTime} to ${session.endTime}, has been cancelled by ${who}.`,
          ],
          [askTheCentre(centre)],
        ];
  return {
    to: recipient.email,
    subject: `Session cancelled: ${day}`,
    lines: [...greeting(recipient), ...body, ...signOff(centre)],
  };
}

// Move

export function movedMessage(input: {
  recipient: Recipient;
  centre: CentreFacts;
  family: FamilyFacts;
  /** The date it was on. */
  fromDate: string;
  session: SessionFacts;
  own: OwnPart | null;
}): Message {
  const { recipient, centre, family, session, own } = input;
  const from = dayInWords(input.fromDate);
  const day = dayInWords(session.date);
  const body: TextPart[][] =
    recipient.kind === 'adult'
      ? [
          [
            input.fromDate === session.date
              ? `The centre has changed the time of your contact session on ${day}.`
              : `The centre has moved your contact session on ${from} to ${day}.`,
          ],
          ...(own ? ownTimes(own) : [[`The session is from ${session.startTime} to ${session.endTime}.`]]),
          [`Where: ${where(session)}`],
          [tellTheCentre(centre, 'If you cannot come at the new time')],
        ]
      : [
          [
            `The contact session ${familyWords(family)} on ${from} has been moved to ${day}, ${session.startTime} to ${session.endTime}, at ${session.venueName}.`,
          ],
          [askTheCentre(centre)],
        ];
  return {
    to: recipient.email,
    subject: `Session moved: now ${day}, ${own?.arrives ?? session.startTime}`,
    lines: [...greeting(recipient), ...body, ...signOff(centre)],
  };
}

// Reminder

export interface BringingRules {
  giftsAllowed: boolean;
  foodAllowed: boolean;
  photographsAllowed: boolean;
  phonesAllowed: boolean;
}

/** What may and may not be brought, from the contact plan, in the words of the centre's rules. */
export function bringingLines(rules: BringingRules): string[] {
  return [
    rules.giftsAllowed ? 'You may bring a small gift.' : 'Please do not bring gifts.',
    rules.foodAllowed
      ? 'You may bring food and drink for the children.'
      : 'Please do not bring food or drink for the children.',
    rules.photographsAllowed ? 'You may take photographs.' : 'Please do not take photographs.',
    rules.phonesAllowed
      ? 'You may use your phone, but recordings of any kind are not allowed.'
      : 'Please keep your phone put away. Recordings of any kind are not allowed.',
  ];
}

/** A reminder for one adult: their own times, the place, what to bring; never another adult's times. */
export function reminderMessage(input: {
  recipient: AdultRecipient;
  centre: CentreFacts;
  session: SessionFacts;
  own: OwnPart;
  bringing: BringingRules | null;
}): Message {
  const { recipient, centre, session, own } = input;
  const day = dayInWords(session.date);
  return {
    to: recipient.email,
    subject: `Reminder: your contact session on ${day}, ${own.arrives}`,
    lines: [
      ...greeting(recipient),
      [`This is a reminder of your contact session on ${day}.`],
      ...ownTimes(own),
      [`Where: ${where(session)}`],
      ...(input.bringing ? [[''], ['What to bring:'], ...bringingLines(input.bringing).map((l) => [l])] : []),
      [''],
      ...(recipient.phone
        ? [
            [
              'If we need to reach you on the day, we will call ',
              recipient.phone,
              '. If that number has changed, please tell the centre.',
            ],
          ]
        : []),
      [
        tellTheCentre(
          centre,
          `If you cannot come (at least ${LATE_NOTICE_HOURS} hours before the session if you can)`,
        ),
      ],
      ...signOff(centre),
    ],
  };
}

// Sanctions

export interface SanctionFacts {
  kind: 'suspension' | 'revocation';
  startsOn: string;
  endsOn: string | null;
}

export function sanctionMessage(input: {
  recipient: Recipient;
  centre: CentreFacts;
  family: FamilyFacts;
  sanction: SanctionFacts;
  /** The dates of the sessions it cancelled. */
  cancelled: string[];
}): Message {
  const { recipient, centre, family, sanction } = input;
  const from = dayInWords(sanction.startsOn);
  const until = sanction.endsOn ? dayInWords(sanction.endsOn) : null;
  const whose =
    recipient.kind === 'adult' ? 'your family’s contact sessions' : `contact ${familyWords(family)}`;
  const decision =
    sanction.kind === 'suspension'
      ? `The centre has decided to suspend ${whose} from ${from} to ${until}.`
      : `The centre has decided to end ${whose} at the centre from ${from}.`;
  const sessions: TextPart[][] =
    input.cancelled.length === 0
      ? []
      : [
          [input.cancelled.length === 1 ? 'This session is cancelled:' : 'These sessions are cancelled:'],
          ...input.cancelled.map((date) => [`- ${dayInWords(date)}`]),
        ];
  const next =
    recipient.kind === 'adult'
      ? sanction.kind === 'suspension'
        ? 'The coordinator will contact you to explain the decision, and about sessions after the suspension.'
        : 'The coordinator will contact you to explain the decision and what happens next.'
      : askTheCentre(centre);
  return {
    to: recipient.email,
    subject:
      sanction.kind === 'suspension'
        ? `Contact at ${centre.name} is suspended until ${until}`
        : `Contact at ${centre.name} has ended`,
    lines: [...greeting(recipient), [decision], ...sessions, [next], ...signOff(centre)],
  };
}

export function liftedMessage(input: {
  recipient: Recipient;
  centre: CentreFacts;
  family: FamilyFacts;
  sanction: SanctionFacts;
}): Message {
  const { recipient, centre, family, sanction } = input;
  const whose =
    recipient.kind === 'adult' ? 'your family’s contact sessions' : `contact ${familyWords(family)}`;
  return {
    to: recipient.email,
    subject:
      sanction.kind === 'suspension'
        ? `Contact at ${centre.name}: the suspension is lifted`
        : `Contact at ${centre.name} may start again`,
    lines: [
      ...greeting(recipient),
      [
        sanction.kind === 'suspension'
          ? `The centre has lifted the suspension of ${whose}.`
          : `The centre has withdrawn its decision to end ${whose}.`,
      ],
      [
        recipient.kind === 'adult'
          ? 'The centre will contact you to arrange sessions. Sessions cancelled earlier are not booked again by themselves.'
          : askTheCentre(centre),
      ],
      ...signOff(centre),
    ],
  };
}
