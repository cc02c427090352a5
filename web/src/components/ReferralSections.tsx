import { Group, Stack, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ADULT_ROLES,
  ORDER_KINDS,
  PROTECTIVE_ORDER_KINDS,
  REFERRER_ROLES,
  RISK_FACTORS,
  SERVICES,
} from '../../../shared/api/referrals.js';
import { ageOn, formatDay } from '../lib/dates.js';

type Maybe = string | null | undefined;

/**
 * A referral as it reads on screen: the body as sent, or the answers so far on the form's check page,
 * where anything may still be missing.
 */
export interface ReferralView {
  referrer?: { name?: Maybe; organisation?: Maybe; role?: Maybe; email?: Maybe; phone?: Maybe };
  adults?: ReadonlyArray<{
    key?: Maybe;
    role?: Maybe;
    firstName?: Maybe;
    lastName?: Maybe;
    relationshipToChildren?: Maybe;
    dateOfBirth?: Maybe;
    address?: Maybe;
    phone?: Maybe;
    email?: Maybe;
    solicitorName?: Maybe;
    solicitorEmail?: Maybe;
  }>;
  children?: ReadonlyArray<{ firstName?: Maybe; lastName?: Maybe; dateOfBirth?: Maybe; needs?: Maybe }>;
  courtOrder?: {
    kind?: Maybe;
    court?: Maybe;
    madeOn?: Maybe;
    caseNumber?: Maybe;
    endsOn?: Maybe;
    timeLimitAgreed?: boolean | null;
  };
  risks?: {
    factors?: readonly string[];
    protectiveOrders?: ReadonlyArray<{
      kind?: Maybe;
      between?: readonly Maybe[];
      endsOn?: Maybe;
      notes?: Maybe;
    }>;
    details?: Maybe;
  };
  needs?: {
    language?: Maybe;
    interpreterNeeded?: boolean | null;
    interpreterLanguage?: Maybe;
    accessNeeds?: Maybe;
  };
  serviceRequested?: Maybe;
  notes?: Maybe;
}

export type ReferralSection =
  'centre' | 'referrer' | 'adults' | 'children' | 'courtOrder' | 'risks' | 'needs' | 'service';

function pick<T extends string>(list: readonly T[], value: Maybe): T | null {
  return list.find((item) => item === value) ?? null;
}

/** Plain-English names for the referral's fixed choices. */
export function useReferralTerms() {
  const { t } = useTranslation();
  return {
    referrerRole: (value: Maybe) => {
      const role = pick(REFERRER_ROLES, value);
      return role ? t(`referralTerms.referrerRoles.${role}`) : (value ?? '');
    },
    adultRole: (value: Maybe) => {
      const role = pick(ADULT_ROLES, value);
      return role ? t(`referralTerms.adultRoles.${role}`) : (value ?? '');
    },
    orderKind: (value: Maybe) => {
      const kind = pick(ORDER_KINDS, value);
      return kind ? t(`referralTerms.orderKinds.${kind}`) : (value ?? '');
    },
    service: (value: Maybe) => {
      const service = pick(SERVICES, value);
      return service ? t(`referralTerms.services.${service}`) : (value ?? '');
    },
    riskFactor: (value: Maybe) => {
      const factor = pick(RISK_FACTORS, value);
      return factor ? t(`referralTerms.riskFactors.${factor}`) : (value ?? '');
    },
    protectiveOrderKind: (value: Maybe) => {
      const kind = pick(PROTECTIVE_ORDER_KINDS, value);
      return kind ? t(`referralTerms.protectiveOrderKinds.${kind}`) : (value ?? '');
    },
  };
}

export function fullName(person: { firstName?: Maybe; lastName?: Maybe }): string {
  return [person.firstName, person.lastName]
    .map((part) => part?.trim() ?? '')
    .filter(Boolean)
    .join(' ');
}

