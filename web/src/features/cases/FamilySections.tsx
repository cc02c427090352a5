import { Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconEyeOff, IconGavel, IconUserMinus, IconUserPlus } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useEndProfessional } from '../../api/cases.js';
import { errorMessage } from '../../api/client.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { notifySuccess } from '../../components/notify.js';
import { useDialogTarget } from '../../components/useDialogTarget.js';
import { ageOn, formatDateTime, formatDay } from '../../lib/dates.js';
import { useSignedInSession } from '../../session/SignedInSession.js';
import { useCurrentCentre } from '../../session/useCurrentCentre.js';
import { mayChangeCase } from './access.js';
import { CourtOrderDialog, ProfessionalDialog } from './RecordDialogs.js';
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

type Professional = CaseDetail['professionals'][number];
type CourtOrder = CaseDetail['courtOrders'][number];

const PROFESSIONALS_HEADING = 'case-professionals-heading';
const COURT_ORDER_HEADING = 'case-court-order-heading';

/** Back to a section's heading once the button that opened a dialog has gone with the change it made. */
const focusHeadingIfLost = (id: string) => () => {
  if (!document.activeElement || document.activeElement === document.body)
    document.getElementById(id)?.focus();
};

/** The professionals around the family: those involved now, and those whose part has ended. */
export function ProfessionalsSection({ record, names }: { record: CaseDetail; names: Names }) {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const { timeZone } = useCurrentCentre();
  const canChange = mayChangeCase(session, record);
  const [adding, setAdding] = useState(false);
  const ending = useDialogTarget<Professional>();
  const end = useEndProfessional(record.centreId, record.id);
  const current = record.professionals.filter((professional) => professional.endedAt === null);
  const former = record.professionals.filter((professional) => professional.endedAt !== null);
  const confirmEnd = () => {
    const professional = ending.target;
    if (!professional) return;
    end.mutate(professional.id, {
      onSuccess: () => {
        notifySuccess(t('caseRecord.professionals.end.done', { name: professional.name }));
        ending.close();
      },
    });
  };
  const line = (professional: Professional) => {
    const actingFor = professional.actingForPersonId ? names.get(professional.actingForPersonId) : undefined;
    return (
      <Text>
        <strong>{professional.name}</strong>
        {', '}
        {t(`case.professionals.roles.${professional.role}`)}
        {professional.organisation ? `, ${professional.organisation}` : ''}
        {actingFor
          ? `, ${t('case.professionals.actingFor', { name: actingFor })}`
          : `, ${t('caseRecord.professionals.forTheCourt')}`}
      </Text>
    );
  };

  return (
    <CaseSection id={PROFESSIONALS_HEADING} title={t('case.professionals.title')}>
      {current.length === 0 ? (
        <Text>{t('case.professionals.none')}</Text>
      ) : (
        <List spacing="xs">
          {current.map((professional) => (
            <List.Item key={professional.id}>
              {line(professional)}
              {professional.email && (
                <Text size="sm">{t('case.professionals.email', { email: professional.email })}</Text>
              )}
              {professional.phone && (
                <Text size="sm">{t('case.professionals.phone', { phone: professional.phone })}</Text>
              )}
              {canChange && (
                <Button
                  mt={4}
                  size="sm"
                  variant="default"
                  leftSection={<IconUserMinus size={18} aria-hidden="true" />}
                  aria-label={t('caseRecord.professionals.end.openFor', { name: professional.name })}
                  onClick={() => {
                    end.reset();
                    ending.open(professional);
                  }}
                >
                  {t('caseRecord.professionals.end.open')}
                </Button>
              )}
            </List.Item>
          ))}
        </List>
      )}
      {former.length > 0 && (
        <>
          <Title order={3} size="h4">
            {t('caseRecord.professionals.former')}
          </Title>
          <List spacing="xs">
            {former.map((professional) => (
              <List.Item key={professional.id}>
                {line(professional)}
                <Text size="sm">
                  {t('caseRecord.professionals.endedOn', {
                    when: formatDateTime(professional.endedAt!, timeZone),
                  })}
                </Text>
              </List.Item>
            ))}
          </List>
        </>
      )}
      {canChange && (
        <Button
          style={{ alignSelf: 'flex-start' }}
          leftSection={<IconUserPlus size={18} aria-hidden="true" />}
          onClick={() => setAdding(true)}
        >
          {t('caseRecord.professionals.form.open')}
        </Button>
      )}
      <ProfessionalDialog record={record} opened={adding} onClose={() => setAdding(false)} />
      <ConfirmDialog
        opened={ending.opened}
        title={t('caseRecord.professionals.end.title', { name: ending.target?.name ?? '' })}
        message={t('caseRecord.professionals.end.message', { name: ending.target?.name ?? '' })}
        confirmLabel={t('caseRecord.professionals.end.confirm')}
        destructive
        pending={end.isPending}
        error={end.error ? errorMessage(end.error) : null}
        onConfirm={confirmEnd}
        onClose={ending.close}
        onExited={focusHeadingIfLost(PROFESSIONALS_HEADING)}
      />
    </CaseSection>
  );
}

function OrderDetails({ order }: { order: CourtOrder }) {
  const { t } = useTranslation();
  return (
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
  );
}

/** The court order in force, the orders it replaced, and recording a new one. */
export function CourtOrderSection({ record }: { record: CaseDetail }) {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const { timeZone } = useCurrentCentre();
  const [adding, setAdding] = useState(false);
  const order = record.courtOrders.find((item) => item.supersededAt === null);
  const earlier = record.courtOrders.filter((item) => item.supersededAt !== null);
  return (
    <CaseSection id={COURT_ORDER_HEADING} title={t('case.courtOrder.title')}>
      {!order ? <Text>{t('case.courtOrder.none')}</Text> : <OrderDetails order={order} />}
      {earlier.length > 0 && (
        <>
          <Title order={3} size="h4">
            {t('caseRecord.courtOrder.earlier')}
          </Title>
          <List spacing="xs">
            {earlier.map((item) => (
              <List.Item key={item.id}>
                <Text>
                  {t('caseRecord.courtOrder.earlierLine', {
                    kind: t(`case.courtOrder.kinds.${item.kind}`),
                    court: item.court,
                    date: formatDay(item.madeOn),
                  })}
                </Text>
                <Text size="sm">
                  {t('caseRecord.courtOrder.supersededOn', {
                    when: formatDateTime(item.supersededAt!, timeZone),
                  })}
                </Text>
              </List.Item>
            ))}
          </List>
        </>
      )}
      {mayChangeCase(session, record) && (
        <Button
          style={{ alignSelf: 'flex-start' }}
          leftSection={<IconGavel size={18} aria-hidden="true" />}
          onClick={() => setAdding(true)}
        >
          {t('caseRecord.courtOrder.form.open')}
        </Button>
      )}
      <CourtOrderDialog
        record={record}
        opened={adding}
        onClose={() => setAdding(false)}
        onExited={focusHeadingIfLost(COURT_ORDER_HEADING)}
      />
    </CaseSection>
  );
}
