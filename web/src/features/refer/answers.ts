/**
 * The referral form's answers: what the form holds (and the draft stores), the steps they are asked in,
 * how they become the body the server checks, and the checks of each step with the shared schemas.
 * Field names are the body's own dotted paths ("adults.1.email"), so the server's 400 details land
 * beside the same inputs.
 */
import { z } from 'zod';
import {
  ADULT_ROLES,
  courtOrder,
  needs,
  referralAdult,
  referralBody,
  referralChild,
  referrer,
  risks,
} from '../../../../shared/api/referrals.js';
import type { SummaryField } from '../../components/ErrorSummary.js';
import i18n from '../../i18n/index.js';
import { schemaErrors, type FieldErrors } from '../../lib/validation.js';

export const QUESTION_STEPS = [
  'centre',
  'about-you',
  'adults',
  'children',
  'court-order',
  'risks',
  'needs',
  'service',
] as const;
export type QuestionStep = (typeof QUESTION_STEPS)[number];
export type Step = QuestionStep | 'check';
export const STEPS: readonly Step[] = [...QUESTION_STEPS, 'check'];

export function asStep(value: string | undefined): Step | null {
  return STEPS.find((step) => step === value) ?? null;
}

export function stepNumber(step: Step): number {
  return STEPS.indexOf(step) + 1;
}

export function previousStep(step: Step): Step | null {
  return STEPS[STEPS.indexOf(step) - 1] ?? null;
}

export function nextStep(step: Step): Step {
  return STEPS[STEPS.indexOf(step) + 1] ?? 'check';
}

/** The later of two steps: where to resume. */
export function furthest(a: Step, b: Step): Step {
  return STEPS.indexOf(a) >= STEPS.indexOf(b) ? a : b;
}

type AdultRole = (typeof ADULT_ROLES)[number];

export interface AdultAnswers {
  /** Chosen here (a, b, c…) so that protective orders can name adults before they have ids. */
  key: string;
  role: AdultRole;
  firstName: string;
  lastName: string;
  relationshipToChildren: string;
  /** YYYY-MM-DD, or the text as typed while it is not a date. */
  dateOfBirth: string;
  address: string;
  phone: string;
  email: string;
  solicitorName: string;
  solicitorEmail: string;
}

export interface ChildAnswers {
  /** Only for the form's list; not sent. */
  key: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  needs: string;
}

export interface ProtectiveOrderAnswers {
  key: string;
  kind: string;
  /** Adult keys: the person protected, then the person the order is against. */
  between: [string, string];
  endsOn: string;
  notes: string;
}

/** Everything typed so far. Empty text is ''; a choice not made yet is ''. */
export interface ReferralAnswers {
  centreId: string;
  referrer: { name: string; organisation: string; role: string; email: string; phone: string };
  adults: AdultAnswers[];
  children: ChildAnswers[];
  courtOrder: {
    kind: string;
    court: string;
    madeOn: string;
    caseNumber: string;
    endsOn: string;
    timeLimitAgreed: boolean;
  };
  risks: { factors: string[]; protectiveOrders: ProtectiveOrderAnswers[]; details: string };
  needs: { language: string; interpreterNeeded: boolean; interpreterLanguage: string; accessNeeds: string };
  serviceRequested: string;
  notes: string;
  /** The furthest step reached, where a resumed draft opens. */
  step: Step;
}

export function emptyAdult(key: string, role: AdultRole): AdultAnswers {
  return {
    key,
    role,
    firstName: '',
    lastName: '',
    relationshipToChildren: '',
    dateOfBirth: '',
    address: '',
    phone: '',
    email: '',
    solicitorName: '',
    solicitorEmail: '',
  };
}

export function emptyChild(key: string): ChildAnswers {
  return { key, firstName: '', lastName: '', dateOfBirth: '', needs: '' };
}

export function emptyProtectiveOrder(key: string): ProtectiveOrderAnswers {
  return { key, kind: '', between: ['', ''], endsOn: '', notes: '' };
}

export function emptyAnswers(): ReferralAnswers {
  return {
    centreId: '',
    referrer: { name: '', organisation: '', role: '', email: '', phone: '' },
    adults: [emptyAdult('a', 'resident_parent'), emptyAdult('b', 'non_resident_parent')],
    children: [emptyChild('a')],
    courtOrder: { kind: '', court: '', madeOn: '', caseNumber: '', endsOn: '', timeLimitAgreed: false },
    risks: { factors: [], protectiveOrders: [], details: '' },
    needs: { language: '', interpreterNeeded: false, interpreterLanguage: '', accessNeeds: '' },
    serviceRequested: '',
    notes: '',
    step: 'centre',
  };
}

