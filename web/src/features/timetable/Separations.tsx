import {
  Anchor,
  Button,
  Group,
  Modal,
  NativeSelect,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { separationBody, type SeparationView } from '../../../../shared/api/bookings.js';
import { useAddSeparation, useEndSeparation, useSeparations } from '../../api/bookings.js';
import { useCase, useCases } from '../../api/cases.js';
import { errorMessage } from '../../api/client.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { notifySuccess } from '../../components/notify.js';
import { LabelledCell, StackedTable } from '../../components/StackedTable.js';
import { useDialogTarget } from '../../components/useDialogTarget.js';
import { useFormFeedback } from '../../components/useFormFeedback.js';
import { formatDateTime } from '../../lib/dates.js';
import { schemaErrors } from '../../lib/validation.js';
import { canAtCentre } from '../../session/access.js';
import { useSignedInSession } from '../../session/SignedInSession.js';
import { useCurrentCentre } from '../../session/useCurrentCentre.js';
import { shortName } from './SessionParts.js';

const HEADING = 'separations-heading';

/**
 * Adults kept apart on site: those the families' risk assessments name, and those a coordinator set
 * (often across families, such as two adults with an order between them).
 */
export function Separations({ centreId }: { centreId: string }) {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const { timeZone } = useCurrentCentre();
  const separations = useSeparations(centreId);
  const end = useEndSeparation(centreId);
  const canManage = canAtCentre(session, centreId, 'timetable:manage');
  const canOpenCases = canAtCentre(session, centreId, 'case:read');
  const [adding, setAdding] = useState(false);
  const ending = useDialogTarget<SeparationView>();
  const column = {
    adults: t('timetable.apart.columns.adults'),
    minutes: t('timetable.apart.columns.minutes'),
    reason: t('timetable.apart.columns.reason'),
    source: t('timetable.apart.columns.source'),
    actions: t('common.actions'),
  };
  const pairNames = (pair: SeparationView) =>
    t('timetable.apart.pair', { first: shortName(pair.personA), second: shortName(pair.personB) });
  const afterDialog = () => {
    if (!document.activeElement || document.activeElement === document.body)
      document.getElementById(HEADING)?.focus();
  };

  const person = (who: SeparationView['personA']) => (
    <>
      {shortName(who)} (
      {canOpenCases ? (
        <Anchor component={Link} to={`/cases/${who.caseId}`}>
          {who.caseReference}
        </Anchor>
      ) : (
        who.caseReference
      )}
      )
    </>
  );

  return (
    <Stack gap="sm" component="section" aria-labelledby={HEADING}>
      <Title order={2} size="h3" id={HEADING} tabIndex={-1}>
        {t('timetable.apart.title')}
      </Title>
      <Text>{t('timetable.apart.intro')}</Text>
      {canManage && (
        <Button
          style={{ alignSelf: 'flex-start' }}
          leftSection={<IconUsersGroup size={18} aria-hidden="true" />}
          onClick={() => setAdding(true)}
        >
          {t('timetable.apart.add.open')}
        </Button>
      )}
      {separations.isPending ? (
        <Loading />
      ) : separations.isError ? (
        <LoadError error={separations.error} onRetry={() => void separations.refetch()} />
      ) : separations.data.items.length === 0 ? (
        <Text>{t('timetable.apart.none')}</Text>
      ) : (
        <StackedTable label={t('timetable.apart.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{column.adults}</Table.Th>
              <Table.Th>{column.minutes}</Table.Th>
              <Table.Th>{column.reason}</Table.Th>
              <Table.Th>{column.source}</Table.Th>
              {canManage && <Table.Th>{column.actions}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {separations.data.items.map((pair) => (
              <Table.Tr key={pair.id}>
                <LabelledCell label={column.adults}>
                  {person(pair.personA)} {t('timetable.apart.and')} {person(pair.personB)}
                </LabelledCell>
                <LabelledCell label={column.minutes}>
                  {t('timetable.apart.minutes', { count: pair.minutes })}
                </LabelledCell>
                <LabelledCell label={column.reason}>
                  {pair.reason ?? t('timetable.apart.fromAssessmentReason')}
                </LabelledCell>
                <LabelledCell label={column.source}>
                  {pair.source === 'risk_assessment'
                    ? t('timetable.apart.sources.risk_assessment')
                    : t('timetable.apart.sources.coordinator', {
                        when: formatDateTime(pair.createdAt, timeZone),
                      })}
                </LabelledCell>
                {canManage && (
                  <LabelledCell label={column.actions}>
                    {pair.source === 'coordinator' ? (
                      <Button
                        size="sm"
                        variant="default"
                        aria-label={t('timetable.apart.end.openFor', { names: pairNames(pair) })}
                        onClick={() => {
                          end.reset();
                          ending.open(pair);
                        }}
                      >
                        {t('timetable.apart.end.open')}
                      </Button>
                    ) : (
                      <Text size="sm">{t('timetable.apart.end.throughAssessment')}</Text>
                    )}
                  </LabelledCell>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </StackedTable>
      )}
      {canManage && (
        <>
          <AddSeparationDialog centreId={centreId} opened={adding} onClose={() => setAdding(false)} />
          <ConfirmDialog
            opened={ending.opened}
            title={t('timetable.apart.end.title')}
            message={
              ending.target ? t('timetable.apart.end.message', { names: pairNames(ending.target) }) : ''
            }
            confirmLabel={t('timetable.apart.end.confirm')}
            destructive
            pending={end.isPending}
            error={end.error ? errorMessage(end.error) : null}
            onConfirm={() => {
              const pair = ending.target;
              if (!pair) return;
              end.mutate(pair.id, {
                onSuccess: () => {
                  notifySuccess(t('timetable.apart.end.done', { names: pairNames(pair) }));
                  ending.close();
                },
              });
            }}
            onClose={ending.close}
            onExited={afterDialog}
          />
        </>
      )}
    </Stack>
  );
}

interface DialogProps {
  centreId: string;
  opened: boolean;
  onClose: () => void;
}

function AddSeparationDialog(props: DialogProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('timetable.apart.add.title')}>
      {props.opened && <AddSeparationForm {...props} />}
    </Modal>
  );
}

const FIELDS = [
  { name: 'caseA', id: 'separation-a-case' },
  { name: 'personAId', id: 'separation-a-person' },
  { name: 'caseB', id: 'separation-b-case' },
  { name: 'personBId', id: 'separation-b-person' },
  { name: 'minutes', id: 'separation-minutes' },
  { name: 'reason', id: 'separation-reason' },
];

interface Values {
  caseA: string;
  personAId: string;
  caseB: string;
  personBId: string;
  minutes: string;
  reason: string;
}

function AddSeparationForm({ centreId, onClose }: DialogProps) {
  const { t } = useTranslation();
  const cases = useCases(centreId);
  const add = useAddSeparation(centreId);
  const toBody = (values: Values) => ({
    personAId: values.personAId || undefined,
    personBId: values.personBId || undefined,
    minutes: values.minutes.trim() === '' ? undefined : Number(values.minutes.trim()),
    reason: values.reason,
  });
  const form = useForm<Values>({
    initialValues: { caseA: '', personAId: '', caseB: '', personBId: '', minutes: '', reason: '' },
    validate: (values) => {
      const errors = schemaErrors(separationBody, toBody(values), {
        personAId: t('timetable.apart.add.personMissing'),
        personBId: t('timetable.apart.add.personMissing'),
      });
      // Without a family chosen there is no adult to choose yet: say so beside the family.
      if (!values.caseA && errors.personAId) {
        errors.caseA = t('timetable.apart.add.familyMissing');
        delete errors.personAId;
      }
      if (!values.caseB && errors.personBId) {
        errors.caseB = t('timetable.apart.add.familyMissing');
        delete errors.personBId;
      }
      return errors;
    },
  });
  const feedback = useFormFeedback(form);
  const submit = form.onSubmit((values) => {
    feedback.clear();
    add.mutate(separationBody.parse(toBody(values)), {
      onSuccess: () => {
        notifySuccess(t('timetable.apart.add.done'));
        onClose();
      },
      onError: feedback.showError,
    });
  }, feedback.onInvalid);

  if (cases.isPending) return <Loading />;
  if (cases.isError) return <LoadError error={cases.error} onRetry={() => void cases.refetch()} />;
  const families = [
    { value: '', label: t('timetable.apart.add.chooseFamily') },
    ...cases.data.items
      .filter((item) => item.status !== 'closed')
      .map((item) => ({
        value: item.id,
        label: item.familyName
          ? t('timetable.apart.add.familyOption', { reference: item.reference, family: item.familyName })
          : item.reference,
      })),
  ];

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorSummary
          errors={form.errors}
          formError={feedback.formError}
          fields={FIELDS}
          attempt={feedback.attempt}
        />
        <Text>{t('timetable.apart.add.intro')}</Text>
        {(['A', 'B'] as const).map((side) => {
          const caseField = side === 'A' ? 'caseA' : 'caseB';
          const personField = side === 'A' ? 'personAId' : 'personBId';
          const legend = side === 'A' ? t('timetable.apart.add.first') : t('timetable.apart.add.second');
          return (
            <fieldset key={side} className="form-group" style={{ border: 0, padding: 0, margin: 0 }}>
              <Text component="legend" fw={700} mb="xs">
                {legend}
              </Text>
              <Stack gap="sm">
                <NativeSelect
                  id={`separation-${side.toLowerCase()}-case`}
                  size="md"
                  label={t('timetable.apart.add.family')}
                  data={families}
                  data-autofocus={side === 'A' ? true : undefined}
                  {...form.getInputProps(caseField)}
                  onChange={(event) => {
                    form.setFieldValue(caseField, event.currentTarget.value);
                    form.setFieldValue(personField, '');
                  }}
                />
                {form.values[caseField] && (
                  <AdultSelect
                    id={`separation-${side.toLowerCase()}-person`}
                    centreId={centreId}
                    caseId={form.values[caseField]}
                    value={form.values[personField]}
                    onChange={(event) => form.setFieldValue(personField, event.currentTarget.value)}
                    error={form.errors[personField]}
                  />
                )}
              </Stack>
            </fieldset>
          );
        })}
        <TextInput
          id="separation-minutes"
          size="md"
          inputMode="numeric"
          label={t('timetable.apart.add.minutes')}
          description={t('timetable.apart.add.minutesHint')}
          styles={{ wrapper: { maxWidth: 160 } }}
          {...form.getInputProps('minutes')}
        />
        <Textarea
          id="separation-reason"
          label={t('timetable.apart.add.reason')}
          description={t('timetable.apart.add.reasonHint')}
          minRows={2}
          {...form.getInputProps('reason')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={add.isPending}>
            {t('timetable.apart.add.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The adults of one family, loaded once the family is chosen. */
function AdultSelect({
  id,
  centreId,
  caseId,
  value,
  onChange,
  error,
}: {
  id: string;
  centreId: string;
  caseId: string;
  value: string;
  onChange: (event: React.ChangeEvent<HTMLSelectElement>) => void;
  error?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const found = useCase(centreId, caseId);
  if (found.isPending) return <Loading />;
  if (found.isError) return <LoadError error={found.error} onRetry={() => void found.refetch()} />;
  const adults = found.data.people.filter((person) => person.role !== 'child');
  return (
    <NativeSelect
      id={id}
      size="md"
      label={t('timetable.apart.add.adult')}
      data={[
        { value: '', label: t('timetable.apart.add.chooseAdult') },
        ...adults.map((adult) => ({ value: adult.id, label: `${adult.firstName} ${adult.lastName}` })),
      ]}
      value={value}
      onChange={onChange}
      error={error}
    />
  );
}