/** "14 March 2016 (8 years old)". */
export function useBirthDate() {
  const { t } = useTranslation();
  return (dateOfBirth: Maybe): string | null => {
    if (!dateOfBirth) return null;
    const age = ageOn(dateOfBirth);
    if (!age) return formatDay(dateOfBirth);
    const words =
      age.years >= 1
        ? t('referralView.ageYears', { count: age.years })
        : t('referralView.ageMonths', { count: age.months });
    return t('referralView.bornOn', { date: formatDay(dateOfBirth), age: words });
  };
}

interface ReferralSectionsProps {
  referral: ReferralView;
  /** Shown as the first section when given: the centre the referral is for. */
  centreName?: string;
  /** Something beside each section's heading, such as a "Change" link on the check page. */
  action?: (section: ReferralSection) => ReactNode;
}

/** Everything in a referral, one section per topic, each answer under its question. */
export function ReferralSections({ referral, centreName, action }: ReferralSectionsProps) {
  const { t } = useTranslation();
  const terms = useReferralTerms();
  const birthDate = useBirthDate();
  const day = (value: Maybe) => (value ? formatDay(value) : null);
  const adults = referral.adults ?? [];
  const nameOfAdult = (key: Maybe) => {
    const adult = adults.find((item) => item.key === key);
    return adult ? fullName(adult) || t('referralView.unnamedAdult') : t('referralView.unknownAdult');
  };
  const order = referral.courtOrder ?? {};
  const hasOrder = order.kind === 'interim' || order.kind === 'final';
  const factors = referral.risks?.factors ?? [];
  const protectiveOrders = referral.risks?.protectiveOrders ?? [];
  const needs = referral.needs ?? {};

  return (
    <Stack gap="xl">
      {centreName !== undefined && (
        <Section title={t('referralView.sections.centre')} action={action?.('centre')}>
          <Answers>
            <Answer label={t('referralView.centre')}>{centreName}</Answer>
          </Answers>
        </Section>
      )}

      <Section title={t('referralView.sections.referrer')} action={action?.('referrer')}>
        <Answers>
          <Answer label={t('referralView.name')}>{referral.referrer?.name}</Answer>
          <Answer label={t('referralView.referrerRole')}>
            {terms.referrerRole(referral.referrer?.role) || null}
          </Answer>
          <Answer label={t('referralView.organisation')}>{referral.referrer?.organisation}</Answer>
          <Answer label={t('referralView.email')}>{referral.referrer?.email}</Answer>
          <Answer label={t('referralView.phone')}>{referral.referrer?.phone}</Answer>
        </Answers>
      </Section>

      <Section title={t('referralView.sections.adults')} action={action?.('adults')}>
        {adults.map((adult, index) => (
          <Stack gap="xs" key={adult.key ?? index}>
            <Title order={3} size="h4">
              {t('referralView.personWithRole', {
                name: fullName(adult) || t('referralView.unnamedAdult'),
                role: terms.adultRole(adult.role),
              })}
            </Title>
            <Answers>
              <Answer label={t('referralView.relationship')}>{adult.relationshipToChildren}</Answer>
              <Answer label={t('referralView.dateOfBirth')}>{day(adult.dateOfBirth)}</Answer>
              <Answer label={t('referralView.address')} multiline>
                {adult.address}
              </Answer>
              <Answer label={t('referralView.phone')}>{adult.phone}</Answer>
              <Answer label={t('referralView.email')}>{adult.email}</Answer>
              <Answer label={t('referralView.solicitor')}>
                {[adult.solicitorName, adult.solicitorEmail].filter(Boolean).join(', ') || null}
              </Answer>
            </Answers>
          </Stack>
        ))}
      </Section>

      <Section title={t('referralView.sections.children')} action={action?.('children')}>
        {(referral.children ?? []).map((child, index) => (
          <Stack gap="xs" key={index}>
            <Title order={3} size="h4">
              {fullName(child) || t('referralView.unnamedChild', { number: index + 1 })}
            </Title>
            <Answers>
              <Answer label={t('referralView.dateOfBirth')}>{birthDate(child.dateOfBirth)}</Answer>
              <Answer label={t('referralView.childNeeds')} multiline>
                {child.needs}
              </Answer>
            </Answers>
          </Stack>
        ))}
      </Section>

      <Section title={t('referralView.sections.courtOrder')} action={action?.('courtOrder')}>
        <Answers>
          <Answer label={t('referralView.orderKind')}>{terms.orderKind(order.kind) || null}</Answer>
          {hasOrder && (
            <>
              <Answer label={t('referralView.court')}>{order.court}</Answer>
              <Answer label={t('referralView.madeOn')}>{day(order.madeOn)}</Answer>
              <Answer label={t('referralView.caseNumber')}>{order.caseNumber}</Answer>
              <Answer label={t('referralView.endsOn')}>{day(order.endsOn)}</Answer>
            </>
          )}
          {order.kind === 'final' && (
            <Answer label={t('referralView.timeLimitAgreed')}>
              {order.timeLimitAgreed ? t('common.yes') : t('common.no')}
            </Answer>
          )}
        </Answers>
      </Section>

      <Section title={t('referralView.sections.risks')} action={action?.('risks')}>
        <Answers>
          <Answer label={t('referralView.riskFactors')}>
            {factors.length > 0 ? factors.map(terms.riskFactor).join(', ') : t('referralView.noneGiven')}
          </Answer>
          <Answer label={t('referralView.protectiveOrders')}>
            {protectiveOrders.length === 0 ? (
              t('referralView.noneGiven')
            ) : (
              <Stack gap="xs">
                {protectiveOrders.map((item, index) => (
                  <div key={index}>
                    <Text>
                      {t('referralView.protectiveOrder', {
                        kind: terms.protectiveOrderKind(item.kind) || t('referralView.orderOfUnknownKind'),
                        protected: nameOfAdult(item.between?.[0]),
                        against: nameOfAdult(item.between?.[1]),
                      })}
                      {item.endsOn
                        ? ` ${t('referralView.protectiveOrderEnds', { date: day(item.endsOn) })}`
                        : ''}
                    </Text>
                    {item.notes && <Text className="message-body">{item.notes}</Text>}
                  </div>
                ))}
              </Stack>
            )}
          </Answer>
          <Answer label={t('referralView.riskDetails')} multiline>
            {referral.risks?.details}
          </Answer>
        </Answers>
      </Section>

      <Section title={t('referralView.sections.needs')} action={action?.('needs')}>
        <Answers>
          <Answer label={t('referralView.language')}>{needs.language}</Answer>
          <Answer label={t('referralView.interpreter')}>
            {needs.interpreterNeeded
              ? needs.interpreterLanguage
                ? t('referralView.interpreterIn', { language: needs.interpreterLanguage })
                : t('common.yes')
              : t('common.no')}
          </Answer>
          <Answer label={t('referralView.accessNeeds')} multiline>
            {needs.accessNeeds}
          </Answer>
        </Answers>
      </Section>

      <Section title={t('referralView.sections.service')} action={action?.('service')}>
        <Answers>
          <Answer label={t('referralView.service')}>
            {terms.service(referral.serviceRequested) || null}
          </Answer>
          <Answer label={t('referralView.notes')} multiline>
            {referral.notes}
          </Answer>
        </Answers>
      </Section>
    </Stack>
  );
}

function Section({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) {
  const headingId = useId();
  return (
    <Stack component="section" gap="sm" aria-labelledby={headingId} className="answer-section">
      <Group justify="space-between" align="baseline" gap="sm">
        <Title order={2} size="h3" id={headingId}>
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </Stack>
  );
}

function Answers({ children }: { children: ReactNode }) {
  return <dl className="answer-list">{children}</dl>;
}

function Answer({ label, multiline, children }: { label: string; multiline?: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  const empty = children === null || children === undefined || children === '';
  return (
    <div className="answer-row">
      <dt>{label}</dt>
      <dd className={multiline ? 'message-body' : undefined}>{empty ? t('common.notGiven') : children}</dd>
    </div>
  );
}