/** A key not used yet in a list: a, b, c… */
export function unusedKey(used: readonly string[]): string {
  for (let code = 97; code < 123; code += 1) {
    const key = String.fromCharCode(code);
    if (!used.includes(key)) return key;
  }
  return `k${used.length}`;
}

// Reading a saved draft back: whatever is missing or malformed falls back to empty, never an error.
const text = z.string().max(10_000).catch('');
const flag = z.boolean().catch(false);
const key = z
  .string()
  .regex(/^[a-z0-9-]{1,20}$/)
  .catch('');
const storedAnswers = z.object({
  centreId: text,
  referrer: z
    .object({ name: text, organisation: text, role: text, email: text, phone: text })
    .catch(emptyAnswers().referrer),
  adults: z
    .array(
      z.object({
        key,
        role: z.enum(ADULT_ROLES).catch('other_attendee'),
        firstName: text,
        lastName: text,
        relationshipToChildren: text,
        dateOfBirth: text,
        address: text,
        phone: text,
        email: text,
        solicitorName: text,
        solicitorEmail: text,
      }),
    )
    .max(8)
    .catch(emptyAnswers().adults),
  children: z
    .array(z.object({ key, firstName: text, lastName: text, dateOfBirth: text, needs: text }))
    .max(10)
    .catch(emptyAnswers().children),
  courtOrder: z
    .object({
      kind: text,
      court: text,
      madeOn: text,
      caseNumber: text,
      endsOn: text,
      timeLimitAgreed: flag,
    })
    .catch(emptyAnswers().courtOrder),
  risks: z
    .object({
      factors: z.array(z.string().max(60)).max(20).catch([]),
      protectiveOrders: z
        .array(
          z.object({
            key,
            kind: text,
            between: z.tuple([text, text]).catch(['', '']),
            endsOn: text,
            notes: text,
          }),
        )
        .max(10)
        .catch([]),
      details: text,
    })
    .catch(emptyAnswers().risks),
  needs: z
    .object({ language: text, interpreterNeeded: flag, interpreterLanguage: text, accessNeeds: text })
    .catch(emptyAnswers().needs),
  serviceRequested: text,
  notes: text,
  step: z.enum([...QUESTION_STEPS, 'check']).catch('centre'),
});

/** The answers of a saved draft, made whole: the two parents first, every list item with its own key. */
export function readAnswers(saved: unknown, centreId: string | null): ReferralAnswers {
  const answers: ReferralAnswers = storedAnswers.parse(saved ?? {});
  const adults = answers.adults.filter((adult) => adult.role === 'other_attendee');
  const resident =
    answers.adults.find((adult) => adult.role === 'resident_parent') ?? emptyAdult('', 'resident_parent');
  const other =
    answers.adults.find((adult) => adult.role === 'non_resident_parent') ??
    emptyAdult('', 'non_resident_parent');
  answers.adults = withKeys([resident, other, ...adults]);
  answers.children = withKeys(answers.children.length > 0 ? answers.children : [emptyChild('')]);
  answers.risks.protectiveOrders = withKeys(answers.risks.protectiveOrders);
  if (!answers.centreId && centreId) answers.centreId = centreId;
  return answers;
}

function withKeys<T extends { key: string }>(items: T[]): T[] {
  const used: string[] = [];
  return items.map((item) => {
    const itemKey = item.key && !used.includes(item.key) ? item.key : unusedKey(used);
    used.push(itemKey);
    return { ...item, key: itemKey };
  });
}

const optional = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());

/**
 * The body as the server wants it, from the answers as typed. Not yet checked: a choice not made is left
 * out, so the schema says what is missing. Answers a choice has hidden (court details when there is no
 * order) stay in the form but are not sent.
 */
