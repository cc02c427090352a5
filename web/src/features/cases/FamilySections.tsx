import { Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconEyeOff } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ageOn, formatDay } from '../../lib/dates.js';
import { fullName, type CaseDetail, type Names, type Person } from './types.js';

/** A titled part of the case page, named by its heading for people who move through landmarks. */
export function CaseSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Stack gap="xs" component="section" aria-labelledby={id}>
      <Title order={2} size="h3" id={id} tabIndex={-1}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

export function PeopleSection({ record, names }: { record: CaseDetail; names: Names }) {
  const { t } = useTranslation();
  const adults = record.people.filter((person) => person.role !== 'child');
  const children = record.people.filter((person) => person.role === 'child');

  return (
    <CaseSection id="case-people-heading" title={t('case.people.title')}>
      <Title order={3} size="h4">
        {t('case.people.adults')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {adults.map((adult) => (
          <Adult key={adult.id} adult={adult} names={names} />
        ))}
      </SimpleGrid>
      <Title order={3} size="h4">
        {t('case.people.children')}
      </Title>
      <List spacing={4}>
        {children.map((child) => (
          <List.Item key={child.id}>
            <ChildLine child={child} />
          </List.Item>
        ))}
      </List>
    </CaseSection>
  );
}

function Adult({ adult, names }: { adult: Person; names: Names }) {
  const { t } = useTranslation();
  const name = fullName(adult);
  const current = adult.contactDetails.filter((detail) => detail.supersededAt === null);
  const hiddenFrom = adult.hiddenFrom.map((id) => names.get(id) ?? t('common.unknown'));

  return (
    <Paper withBorder p="md" component="article" aria-label={name}>
      <Stack gap={6}>
        <Text fw={700}>{name}</Text>
        <Text>{t(`case.people.roles.${adult.role}`)}</Text>
        {adult.relationshipToChildren && (
          <Text size="sm">
            {t('case.people.relationship', { relationship: adult.relationshipToChildren })}
          </Text>
        )}
        {adult.needs && <Text size="sm">{t('case.people.needs', { needs: adult.needs })}</Text>}
        {current.length === 0 ? (
          <Text size="sm">{t('case.people.noContact')}</Text>
        ) : (
          <dl className="case-details" aria-label={t('case.people.contactTitle', { name })}>
            {current.map((detail) => (
              <div key={detail.id}>
                <dt>{t(`case.people.kinds.${detail.kind}`)}</dt>
                <dd className="message-body">{detail.value ?? t('case.people.notShared')}</dd>
              </div>
            ))}
          </dl>
        )}
        {hiddenFrom.length > 0 && (
          <Group gap={6} wrap="nowrap" align="flex-start">
            <IconEyeOff size={18} aria-hidden="true" style={{ flexShrink: 0, marginTop: 3 }} />
            <Text size="sm" fw={600}>
              {t('case.people.hiddenFrom', { names: hiddenFrom.join(', ') })}
            </Text>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function ChildLine({ child }: { child: Person }) {
  const { t } = useTranslation();
  const age = child.dateOfBirth ? ageOn(child.dateOfBirth) : null;
  const ageWords = age
    ? age.years >= 1
      ? t('case.people.age', { count: age.years })
      : t('case.people.ageMonths', { count: age.months })
    : null;
  return (
    <Text>
      <strong>{fullName(child)}</strong>
      {', '}
      {ageWords && child.dateOfBirth
        ? `${ageWords} (${t('case.people.bornOn', { date: formatDay(child.dateOfBirth) })})`
        : t('case.people.noDateOfBirth')}
    </Text>
  );
}

export function ProfessionalsSection({ record, names }: { record: CaseDetail; names: Names }) {
  const { t } = useTranslation();
  return (
    <CaseSection id="case-professionals-heading" title={t('case.professionals.title')}>
      {record.professionals.length === 0 ? (
        <Text>{t('case.professionals.none')}</Text>
      ) : (
        <List spacing="xs">
          {record.professionals.map((professional) => {
            const actingFor = professional.actingForPersonId
              ? names.get(professional.actingForPersonId)
              : undefined;
            return (
              <List.Item key={professional.id}>
                <Text>
                  <strong>{professional.name}</strong>
                  {', '}
                  {t(`case.professionals.roles.${professional.role}`)}
                  {professional.organisation ? `, ${professional.organisation}` : ''}
                  {actingFor ? `, ${t('case.professionals.actingFor', { name: actingFor })}` : ''}
                </Text>
                {professional.email && (
                  <Text size="sm">{t('case.professionals.email', { email: professional.email })}</Text>
                )}
                {professional.phone && (
                  <Text size="sm">{t('case.professionals.phone', { phone: professional.phone })}</Text>
                )}
              </List.Item>
            );
          })}
        </List>
      )}
    </CaseSection>
  );
}

export function CourtOrderSection({ record }: { record: CaseDetail }) {
  const { t } = useTranslation();
  const order = record.courtOrders.find((item) => item.supersededAt === null);
  return (
    <CaseSection id="case-court-order-heading" title={t('case.courtOrder.title')}>
      {!order ? (
        <Text>{t('case.courtOrder.none')}</Text>
      ) : (
        <Stack gap={4}>
          <Text fw={700}>{t(`case.courtOrder.kinds.${order.kind}`)}</Text>
          <Text>{t('case.courtOrder.made', { court: order.court, date: formatDay(order.madeOn) })}</Text>
          {order.caseNumber && <Text>{t('case.courtOrder.caseNumber', { number: order.caseNumber })}</Text>}
          <Text>
            {order.endsOn
              ? t('case.courtOrder.endsOn', { date: formatDay(order.endsOn) })
              : t('case.courtOrder.noEnd')}
          </Text>
          {order.timeLimitAgreed && <Text>{t('case.courtOrder.timeLimitAgreed')}</Text>}
        </Stack>
      )}
    </CaseSection>
  );
}
