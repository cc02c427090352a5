/**
 * Notices as data through the redaction mechanism: a message reaches its recipient only at an address
 * they may see, a detail of someone hidden from them reads "[not shared]", who cancelled is said in
 * neutral words, and a reminder reads as a centre would write it.
 */
import { describe, expect, it } from 'vitest';
import { disclosureRules } from '../redaction/disclosure.js';
import { protectedValue } from '../redaction/protected.js';
import { RedactionError } from '../redaction/redact.js';
import {
  bringingLines,
  cancelledByWords,
  reminderMessage,
  renderMessage,
  type AdultRecipient,
  type Message,
  type ProfessionalRecipient,
} from './messages.js';

const LAURA = '00000000-0000-4000-8000-000000000001'; // resident parent
const MARK = '00000000-0000-4000-8000-000000000002'; // non-resident parent
const GRAN = '00000000-0000-4000-8000-000000000003'; // attends with Mark
const rules = disclosureRules([
  { personId: LAURA, hiddenFromPersonId: MARK },
  { personId: MARK, hiddenFromPersonId: LAURA },
  { personId: LAURA, hiddenFromPersonId: GRAN },
  { personId: GRAN, hiddenFromPersonId: LAURA },
]);

const adult = (
  personId: string,
  firstName: string,
  role: AdultRecipient['role'],
  n: number,
): AdultRecipient => ({
  kind: 'adult',
  personId,
  firstName,
  role,
  email: protectedValue(personId, 'email', `${firstName.toLowerCase()}@example.org`),
  phone: protectedValue(personId, 'phone', `07700 90000${n}`),
});
const laura = adult(LAURA, 'Laura', 'resident_parent', 1);
const mark = adult(MARK, 'Mark', 'non_resident_parent', 2);
const gran = adult(GRAN, 'Gwen', 'other_attendee', 3);
const marksSolicitor: ProfessionalRecipient = {
  kind: 'professional',
  id: 'p1',
  name: 'Priya Shah',
  actingForPersonId: MARK,
  email: 'priya@example.org',
};
const courtOfficer: ProfessionalRecipient = { ...marksSolicitor, id: 'p2', actingForPersonId: null };

describe('renderMessage', () => {
  const message = (to: Message['to']): Message => ({
    to,
    subject: 'About your session',
    lines: [
      ['Yours: ', laura.phone!],
      ['Theirs: ', mark.phone!],
    ],
  });

  it('sends to the recipient’s own address, with what they may see and "[not shared]" for the rest', () => {
    const seen = renderMessage(laura, rules, message(laura.email));
    expect(seen.toAddress).toBe('laura@example.org');
    expect(seen.bodyText).toBe('Yours: 07700 900001\nTheirs: [not shared]');
    expect(seen.bodyText).not.toContain('900002');
  });

  it('refuses a message addressed to someone the recipient may not see', () => {
    expect(() => renderMessage(laura, rules, message(mark.email))).toThrow(RedactionError);
  });

  it('a professional sees only what the person they act for may see; acting for nobody, nothing', () => {
    const forMark = renderMessage(marksSolicitor, rules, message(marksSolicitor.email));
    expect(forMark.bodyText).toBe('Yours: [not shared]\nTheirs: 07700 900002');
    const forCourt = renderMessage(courtOfficer, rules, message(courtOfficer.email));
    expect(forCourt.bodyText).toBe('Yours: [not shared]\nTheirs: [not shared]');
  });
});

describe('who cancelled, in neutral words', () => {
  it('never names anyone', () => {
    const byMark = { by: 'party' as const, personId: MARK, role: 'non_resident_parent' as const };
    const byGran = { by: 'party' as const, personId: GRAN, role: 'other_attendee' as const };
    expect(cancelledByWords(byMark, laura)).toBe('the other parent');
    expect(cancelledByWords(byMark, gran)).toBe('one of the parents');
    expect(cancelledByWords(byGran, laura)).toBe('another adult who comes to the sessions');
    expect(cancelledByWords(byMark, marksSolicitor)).toBe('your client');
    expect(cancelledByWords(byMark, courtOfficer)).toBe('the non-resident parent');
    expect(cancelledByWords({ by: 'party', personId: LAURA, role: 'resident_parent' }, courtOfficer)).toBe(
      'the resident parent',
    );
    expect(cancelledByWords({ by: 'centre' }, laura)).toBe('the centre');
    expect(cancelledByWords({ by: 'professional' }, mark)).toBe('a professional working with the family');
  });
});

describe('a reminder', () => {
  it('reads as the centre writes it: own times, the place, what to bring, and one’s own phone', () => {
    const text = renderMessage(
      laura,
      rules,
      reminderMessage({
        recipient: laura,
        centre: { name: 'Riverside Contact Centre', email: 'hello@riverside.example.org' },
        session: {
          date: '2026-12-05',
          startTime: '10:00',
          endTime: '12:00',
          venueName: 'Riverside Contact Centre',
          venueAddress: '1 River Street, Riverside',
          roomName: 'Garden room',
        },
        own: { arrives: '09:45', leaves: '12:15', bringing: ['Ayo'] },
        bringing: { giftsAllowed: true, foodAllowed: false, photographsAllowed: false, phonesAllowed: false },
      }),
    );
    expect(text.subject).toBe('Reminder: your contact session on Saturday 5 December 2026, 09:45');
    expect(text.bodyText).toBe(
      [
        'Dear Laura,',
        '',
        'This is a reminder of your contact session on Saturday 5 December 2026.',
        'Please arrive at 09:45 and leave at 12:15.',
        'Please bring Ayo with you.',
        'Where: Riverside Contact Centre, 1 River Street, Riverside (Garden room)',
        '',
        'What to bring:',
        'You may bring a small gift.',
        'Please do not bring food or drink for the children.',
        'Please do not take photographs.',
        'Please keep your phone put away. Recordings of any kind are not allowed.',
        '',
        'If we need to reach you on the day, we will call 07700 900001. If that number has changed, please tell the centre.',
        'If you cannot come (at least 24 hours before the session if you can), please tell the centre as soon as you can at hello@riverside.example.org.',
        '',
        'Riverside Contact Centre',
      ].join('\n'),
    );
  });

  it('says what may be brought as the plan allows', () => {
    expect(
      bringingLines({
        giftsAllowed: false,
        foodAllowed: true,
        photographsAllowed: true,
        phonesAllowed: true,
      }),
    ).toEqual([
      'Please do not bring gifts.',
      'You may bring food and drink for the children.',
      'You may take photographs.',
      'You may use your phone, but recordings of any kind are not allowed.',
    ]);
  });
});