export function toBody(answers: ReferralAnswers) {
  const order = answers.courtOrder;
  return {
    centreId: optional(answers.centreId),
    referrer: {
      name: answers.referrer.name,
      organisation: optional(answers.referrer.organisation),
      role: optional(answers.referrer.role),
      email: answers.referrer.email.trim(),
      phone: optional(answers.referrer.phone),
    },
    adults: answers.adults.map((adult) => ({
      key: adult.key,
      role: adult.role,
      firstName: adult.firstName,
      lastName: adult.lastName,
      dateOfBirth: optional(adult.dateOfBirth),
      email: optional(adult.email),
      phone: optional(adult.phone),
      address: optional(adult.address),
      relationshipToChildren: optional(adult.relationshipToChildren),
      solicitorName: optional(adult.solicitorName),
      solicitorEmail: optional(adult.solicitorEmail),
    })),
    children: answers.children.map((child) => ({
      firstName: child.firstName,
      lastName: child.lastName,
      dateOfBirth: optional(child.dateOfBirth),
      needs: optional(child.needs),
    })),
    courtOrder:
      order.kind === 'none' || order.kind === ''
        ? { kind: optional(order.kind) }
        : {
            kind: order.kind,
            court: optional(order.court),
            madeOn: optional(order.madeOn),
            caseNumber: optional(order.caseNumber),
            endsOn: optional(order.endsOn),
            timeLimitAgreed: order.kind === 'final' ? order.timeLimitAgreed : undefined,
          },
    risks: {
      factors: answers.risks.factors,
      protectiveOrders: answers.risks.protectiveOrders.map((item) => ({
        kind: optional(item.kind),
        between: item.between,
        endsOn: optional(item.endsOn),
        notes: optional(item.notes),
      })),
      details: optional(answers.risks.details),
    },
    needs: {
      language: optional(answers.needs.language),
      interpreterNeeded: answers.needs.interpreterNeeded,
      interpreterLanguage: answers.needs.interpreterNeeded
        ? optional(answers.needs.interpreterLanguage)
        : undefined,
      accessNeeds: optional(answers.needs.accessNeeds),
    },
    serviceRequested: optional(answers.serviceRequested),
    notes: optional(answers.notes),
  };
}
export type DraftReferral = ReturnType<typeof toBody>;

/** The id of the input for a field name: "adults.1.email" is in "ref-adults-1-email". */
export function fieldId(name: string): string {
  return `ref-${name.replaceAll('.', '-')}`;
}

/** Which step asks for a field, from the first part of its name. */
export function stepOfField(name: string): QuestionStep {
  const [first = ''] = name.split('.');
  switch (first) {
    case 'centreId':
      return 'centre';
    case 'referrer':
      return 'about-you';
    case 'adults':
      return 'adults';
    case 'children':
      return 'children';
    case 'courtOrder':
      return 'court-order';
    case 'risks':
      return 'risks';
    case 'needs':
      return 'needs';
    default:
      return 'service';
  }
}

/** The fields of a step in the order they appear, for its error summary. */
export function stepFields(step: QuestionStep, answers: ReferralAnswers): SummaryField[] {
  const field = (name: string, id = fieldId(name)) => ({ name, id });
  switch (step) {
    case 'centre':
      return [field('centreId')];
    case 'about-you':
      return ['name', 'organisation', 'role', 'email', 'phone'].map((name) => field(`referrer.${name}`));
    case 'adults':
      return [
        field('adults', fieldId('adults.0.firstName')),
        ...answers.adults.flatMap((_, index) =>
          [
            'firstName',
            'lastName',
            'relationshipToChildren',
            'dateOfBirth',
            'address',
            'phone',
            'email',
            'solicitorName',
            'solicitorEmail',
          ].map((name) => field(`adults.${index}.${name}`)),
        ),
      ];
    case 'children':
      return [
        ...answers.children.flatMap((_, index) =>
          ['firstName', 'lastName', 'dateOfBirth', 'needs'].map((name) => field(`children.${index}.${name}`)),
        ),
        field('children', 'ref-children-add'),
      ];
    case 'court-order':
      return ['kind', 'court', 'madeOn', 'caseNumber', 'endsOn', 'timeLimitAgreed'].map((name) =>
        field(`courtOrder.${name}`),
      );
    case 'risks':
      return [
        field('risks.factors'),
        ...answers.risks.protectiveOrders.flatMap((_, index) => {
          const path = `risks.protectiveOrders.${index}`;
          return [
            field(`${path}.kind`),
            field(`${path}.between`, fieldId(`${path}.between.0`)),
            field(`${path}.between.0`),
            field(`${path}.between.1`),
            field(`${path}.endsOn`),
            field(`${path}.notes`),
          ];
        }),
        field('risks.details'),
      ];
    case 'needs':
      return ['language', 'interpreterNeeded', 'interpreterLanguage', 'accessNeeds'].map((name) =>
        field(`needs.${name}`),
      );
    case 'service':
      return [field('serviceRequested'), field('notes')];
  }
}

