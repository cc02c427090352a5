import { Button, Group, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { shiftBody, type ShiftRole } from '../../../../shared/api/rota.js';
import { useAddShift, useRota, useRotaStaff } from '../../api/rota.js';
import { useVenues } from '../../api/venues.js';
import { DayInput } from '../../components/DayInput.js';
import { ErrorSummary, type SummaryField } from '../../components/ErrorSummary.js';
import { notifySuccess } from '../../components/notify.js';
import { useFormFeedback } from '../../components/useFormFeedback.js';
import { isCalendarDay } from '../../lib/dates.js';
import { schemaErrors } from '../../lib/validation.js';
import { longDay } from './week.js';

export interface ShiftValues {
  date: string;
  userId: string;
  role: ShiftRole | '';
  openingSessionId: string;
  venueId: string;
  startTime: string;
  endTime: string;
}

export const EMPTY_SHIFT: ShiftValues = {
  date: '',
  userId: '',
  role: '',
  openingSessionId: '',
  venueId: '',
  startTime: '',
  endTime: '',
};

const FIELD_IDS: Record<keyof ShiftValues, string> = {
  date: 'shift-date',
  userId: 'shift-person',
  role: 'shift-role',
  openingSessionId: 'shift-session',
  venueId: 'shift-venue',
  startTime: 'shift-start',
  endTime: 'shift-end',
};
const SUMMARY_FIELDS: SummaryField[] = (Object.keys(FIELD_IDS) as (keyof ShiftValues)[]).map((name) => ({
  name,
  id: FIELD_IDS[name],
}));

interface Props {
  centreId: string;
  opened: boolean;
  initial: ShiftValues;
  onClose: () => void;
}

export function AddShiftDialog(props: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('rota.form.title')}>
      {props.opened && <ShiftForm {...props} />}
    </Modal>
  );
}

function ShiftForm({ centreId, initial, onClose }: Props) {
  const { t } = useTranslation();
  const add = useAddShift(centreId);
  const form = useForm<ShiftValues>({
    initialValues: initial,
    validate: (values) => {
      const errors: Record<string, string> = {};
      if (!isCalendarDay(values.date)) errors.date = t('rota.form.dateMissing');
      return {
        ...schemaErrors(shiftBody, bodyOf(values), {
          userId: t('rota.form.personMissing'),
          role: t('rota.form.roleMissing'),
          venueId: t('rota.form.venueMissing'),
          startTime: t('rota.form.startMissing'),
          endTime: t('rota.form.endMissing'),
        }),
        ...errors,
      };
    },
  });
  const feedback = useFormFeedback(form);
  const day = form.values.date;
  const dayChosen = isCalendarDay(day);
  const staff = useRotaStaff(centreId, day, { enabled: dayChosen });
  const dayRota = useRota(centreId, day, day, { enabled: dayChosen });
  const venues = useVenues(centreId);
  const sessions = dayChosen ? (dayRota.data?.sessions.filter((s) => !s.closed) ?? []) : [];
  const person = staff.data?.items.find((p) => p.userId === form.values.userId);
  const roles = person?.shiftRoles ?? [];

  const submit = form.onSubmit((values) => {
    feedback.clear();
    add.mutate(shiftBody.parse(bodyOf(values)), {
      onSuccess: (shift) => {
        notifySuccess(
          t('rota.form.added', {
            name: shift.displayName,
            day: longDay(shift.date),
            start: shift.startTime,
            end: shift.endTime,
          }),
        );
        onClose();
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
          fields={SUMMARY_FIELDS}
          attempt={feedback.attempt}
        />
        <DayInput id={FIELD_IDS.date} label={t('rota.form.date')} {...form.getInputProps('date')} />
        <NativeSelect
          id={FIELD_IDS.userId}
          size="md"
          label={t('rota.form.person')}
          description={t('rota.form.personHint')}
          data={[
            {
              value: '',
              label: dayChosen ? t('rota.form.choosePerson') : t('rota.form.chooseDayFirst'),
            },
            ...(staff.data?.items ?? []).map((p) => ({
              value: p.userId,
              label: p.checks.current
                ? p.displayName
                : t('rota.form.checksNotCurrent', {
                    name: p.displayName,
                    problems: p.checks.problems.join('; '),
                  }),
              disabled: !p.checks.current,
            })),
          ]}
          {...form.getInputProps('userId')}
          onChange={(event) => {
            const chosen = staff.data?.items.find((p) => p.userId === event.currentTarget.value);
            const allowed = chosen?.shiftRoles ?? [];
            form.setValues({
              userId: event.currentTarget.value,
              role:
                form.values.role && allowed.includes(form.values.role)
                  ? form.values.role
                  : (allowed.at(-1) ?? ''),
            });
          }}
        />
        <NativeSelect
          id={FIELD_IDS.role}
          size="md"
          label={t('rota.form.role')}
          data={[
            { value: '', label: t('rota.form.chooseRole') },
            ...roles.map((role) => ({ value: role, label: t(`rota.roles.${role}`) })),
          ]}
          {...form.getInputProps('role')}
        />
        <NativeSelect
          id={FIELD_IDS.openingSessionId}
          size="md"
          label={t('rota.form.session')}
          description={t('rota.form.sessionHint')}
          data={[
            { value: '', label: t('rota.form.ownTimes') },
            ...sessions.map((s) => ({
              value: s.openingSessionId,
              label: t('rota.form.sessionOption', {
                name: s.name,
                start: s.startTime,
                end: s.endTime,
                venue: s.venue.name,
              }),
            })),
          ]}
          {...form.getInputProps('openingSessionId')}
          onChange={(event) => {
            const chosen = sessions.find((s) => s.openingSessionId === event.currentTarget.value);
            form.setValues(
              chosen
                ? {
                    openingSessionId: chosen.openingSessionId,
                    venueId: chosen.venue.id,
                    startTime: chosen.startTime,
                    endTime: chosen.endTime,
                  }
                : { openingSessionId: '' },
            );
          }}
        />
        <NativeSelect
          id={FIELD_IDS.venueId}
          size="md"
          label={t('rota.form.venue')}
          disabled={form.values.openingSessionId !== ''}
          data={[
            { value: '', label: t('rota.form.chooseVenue') },
            ...(venues.data?.items ?? [])
              .filter((v) => v.active)
              .map((v) => ({ value: v.id, label: v.name })),
          ]}
          {...form.getInputProps('venueId')}
        />
        <Group grow align="flex-start">
          <TextInput
            id={FIELD_IDS.startTime}
            type="time"
            size="md"
            label={t('rota.form.startTime')}
            {...form.getInputProps('startTime')}
          />
          <TextInput
            id={FIELD_IDS.endTime}
            type="time"
            size="md"
            label={t('rota.form.endTime')}
            {...form.getInputProps('endTime')}
          />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={add.isPending}>
            {t('rota.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The body the server takes: with a session, its venue goes unsaid (the session's own is used). */
function bodyOf(values: ShiftValues) {
  return {
    userId: values.userId || undefined,
    date: values.date,
    role: values.role || undefined,
    openingSessionId: values.openingSessionId || null,
    venueId: values.openingSessionId ? undefined : values.venueId || undefined,
    startTime: values.startTime || undefined,
    endTime: values.endTime || undefined,
  };
}
