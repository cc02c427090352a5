import { Button, Group, Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import {
  closureBody,
  openingSessionEndBody,
  type OpeningSessionView,
  type VenueView,
} from '../../../../shared/api/venues.js';
import { useAddClosure, useEndOpeningSession } from '../../api/venues.js';
import { DayInput } from '../../components/DayInput.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { notifySuccess } from '../../components/notify.js';
import { useFormFeedback } from '../../components/useFormFeedback.js';
import { formatDay } from '../../lib/dates.js';
import { schemaErrors } from '../../lib/validation.js';

/** Ends opening sessions: the last day they run. */
export function EndSessionDialog({
  centreId,
  session,
  today,
  opened,
  onClose,
}: {
  centreId: string;
  session: OpeningSessionView | null;
  today: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={session ? t('openingTimes.end.title', { name: session.name }) : ''}
    >
      {opened && session && <EndForm centreId={centreId} session={session} today={today} onDone={onClose} />}
    </Modal>
  );
}

function EndForm({
  centreId,
  session,
  today,
  onDone,
}: {
  centreId: string;
  session: OpeningSessionView;
  today: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const end = useEndOpeningSession(centreId);
  const form = useForm<{ lastDay: string }>({
    initialValues: { lastDay: today },
    validate: (values) =>
      schemaErrors(
        openingSessionEndBody,
        { lastDay: values.lastDay || undefined },
        {
          lastDay: t('openingTimes.end.lastDayMissing'),
        },
      ),
  });
  const feedback = useFormFeedback(form);
  const submit = form.onSubmit((values) => {
    feedback.clear();
    end.mutate(
      { sessionId: session.id, lastDay: values.lastDay },
      {
        onSuccess: () => {
          notifySuccess(t('openingTimes.end.done', { name: session.name, day: formatDay(values.lastDay) }));
          onDone();
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
          fields={[{ name: 'lastDay', id: 'end-last-day' }]}
          attempt={feedback.attempt}
        />
        <Text>{t('openingTimes.end.message', { name: session.name })}</Text>
        <DayInput
          id="end-last-day"
          label={t('openingTimes.end.lastDay')}
          {...form.getInputProps('lastDay')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="red.9" loading={end.isPending}>
            {t('openingTimes.end.confirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const CLOSURE_FIELDS = [
  { name: 'venueId', id: 'closure-where' },
  { name: 'startsOn', id: 'closure-starts-on' },
  { name: 'endsOn', id: 'closure-ends-on' },
  { name: 'reason', id: 'closure-reason' },
];

interface ClosureValues {
  venueId: string;
  startsOn: string;
  endsOn: string;
  reason: string;
}

/** Closes the whole centre, or one venue, for some days. */
export function ClosureDialog({
  centreId,
  venues,
  opened,
  onClose,
}: {
  centreId: string;
  venues: VenueView[];
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('openingTimes.closureForm.title')}>
      {opened && <ClosureForm centreId={centreId} venues={venues} onDone={onClose} />}
    </Modal>
  );
}

function ClosureForm({
  centreId,
  venues,
  onDone,
}: {
  centreId: string;
  venues: VenueView[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const add = useAddClosure(centreId);
  const toBody = (values: ClosureValues) => ({
    venueId: values.venueId || null,
    startsOn: values.startsOn || undefined,
    // One day when only the first is given.
    endsOn: values.endsOn || values.startsOn || undefined,
    reason: values.reason,
  });
  const form = useForm<ClosureValues>({
    initialValues: { venueId: '', startsOn: '', endsOn: '', reason: '' },
    validate: (values) =>
      schemaErrors(closureBody, toBody(values), { startsOn: t('openingTimes.closureForm.startsOnMissing') }),
  });
  const feedback = useFormFeedback(form);
  const submit = form.onSubmit((values) => {
    feedback.clear();
    const body = closureBody.parse(toBody(values));
    add.mutate(body, {
      onSuccess: () => {
        notifySuccess(t('openingTimes.closureForm.added', { reason: body.reason }));
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
          fields={CLOSURE_FIELDS}
          attempt={feedback.attempt}
        />
        <NativeSelect
          id="closure-where"
          label={t('openingTimes.closureForm.where')}
          data={[
            { value: '', label: t('openingTimes.closures.wholeCentre') },
            ...venues.map((venue) => ({ value: venue.id, label: venue.name })),
          ]}
          data-autofocus
          {...form.getInputProps('venueId')}
        />
        <DayInput
          id="closure-starts-on"
          label={t('openingTimes.closureForm.startsOn')}
          {...form.getInputProps('startsOn')}
        />
        <DayInput
          id="closure-ends-on"
          label={t('openingTimes.closureForm.endsOn')}
          description={t('openingTimes.closureForm.endsOnHint')}
          {...form.getInputProps('endsOn')}
        />
        <TextInput
          id="closure-reason"
          label={t('openingTimes.closureForm.reason')}
          description={t('openingTimes.closureForm.reasonHint')}
          {...form.getInputProps('reason')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={add.isPending}>
            {t('openingTimes.closureForm.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
