import {
  Button,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import {
  openingSessionBody,
  SESSION_SERVICES,
  type OpeningSessionView,
  type VenueView,
} from '../../../../shared/api/venues.js';
import { useSaveOpeningSession } from '../../api/venues.js';
import { DayInput } from '../../components/DayInput.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { notifySuccess } from '../../components/notify.js';
import { useFormFeedback } from '../../components/useFormFeedback.js';
import { schemaErrors } from '../../lib/validation.js';
import { repeatInWords } from './openingWords.js';

/** Monday first, as people in the UK read a week; 0 is Sunday, as the API counts. */
const WEEKDAY_ORDER = ['1', '2', '3', '4', '5', '6', '0'] as const;
const FREQUENCIES = ['weekly', 'fortnightly'] as const;

const FIELDS = [
  { name: 'name', id: 'session-name' },
  { name: 'venueId', id: 'session-venue' },
  { name: 'serviceType', id: 'session-service-supported' },
  { name: 'recurrence', id: 'session-frequency-weekly' },
  { name: 'recurrence.frequency', id: 'session-frequency-weekly' },
  { name: 'recurrence.weekday', id: 'session-weekday' },
  { name: 'startTime', id: 'session-start' },
  { name: 'endTime', id: 'session-end' },
  { name: 'startsOn', id: 'session-starts-on' },
  { name: 'endsOn', id: 'session-ends-on' },
  { name: 'minimumStaff', id: 'session-minimum-staff' },
  { name: 'familiesPerVolunteer', id: 'session-ratio' },
];

type Count = number | string;

interface SessionValues {
  name: string;
  venueId: string;
  serviceType: string;
  frequency: string;
  weekday: string;
  startTime: string;
  endTime: string;
  startsOn: string;
  endsOn: string;
  minimumStaff: Count;
  familiesPerVolunteer: Count;
}

interface OpeningSessionDialogProps {
  centreId: string;
  /** The sessions to change; null to add new ones. */
  session: OpeningSessionView | null;
  venues: VenueView[];
  opened: boolean;
  onClose: () => void;
}

export function OpeningSessionDialog(props: OpeningSessionDialogProps) {
  const { t } = useTranslation();
  const { session, opened, onClose } = props;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={
        session ? t('openingTimes.form.editTitle', { name: session.name }) : t('openingTimes.form.addTitle')
      }
    >
      {opened && <SessionForm {...props} />}
    </Modal>
  );
}

const count = (value: Count) => (typeof value === 'number' ? value : undefined);

