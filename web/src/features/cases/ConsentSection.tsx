import { Button, Group, Modal, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCircleCheck, IconClock, IconShieldCheck, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { consentBody } from '../../../../shared/api/caseRecord.js';
import { useRecordConsent, useWithdrawConsent } from '../../api/cases.js';
import { errorMessage } from '../../api/client.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { DayInput } from '../../components/DayInput.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { notifySuccess } from '../../components/notify.js';
import { LabelledCell, StackedTable } from '../../components/StackedTable.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { useDialogTarget } from '../../components/useDialogTarget.js';
import { useFormFeedback } from '../../components/useFormFeedback.js';
import { formatDateTime, formatDay, isCalendarDay } from '../../lib/dates.js';
import { schemaErrors } from '../../lib/validation.js';
import { useSignedInSession } from '../../session/SignedInSession.js';
import { useCurrentCentre } from '../../session/useCurrentCentre.js';
import { mayChangeCase } from './access.js';
import { CaseSection } from './FamilySections.js';
import { fullName, type CaseDetail } from './types.js';

type ChildConsent = CaseDetail['childConsents'][number];

const HEADING_ID = 'case-consent-heading';

/** Today on the centre's clock, as YYYY-MM-DD. */
const todayAt = (timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());

/**
 * Consent for each child's information: how old they are, whether a parent gives it (at or under the
 * centre's age) or the child does, who gave it and when; and, for those who may change the case, recording
 * and withdrawing it.
 */
export function ConsentSection({ record }: { record: CaseDetail }) {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const { timeZone } = useCurrentCentre();
  const withdraw = useWithdrawConsent(record.centreId, record.id);
  const recording = useDialogTarget<ChildConsent>();
  const withdrawing = useDialogTarget<ChildConsent>();
  const canChange = mayChangeCase(session, record);
  const column = {
    child: t('caseRecord.consent.columns.child'),
    consent: t('caseRecord.consent.columns.consent'),
    actions: t('caseRecord.consent.columns.actions'),
  };
  // The button that opened a dialog may be gone once it has done its work: start again from the heading.
  const afterDialog = () => {
    if (!document.activeElement || document.activeElement === document.body)
      document.getElementById(HEADING_ID)?.focus();
  };
  const ageWords = (child: ChildConsent) =>
    child.age === null
      ? t('caseRecord.consent.ageUnknown')
      : t('caseRecord.consent.age', { count: child.age });
  const givenWords = (consent: NonNullable<ChildConsent['current']>) =>
    consent.ownConsent
      ? t('caseRecord.consent.givenOwn', { date: formatDay(consent.givenOn) })
      : t('caseRecord.consent.givenBy', { name: consent.givenByName, date: formatDay(consent.givenOn) });
  const confirmWithdraw = () => {
    const child = withdrawing.target;
    if (!child?.current) return;
    withdraw.mutate(child.current.id, {
      onSuccess: () => {
        notifySuccess(t('caseRecord.consent.withdraw.done', { name: child.name }));
        withdrawing.close();
      },
    });
  };

  return (
    <CaseSection id={HEADING_ID} title={t('caseRecord.consent.title')}>
      <Text>{t('caseRecord.consent.intro', { age: record.parentalConsentUpToAge })}</Text>
      {record.childConsents.length === 0 ? (
        <Text>{t('caseRecord.consent.noChildren')}</Text>
      ) : (
        <StackedTable label={t('caseRecord.consent.tableLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{column.child}</Table.Th>
              <Table.Th>{column.consent}</Table.Th>
              {canChange && <Table.Th>{column.actions}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {record.childConsents.map((child) => (
              <Table.Tr key={child.childPersonId}>
                <LabelledCell label={column.child}>
                  <Text fw={600}>{child.name}</Text>
                  <Text size="sm">{ageWords(child)}</Text>
                  <Text size="sm">
                    {child.parentalConsentNeeded
                      ? t('caseRecord.consent.parentGives')
                      : t('caseRecord.consent.childGives')}
                  </Text>
                </LabelledCell>
                <LabelledCell label={column.consent}>
                  <Stack gap={4} align="flex-start">
                    <StatusBadge
                      tone={child.current ? 'good' : 'neutral'}
                      icon={
                        child.current ? (
                          <IconCircleCheck size={14} aria-hidden="true" />
                        ) : (
                          <IconClock size={14} aria-hidden="true" />
                        )
                      }
                    >
                      {child.current ? t('caseRecord.consent.recorded') : t('caseRecord.consent.notRecorded')}
                    </StatusBadge>
                    {child.current && (
                      <>
                        <Text size="sm">{givenWords(child.current)}</Text>
                        {child.current.recordedBy && (
                          <Text size="sm">
                            {t('caseRecord.consent.recordedBy', {
                              name: child.current.recordedBy,
                              when: formatDateTime(child.current.recordedAt, timeZone),
                            })}
                          </Text>
                        )}
                      </>
                    )}
                    {child.withdrawn.map((earlier) => (
                      <Text size="sm" key={earlier.id}>
                        {t('caseRecord.consent.withdrawnLine', {
                          given: givenWords(earlier),
                          when: earlier.withdrawnAt ? formatDateTime(earlier.withdrawnAt, timeZone) : '',
                        })}
                      </Text>
                    ))}
                  </Stack>
                </LabelledCell>
                {canChange && (
                  <LabelledCell label={column.actions}>
                    {child.current ? (
                      <Button
                        size="sm"
                        variant="default"
                        leftSection={<IconX size={18} aria-hidden="true" />}
                        aria-label={t('caseRecord.consent.withdraw.openFor', { name: child.name })}
                        onClick={() => {
                          withdraw.reset();
                          withdrawing.open(child);
                        }}
                      >
                        {t('caseRecord.consent.withdraw.open')}
                      </Button>
                    ) : (
                      <Button
                        size="sm"
                        variant="default"
                        leftSection={<IconShieldCheck size={18} aria-hidden="true" />}
                        aria-label={t('caseRecord.consent.record.openFor', { name: child.name })}
                        onClick={() => recording.open(child)}
                      >
                        {t('caseRecord.consent.record.open')}
                      </Button>
                    )}
                  </LabelledCell>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </StackedTable>
      )}
      <ConsentDialog
        record={record}
        child={recording.target}
        opened={recording.opened}
        onClose={recording.close}
        onExited={afterDialog}
      />
      <ConfirmDialog
        opened={withdrawing.opened}
        title={t('caseRecord.consent.withdraw.title', { name: withdrawing.target?.name ?? '' })}
        message={
          withdrawing.target?.current
            ? t('caseRecord.consent.withdraw.message', { given: givenWords(withdrawing.target.current) })
            : ''
        }
        confirmLabel={t('caseRecord.consent.withdraw.confirm')}
        destructive
        pending={withdraw.isPending}
        error={withdraw.error ? errorMessage(withdraw.error) : null}
        onConfirm={confirmWithdraw}
        onClose={withdrawing.close}
        onExited={afterDialog}
      />
    </CaseSection>
  );
}

interface ConsentDialogProps {
  record: CaseDetail;
  child: ChildConsent | null;
  opened: boolean;
  onClose: () => void;
  onExited: () => void;
}

function ConsentDialog(props: ConsentDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      onExitTransitionEnd={props.onExited}
      title={t('caseRecord.consent.record.title', { name: props.child?.name ?? '' })}
    >
      {props.opened && props.child && <ConsentForm {...props} child={props.child} />}
    </Modal>
  );
}

const CONSENT_FIELDS = [
  { name: 'givenByPersonId', id: 'consent-given-by' },
  { name: 'givenOn', id: 'consent-given-on' },
  { name: 'childPersonId', id: 'consent-given-by' },
];

function ConsentForm({ record, child, onClose }: ConsentDialogProps & { child: ChildConsent }) {
  const { t } = useTranslation();
  const { timeZone } = useCurrentCentre();
  const save = useRecordConsent(record.centreId, record.id);
  // A parent (resident or not) gives it for a child at or under the centre's age; an older child, themselves.
  const givers = child.parentalConsentNeeded
    ? record.people.filter((p) => p.role === 'resident_parent' || p.role === 'non_resident_parent')
    : record.people.filter((p) => p.id === child.childPersonId);
  const toBody = (values: { givenByPersonId: string; givenOn: string }) => ({
    childPersonId: child.childPersonId,
    givenByPersonId: values.givenByPersonId || undefined,
    givenOn: isCalendarDay(values.givenOn) ? values.givenOn : undefined,
  });
  const form = useForm({
    initialValues: { givenByPersonId: givers[0]?.id ?? '', givenOn: todayAt(timeZone) },
    validate: (values) =>
      schemaErrors(consentBody, toBody(values), {
        givenByPersonId: t('caseRecord.consent.record.givenByMissing'),
        givenOn: t('caseRecord.consent.record.givenOnMissing'),
      }),
  });
  const feedback = useFormFeedback(form);
  const submit = form.onSubmit((values) => {
    feedback.clear();
    save.mutate(consentBody.parse(toBody(values)), {
      onSuccess: () => {
        notifySuccess(t('caseRecord.consent.record.done', { name: child.name }));
        onClose();
      },
      onError: feedback.showErrorBeside(['givenByPersonId', 'givenOn']),
    });
  }, feedback.onInvalid);

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorSummary
          errors={form.errors}
          formError={feedback.formError}
          fields={CONSENT_FIELDS}
          attempt={feedback.attempt}
        />
        <Text>
          {child.parentalConsentNeeded
            ? t('caseRecord.consent.record.parentIntro', {
                name: child.name,
                age: record.parentalConsentUpToAge,
              })
            : t('caseRecord.consent.record.ownIntro', {
                name: child.name,
                age: record.parentalConsentUpToAge,
              })}
        </Text>
        <NativeSelect
          id="consent-given-by"
          size="md"
          label={t('caseRecord.consent.record.givenBy')}
          data={givers.map((person) => ({
            value: person.id,
            label:
              person.role === 'child'
                ? t('caseRecord.consent.record.themselves', { name: fullName(person) })
                : `${fullName(person)} (${t(`case.people.roles.${person.role}`)})`,
          }))}
          data-autofocus
          {...form.getInputProps('givenByPersonId')}
        />
        <DayInput
          id="consent-given-on"
          label={t('caseRecord.consent.record.givenOn')}
          {...form.getInputProps('givenOn')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('caseRecord.consent.record.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
