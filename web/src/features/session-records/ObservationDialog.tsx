import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import {
  OBSERVATION_NOTES_MAX,
  observationBody,
  type ObservationView,
} from '../../../../shared/api/session-records.js';
import { useWriteObservation } from '../../api/sessionRecords.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { notifySuccess } from '../../components/notify.js';
import { useFormFeedback } from '../../components/useFormFeedback.js';
import { schemaErrors } from '../../lib/validation.js';

/** The session written about, and the record corrected (when the record is a correction). */
export interface ObservationTarget {
  bookingId: string;
  /** "Saturday 5 December 2026, 10:00 to 12:00". */
  label: string;
  corrects: ObservationView | null;
}

interface ObservationDialogProps {
  centreId: string;
  caseId: string;
  target: ObservationTarget | null;
  opened: boolean;
  onClose: () => void;
  onExited?: () => void;
}

/** Writes an observation record of a supervised session, or a correction of one (a new record). */
export function ObservationDialog(props: ObservationDialogProps) {
  const { t } = useTranslation();
  const target = props.target;
  const title = !target
    ? ''
    : target.corrects
      ? t('sessionRecords.observations.correct.title', { session: target.label })
      : t('sessionRecords.observations.write.title', { session: target.label });
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      onExitTransitionEnd={props.onExited}
      title={title}
      size="lg"
    >
      {props.opened && target && <ObservationForm {...props} target={target} />}
    </Modal>
  );
}

const FIELDS = [{ name: 'notes', id: 'observation-notes' }];

function ObservationForm({
  centreId,
  caseId,
  target,
  onClose,
}: ObservationDialogProps & { target: ObservationTarget }) {
  const { t } = useTranslation();
  const write = useWriteObservation(centreId, caseId);
  const correcting = target.corrects !== null;
  const toBody = (values: { notes: string }) => ({
    notes: values.notes,
    correctsId: target.corrects?.id,
  });
  const form = useForm({
    // A correction starts from the words it corrects.
    initialValues: { notes: target.corrects?.notes ?? '' },
    validate: (values) => schemaErrors(observationBody, toBody(values)),
  });
  const feedback = useFormFeedback(form);
  const submit = form.onSubmit((values) => {
    feedback.clear();
    write.mutate(
      { bookingId: target.bookingId, body: observationBody.parse(toBody(values)) },
      {
        onSuccess: () => {
          notifySuccess(
            correcting
              ? t('sessionRecords.observations.correct.done')
              : t('sessionRecords.observations.write.done', { session: target.label }),
          );
          onClose();
        },
        onError: feedback.showError,
      },
    );
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
        <Text>
          {correcting
            ? t('sessionRecords.observations.correct.intro')
            : t('sessionRecords.observations.write.intro')}
        </Text>
        <Textarea
          id="observation-notes"
          size="md"
          autosize
          minRows={8}
          maxRows={20}
          maxLength={OBSERVATION_NOTES_MAX}
          label={t('sessionRecords.observations.write.notes')}
          description={t('sessionRecords.observations.write.notesHint', {
            count: OBSERVATION_NOTES_MAX,
            left: OBSERVATION_NOTES_MAX - form.values.notes.length,
          })}
          data-autofocus
          {...form.getInputProps('notes')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={write.isPending}>
            {correcting
              ? t('sessionRecords.observations.correct.submit')
              : t('sessionRecords.observations.write.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