function SessionForm({ centreId, session, venues, onClose }: OpeningSessionDialogProps) {
  const { t } = useTranslation();
  const save = useSaveOpeningSession(centreId);
  const listedDates = session?.recurrence.frequency === 'dates' ? session.recurrence : null;
  const main = venues.find((venue) => venue.main);
  const form = useForm<SessionValues>({
    initialValues: {
      name: session?.name ?? '',
      venueId: session?.venueId ?? main?.id ?? '',
      serviceType: session?.serviceType ?? 'supported',
      frequency:
        session && session.recurrence.frequency !== 'dates' ? session.recurrence.frequency : 'fortnightly',
      weekday: session && session.recurrence.frequency !== 'dates' ? String(session.recurrence.weekday) : '6',
      startTime: session?.startTime ?? '10:00',
      endTime: session?.endTime ?? '12:00',
      startsOn: session?.startsOn ?? '',
      endsOn: session?.endsOn ?? '',
      minimumStaff: session?.minimumStaff ?? 2,
      familiesPerVolunteer: session?.familiesPerVolunteer ?? 3,
    },
    validate: (values) =>
      schemaErrors(openingSessionBody, toBody(values), {
        startsOn: t('openingTimes.form.startsOnMissing'),
        minimumStaff: t('openingTimes.form.staffMissing'),
        familiesPerVolunteer: t('openingTimes.form.ratioMissing'),
      }),
  });
  const feedback = useFormFeedback(form);
  const venueOptions = venues
    .filter((venue) => venue.active || venue.id === session?.venueId)
    .map((venue) => ({ value: venue.id, label: venue.name }));

  function toBody(values: SessionValues) {
    return {
      name: values.name,
      venueId: values.venueId || undefined,
      serviceType: values.serviceType || undefined,
      // Sessions on listed dates keep their dates: this form sets weekly and fortnightly patterns.
      recurrence: listedDates ?? { frequency: values.frequency, weekday: Number(values.weekday) },
      startTime: values.startTime,
      endTime: values.endTime,
      startsOn: values.startsOn || undefined,
      endsOn: values.endsOn || null,
      minimumStaff: count(values.minimumStaff),
      familiesPerVolunteer: count(values.familiesPerVolunteer),
    };
  }

  const submit = form.onSubmit((values) => {
    feedback.clear();
    const body = openingSessionBody.parse(toBody(values));
    const onSuccess = () => {
      notifySuccess(
        session
          ? t('openingTimes.form.saved', { name: body.name })
          : t('openingTimes.form.added', { name: body.name }),
      );
      onClose();
    };
    save.mutate(session ? { sessionId: session.id, body } : { sessionId: null, body }, {
      onSuccess,
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
        <TextInput
          id="session-name"
          label={t('openingTimes.form.name')}
          description={t('openingTimes.form.nameHint')}
          data-autofocus
          {...form.getInputProps('name')}
        />
        <NativeSelect
          id="session-venue"
          label={t('openingTimes.form.venue')}
          data={venueOptions}
          {...form.getInputProps('venueId')}
        />
        <Radio.Group label={t('openingTimes.form.service')} {...form.getInputProps('serviceType')}>
          <Stack gap="sm" mt="xs">
            {SESSION_SERVICES.map((service) => (
              <Radio
                key={service}
                id={`session-service-${service}`}
                value={service}
                label={t(`openingTimes.form.services.${service}`)}
              />
            ))}
          </Stack>
        </Radio.Group>
        {listedDates ? (
          <Text>{t('openingTimes.form.listedDates', { dates: repeatInWords(t, listedDates) })}</Text>
        ) : (
          <>
            <Radio.Group label={t('openingTimes.form.frequency')} {...form.getInputProps('frequency')}>
              <Stack gap="sm" mt="xs">
                {FREQUENCIES.map((frequency) => (
                  <Radio
                    key={frequency}
                    id={`session-frequency-${frequency}`}
                    value={frequency}
                    label={t(`openingTimes.form.frequencies.${frequency}`)}
                  />
                ))}
              </Stack>
            </Radio.Group>
            <NativeSelect
              id="session-weekday"
              label={t('openingTimes.form.weekday')}
              data={WEEKDAY_ORDER.map((day) => ({ value: day, label: t(`openingTimes.weekdays.${day}`) }))}
              {...form.getInputProps('weekday')}
            />
          </>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            id="session-start"
            type="time"
            label={t('openingTimes.form.start')}
            {...form.getInputProps('startTime')}
          />
          <TextInput
            id="session-end"
            type="time"
            label={t('openingTimes.form.end')}
            {...form.getInputProps('endTime')}
          />
        </SimpleGrid>
        <DayInput
          id="session-starts-on"
          label={t('openingTimes.form.startsOn')}
          description={t('openingTimes.form.startsOnHint')}
          {...form.getInputProps('startsOn')}
        />
        <DayInput
          id="session-ends-on"
          label={t('openingTimes.form.endsOn')}
          description={t('openingTimes.form.endsOnHint')}
          {...form.getInputProps('endsOn')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            id="session-minimum-staff"
            label={t('openingTimes.form.minimumStaff')}
            description={t('openingTimes.form.minimumStaffHint')}
            min={0}
            max={50}
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps('minimumStaff')}
          />
          <NumberInput
            id="session-ratio"
            label={t('openingTimes.form.ratio')}
            description={t('openingTimes.form.ratioHint')}
            min={1}
            max={20}
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps('familiesPerVolunteer')}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {session ? t('common.saveChanges') : t('openingTimes.form.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
