import { Button, Group, Modal, NativeSelect, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  FOLLOW_UP_MAX,
  INCIDENT_ACTIONS,
  INCIDENT_KINDS,
  INCIDENT_TEXT_MAX,
  incidentBody,
} from '../../../../shared/api/session-records.js';
import { useRecordIncident } from '../../api/sessionRecords.js';
import { ErrorSummary, type SummaryField } from '../../components/ErrorSummary.js';
import { notifySuccess } from '../../components/notify.js';
import { useFormFeedback } from '../../components/useFormFeedback.js';
import { zonedDateTime } from '../../lib/dates.js';
import { schemaErrors, textOrNull } from '../../lib/validation.js';
import { useCurrentCentre } from '../../session/useCurrentCentre.js';

/** Someone of a session, as the roster shows them: a first name is enough. */
export interface IncidentPerson {
  personId: string;
  firstName: string;
  /** Shown when known (the case page); the roster has first names only. */
  lastName?: string;
}

/** A session an incident can be recorded at, with its people. */
export interface IncidentSession {
  bookingId: string;
  /** The session's day (YYYY-MM-DD) on the centre's clock. */
  date: string;
  /** How the session is named in the form, such as "Saturday 5 December 2026, 10:00 to 12:00". */
  label: string;
  people: IncidentPerson[];
}

export interface RecordIncidentDialogProps {
  centreId: string;
  /** The session, from the roster. */
  bookingId: string;
  /** That session's people from the roster (personId and first name). */
  people: IncidentPerson[];
  /** The session's day (YYYY-MM-DD); today on the centre's clock when not given (the roster's day). */
  date?: string;
  /** Names the session in the title, such as "10:00 to 12:00, Garden room". */
  sessionLabel?: string;
  opened: boolean;
  onClose: () => void;
  /** Called once the dialog has gone: the place to move focus if what opened it is gone too. */
  onExited?: () => void;
  /** Called with the server's sentence once the incident is recorded (it is also shown as a notice). */
  onRecorded?: (message: string) => void;
}

/**
 * "Record an incident" for the roster: the session is the one the button belongs to, and the person is
 * one of its people. Works for a volunteer, who cannot read incidents back: nothing is shown from the
 * case. Large touch targets for a tablet.
 */
export function RecordIncidentDialog({
  bookingId,
  people,
  date,
  sessionLabel,
  ...props
}: RecordIncidentDialogProps) {
  const { t } = useTranslation();
  const { timeZone } = useCurrentCentre();
  const session: IncidentSession = {
    bookingId,
    date: date ?? dayjs().tz(timeZone).format('YYYY-MM-DD'),
    label: sessionLabel ?? '',
    people,
  };
  return (
    <IncidentDialog
      {...props}
      sessions={[session]}
      title={
        sessionLabel
          ? t('sessionRecords.incidents.form.titleAt', { session: sessionLabel })
          : t('sessionRecords.incidents.form.title')
      }
    />
  );
}

interface IncidentDialogProps extends Omit<
  RecordIncidentDialogProps,
  'bookingId' | 'people' | 'date' | 'sessionLabel'
> {
  /** One session (the roster), or a choice of the case's recent sessions (the case page). */
  sessions: IncidentSession[];
  title: string;
}

/** The incident dialog with a choice of session: the case page's. */
export function IncidentDialog(props: IncidentDialogProps) {
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      onExitTransitionEnd={props.onExited}
      title={props.title}
      size="lg"
    >
      {props.opened && props.sessions.length > 0 && <IncidentForm {...props} />}
    </Modal>
  );
}

interface IncidentValues {
  bookingId: string;
  kind: string;
  personId: string;
  time: string;
  description: string;
  actionTaken: string;
  followUp: string;
}

const FIELDS: SummaryField[] = [
  { name: 'bookingId', id: 'incident-session' },
  { name: 'kind', id: 'incident-kind-0' },
  { name: 'personId', id: 'incident-person' },
  { name: 'time', id: 'incident-time' },
  { name: 'occurredAt', id: 'incident-time' },
  { name: 'description', id: 'incident-description' },
  { name: 'actionTaken', id: 'incident-action-0' },
  { name: 'followUp', id: 'incident-follow-up' },
];

