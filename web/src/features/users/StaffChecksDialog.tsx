import { Alert, Button, Fieldset, Group, List, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../shared/api/admin.js';
import { staffChecksBody, type StaffChecksView } from '../../../../shared/api/staff-checks.js';
import { useRecordStaffChecks, useStaffChecks } from '../../api/venues.js';
import { DayInput } from '../../components/DayInput.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { notifySuccess } from '../../components/notify.js';
import { useFormFeedback } from '../../components/useFormFeedback.js';
import { formatDay } from '../../lib/dates.js';
import { schemaErrors } from '../../lib/validation.js';
import { actionsButtonId } from './roleOptions.js';

const FIELDS = [
  { name: 'dbsNumber', id: 'checks-dbs-number' },
  { name: 'dbsCheckedOn', id: 'checks-dbs-checked-on' },
  { name: 'dbsRecheckBy', id: 'checks-dbs-recheck-by' },
  { name: 'trainingCompletedOn', id: 'checks-training-completed-on' },
  { name: 'trainingExpiresOn', id: 'checks-training-expires-on' },
];

interface ChecksValues {
  dbsNumber: string;
  dbsCheckedOn: string;
  dbsRecheckBy: string;
  trainingCompletedOn: string;
  trainingExpiresOn: string;
}

const toBody = (values: ChecksValues) => ({
  dbsNumber: values.dbsNumber.trim() || null,
  dbsCheckedOn: values.dbsCheckedOn || null,
  dbsRecheckBy: values.dbsRecheckBy || null,
  trainingCompletedOn: values.trainingCompletedOn || null,
  trainingExpiresOn: values.trainingExpiresOn || null,
});

/** A staff member's criminal-record check and training dates: only people whose checks are current go on a session. */
export function StaffChecksDialog({
  user,
  opened,
  onClose,
}: {
  user: UserView | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={user ? t('staffChecks.title', { name: user.displayName }) : ''}
      onExitTransitionEnd={() => user && document.getElementById(actionsButtonId(user.id))?.focus()}
    >
      {opened && user && <ChecksLoader userId={user.id} onDone={onClose} />}
    </Modal>
  );
}

function ChecksLoader({ userId, onDone }: { userId: string; onDone: () => void }) {
  const checks = useStaffChecks(userId);
  if (checks.isPending) return <Loading />;
  if (checks.isError) return <LoadError error={checks.error} onRetry={() => void checks.refetch()} />;
  return <ChecksForm checks={checks.data} onDone={onDone} />;
}

function ChecksForm({ checks, onDone }: { checks: StaffChecksView; onDone: () => void }) {
  const { t } = useTranslation();
  const record = useRecordStaffChecks(checks.userId);
  const form = useForm<ChecksValues>({
    initialValues: {
      dbsNumber: checks.dbsNumber ?? '',
      dbsCheckedOn: checks.dbsCheckedOn ?? '',
      dbsRecheckBy: checks.dbsRecheckBy ?? '',
      trainingCompletedOn: checks.trainingCompletedOn ?? '',
      trainingExpiresOn: checks.trainingExpiresOn ?? '',
    },
    validate: (values) => schemaErrors(staffChecksBody, toBody(values)),
  });
  const feedback = useFormFeedback(form);
  const { status } = checks;

  const submit = form.onSubmit((values) => {
    feedback.clear();
    record.mutate(staffChecksBody.parse(toBody(values)), {
      onSuccess: (saved) => {
        notifySuccess(
          saved.status.current
            ? t('staffChecks.savedCurrent', { name: saved.displayName })
            : t('staffChecks.savedNotCurrent', { name: saved.displayName }),
        );
        onDone();
      },
      onError: feedback.showError,
    });
  }, feedback.onInvalid);

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorSummary
          errors={form.errors}
          formError={feedback.formError}
          fields={FIELDS}
          attempt={feedback.attempt}
        />
        <Alert
          color={status.current ? (status.warnings.length > 0 ? 'blue.9' : 'teal.9') : 'red.9'}
          variant="outline"
          title={
            status.current
              ? t('staffChecks.statusCurrent', { day: formatDay(checks.asOf) })
              : t('staffChecks.statusNotCurrent', { day: formatDay(checks.asOf) })
          }
        >
          {[...status.problems, ...status.warnings].length > 0 ? (
            <List size="sm" spacing={2}>
              {[...status.problems, ...status.warnings].map((sentence) => (
                <List.Item key={sentence}>{sentence}</List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm">{t('staffChecks.nothingDue')}</Text>
          )}
        </Alert>
        <Fieldset legend={t('staffChecks.dbs.legend')} className="form-group">
          <Stack gap="sm">
            <TextInput
              id="checks-dbs-number"
              label={t('staffChecks.dbs.number')}
              description={t('staffChecks.dbs.numberHint')}
              autoComplete="off"
              data-autofocus
              {...form.getInputProps('dbsNumber')}
            />
            <DayInput
              id="checks-dbs-checked-on"
              label={t('staffChecks.dbs.checkedOn')}
              {...form.getInputProps('dbsCheckedOn')}
            />
            <DayInput
              id="checks-dbs-recheck-by"
              label={t('staffChecks.dbs.recheckBy')}
              description={t('staffChecks.dbs.recheckByHint')}
              {...form.getInputProps('dbsRecheckBy')}
            />
          </Stack>
        </Fieldset>
        <Fieldset legend={t('staffChecks.training.legend')} className="form-group">
          <Stack gap="sm">
            <DayInput
              id="checks-training-completed-on"
              label={t('staffChecks.training.completedOn')}
              {...form.getInputProps('trainingCompletedOn')}
            />
            <DayInput
              id="checks-training-expires-on"
              label={t('staffChecks.training.expiresOn')}
              description={t('staffChecks.training.expiresOnHint')}
              {...form.getInputProps('trainingExpiresOn')}
            />
          </Stack>
        </Fieldset>
        {checks.updatedAt && (
          <Text size="sm">
            {t('staffChecks.lastRecorded', {
              day: formatDay(checks.updatedAt.slice(0, 10)),
              who: checks.updatedBy ?? t('common.unknown'),
            })}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={record.isPending}>
            {t('staffChecks.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