const stepSchemas = {
  centre: z.object({ centreId: referralBody.shape.centreId }),
  'about-you': z.object({ referrer }),
  adults: z.object({ adults: z.array(referralAdult) }),
  children: z.object({ children: z.array(referralChild) }),
  'court-order': z.object({ courtOrder }),
  risks: z.object({ risks }),
  needs: z.object({ needs }),
  service: z.object({
    serviceRequested: referralBody.shape.serviceRequested,
    notes: referralBody.shape.notes,
  }),
} satisfies Record<QuestionStep, z.ZodType>;

/** How a person in the form is named in a message: "the parent the children live with", "child 2". */
function who(list: 'adults' | 'children', index: number, answers: ReferralAnswers): string {
  const t = i18n.t.bind(i18n);
  if (list === 'children') return t('refer.who.child', { number: index + 1 });
  const role = answers.adults[index]?.role;
  if (role === 'resident_parent') return t('refer.who.resident_parent');
  if (role === 'non_resident_parent') return t('refer.who.non_resident_parent');
  return t('refer.who.other_attendee', { number: index - 1 });
}

/** The checks of one step: the shared schema's, plus the few the form adds for clearer messages. */
export function stepErrors(step: QuestionStep, answers: ReferralAnswers): FieldErrors {
  const t = i18n.t.bind(i18n);
  const body = toBody(answers);
  const errors = schemaErrors(stepSchemas[step], body, {
    centreId: t('refer.centre.choose'),
    'referrer.role': t('refer.aboutYou.chooseRole'),
  });

  // The same "Enter a name" five times in the summary would not say which is which.
  const named = (list: 'adults' | 'children', items: { firstName: string; lastName: string }[]) =>
    items.forEach((item, index) => {
      if (!item.firstName.trim()) {
        errors[`${list}.${index}.firstName`] = t('refer.errors.firstName', {
          who: who(list, index, answers),
        });
      }
      if (!item.lastName.trim()) {
        errors[`${list}.${index}.lastName`] = t('refer.errors.lastName', { who: who(list, index, answers) });
      }
    });

  switch (step) {
    case 'about-you':
      if (!answers.referrer.name.trim()) errors['referrer.name'] = t('refer.errors.yourName');
      if (!answers.referrer.email.trim()) errors['referrer.email'] = t('refer.errors.yourEmail');
      break;
    case 'adults':
      named('adults', answers.adults);
      break;
    case 'children':
      named('children', answers.children);
      answers.children.forEach((child, index) => {
        if (!child.dateOfBirth.trim()) {
          errors[`children.${index}.dateOfBirth`] = t('refer.errors.childBirthDate', {
            who: who('children', index, answers),
          });
        }
      });
      if (answers.children.length === 0) errors.children = t('refer.errors.noChildren');
      break;
    case 'risks':
      answers.risks.protectiveOrders.forEach((order, index) => {
        const path = `risks.protectiveOrders.${index}`;
        const keys = answers.adults.map((adult) => adult.key);
        const [protectedKey, againstKey] = order.between;
        if (!order.kind) errors[`${path}.kind`] = t('refer.risks.errors.kind');
        if (!keys.includes(protectedKey)) errors[`${path}.between.0`] = t('refer.risks.errors.protected');
        if (!keys.includes(againstKey)) errors[`${path}.between.1`] = t('refer.risks.errors.against');
        else if (protectedKey === againstKey) errors[`${path}.between.1`] = t('refer.risks.errors.same');
        delete errors[`${path}.between`];
      });
      break;
    default:
      break;
  }
  return errors;
}

/** Every step's checks, then the rules across steps (both parents named, orders between named adults). */
export function allErrors(answers: ReferralAnswers): FieldErrors {
  const errors: FieldErrors = {};
  for (const step of QUESTION_STEPS) Object.assign(errors, stepErrors(step, answers));
  const whole = schemaErrors(referralBody, toBody(answers));
  for (const [name, message] of Object.entries(whole)) {
    const covered = Object.keys(errors).some((known) => known === name || known.startsWith(`${name}.`));
    if (!covered) errors[name] = message;
  }
  return errors;
}

/** Only the errors of one step. */
export function errorsOfStep(errors: Record<string, unknown>, step: QuestionStep): FieldErrors {
  const own: FieldErrors = {};
  for (const [name, message] of Object.entries(errors)) {
    if (message && stepOfField(name) === step) own[name] = String(message);
  }
  return own;
}