function IncidentForm({ centreId, sessions, onClose, onRecorded }: IncidentDialogProps) {
  const { t } = useTranslation();
  const { timeZone } = useCurrentCentre();
  const record = useRecordIncident(centreId);
  const sessionOf = (bookingId: string) => sessions.find((s) => s.bookingId === bookingId);
  const toBody = (values: IncidentValues) => {
    const chosen = sessionOf(values.bookingId);
    return {
      kind: values.kind || undefined,
      personId: values.personId || null,
      occurredAt: chosen ? (zonedDateTime(chosen.date, values.time, timeZone) ?? undefined) : undefined,
      description: values.description,
      actionTaken: values.actionTaken || undefined,
      followUp: textOrNull(values.followUp) ?? undefined,
    };
  };
  const form = useForm<IncidentValues>({
    initialValues: {
      bookingId: sessions.length === 1 ? sessions[0]!.bookingId : '',
      kind: '',
      personId: '',
      time: dayjs().tz(timeZone).format('HH:mm'),
      description: '',
      actionTaken: '',
      followUp: '',
    },
    validate: (values) => {
      const errors = schemaErrors(incidentBody, toBody(values), {
        kind: t('sessionRecords.incidents.form.kindMissing'),
        actionTaken: t('sessionRecords.incidents.form.actionMissing'),
      });
      if (!values.bookingId) errors.bookingId = t('sessionRecords.incidents.form.sessionMissing');
      else if (!toBody(values).occurredAt) errors.time = t('sessionRecords.incidents.form.timeMissing');
      return errors;
    },
  });
  const feedback = useFormFeedback(form);
  const people = sessionOf(form.values.bookingId)?.people ?? [];
  const submit = form.onSubmit((values) => {
    feedback.clear();
    record.mutate(
      { bookingId: values.bookingId, body: incidentBody.parse(toBody(values)) },
      {
        onSuccess: (recorded) => {
          notifySuccess(recorded.message);
          onRecorded?.(recorded.message);
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
        {sessions.length === 1 && sessions[0]!.label && (
          <Text>{t('sessionRecords.incidents.form.sessionIs', { session: sessions[0]!.label })}</Text>
        )}
        {sessions.length > 1 && (
          <NativeSelect
            id="incident-session"
            size="md"
            label={t('sessionRecords.incidents.form.session')}
            data={[
              { value: '', label: t('sessionRecords.incidents.form.sessionMissing') },
              ...sessions.map((s) => ({ value: s.bookingId, label: s.label })),
            ]}
            data-autofocus
            {...form.getInputProps('bookingId')}
            onChange={(event) => {
              form.setFieldValue('bookingId', event.currentTarget.value);
              form.setFieldValue('personId', '');
            }}
          />
        )}
        <Radio.Group label={t('sessionRecords.incidents.form.kind')} {...form.getInputProps('kind')}>
          <Stack gap="sm" mt="xs">
            {INCIDENT_KINDS.map((kind, index) => (
              <Radio
                key={kind}
                id={`incident-kind-${index}`}
                value={kind}
                label={t(`sessionRecords.incidents.kinds.${kind}`)}
                size="md"
                data-autofocus={sessions.length === 1 && index === 0 ? true : undefined}
              />
            ))}
          </Stack>
        </Radio.Group>
        <NativeSelect
          id="incident-person"
          size="md"
          label={t('sessionRecords.incidents.form.person')}
          data={[
            { value: '', label: t('sessionRecords.incidents.form.nobody') },
            ...people.map((person) => ({
              value: person.personId,
              label: [person.firstName, person.lastName].filter(Boolean).join(' '),
            })),
          ]}
          {...form.getInputProps('personId')}
        />
        <TextInput
          id="incident-time"
          type="time"
          size="md"
          label={t('sessionRecords.incidents.form.time')}
          description={t('sessionRecords.incidents.form.timeHint')}
          styles={{ wrapper: { maxWidth: 200 } }}
          {...form.getInputProps('time')}
          error={form.errors.time ?? form.errors.occurredAt}
        />
        <Textarea
          id="incident-description"
          size="md"
          autosize
          minRows={3}
          maxLength={INCIDENT_TEXT_MAX}
          label={t('sessionRecords.incidents.form.description')}
          description={t('sessionRecords.incidents.form.descriptionHint')}
          {...form.getInputProps('description')}
        />
        <Radio.Group label={t('sessionRecords.incidents.form.action')} {...form.getInputProps('actionTaken')}>
          <Stack gap="sm" mt="xs">
            {INCIDENT_ACTIONS.map((action, index) => (
              <Radio
                key={action}
                id={`incident-action-${index}`}
                value={action}
                label={t(`sessionRecords.incidents.actions.${action}`)}
                size="md"
              />
            ))}
          </Stack>
        </Radio.Group>
        {form.values.actionTaken === 'session_ended' && (
          <Group gap="xs" wrap="nowrap" align="flex-start" role="note">
            <IconInfoCircle size={20} aria-hidden="true" style={{ flexShrink: 0 }} />
            <Text size="sm">{t('sessionRecords.incidents.form.sessionEndedHint')}</Text>
          </Group>
        )}
        <Textarea
          id="incident-follow-up"
          size="md"
          autosize
          minRows={2}
          maxLength={FOLLOW_UP_MAX}
          label={t('sessionRecords.incidents.form.followUp')}
          description={t('sessionRecords.incidents.form.followUpHint')}
          {...form.getInputProps('followUp')}
        />
        <Group justify="flex-end">
          <Button variant="default" size="md" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" size="md" loading={record.isPending}>
            {t('sessionRecords.incidents.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
