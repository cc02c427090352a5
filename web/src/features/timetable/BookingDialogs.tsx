import {
  Alert,
  Button,
  Group,
  Modal,
  NativeSelect,
  Radio,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  bookingBody,
  cancelBody,
  CANCELLED_BY,
  moveBody,
  type BookingView,
} from '../../../../shared/api/bookings.js';
import type { planView } from '../../../../shared/api/plans.js';
import { useRooms, useUsers } from '../../api/admin.js';
import { useBookSession, useCancelBooking, useMoveBooking } from '../../api/bookings.js';
import { DayInput } from '../../components/DayInput.js';
import { ErrorSummary, type SummaryField } from '../../components/ErrorSummary.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { notifySuccess } from '../../components/notify.js';
import { useFormFeedback } from '../../components/useFormFeedback.js';
import { isCalendarDay } from '../../lib/dates.js';
import { schemaErrors } from '../../lib/validation.js';
import type { Person } from '../cases/types.js';
import { hoursUntil, LATE_NOTICE_HOURS, longDay } from './calendar.js';

export type Plan = z.infer<typeof planView>;

/** What the booking dialog books: one of the plan's sessions, all those shown, or one added session. */
export type BookingMode =
  | { kind: 'one'; date: string; startTime: string; endTime: string }
  | { kind: 'all'; dates: string[] }
  | { kind: 'add' };

interface PlacementValues {
  date: string;
  startTime: string;
  roomId: string;
  supervisorUserId: string;
}

const FIELD_IDS: Record<keyof PlacementValues, string> = {
  date: 'booking-date',
  startTime: 'booking-time',
  roomId: 'booking-room',
  supervisorUserId: 'booking-supervisor',
};

const summaryFields = (withWhen: boolean): SummaryField[] =>
  (withWhen
    ? (['date', 'startTime', 'roomId', 'supervisorUserId'] as const)
    : (['roomId', 'supervisorUserId'] as const)
  ).map((name) => ({ name, id: FIELD_IDS[name] }));

/** Supervisors and coordinators of the centre can supervise a session. */
function useSupervisorOptions(centreId: string) {
  const { t } = useTranslation();
  const users = useUsers();
  const options = (users.data?.items ?? [])
    .filter((user) => user.status === 'active')
    .flatMap((user) => {
      const roles = user.roles
        .filter((r) => r.centreId === centreId && (r.role === 'supervisor' || r.role === 'coordinator'))
        .map((r) => t(`roles.${r.role}`).toLowerCase());
      if (roles.length === 0) return [];
      const checks = user.checks && !user.checks.current ? t('timetable.book.checksNotCurrent') : null;
      return [
        {
          value: user.id,
          label: [`${user.displayName} (${roles.join(', ')})`, checks].filter(Boolean).join(' – '),
        },
      ];
    })
    .sort((a, b) => a.label.localeCompare(b.label));
  return { query: users, options };
}

/** Rooms that take bookings; supervised contact needs a private room, so halls are left out for it. */
function useRoomOptions(centreId: string, supervised: boolean) {
  const { t } = useTranslation();
  const rooms = useRooms(centreId);
  const options = (rooms.data?.items ?? [])
    .filter((room) => room.active && room.venueId && (!supervised || room.usage === 'private'))
    .sort(
      (a, b) => Number(a.usage === 'shared') - Number(b.usage === 'shared') || a.name.localeCompare(b.name),
    )
    .map((room) => ({
      value: room.id,
      label: t(`timetable.book.roomOption.${room.usage}`, { name: room.name, capacity: room.capacity }),
    }));
  return { query: rooms, options };
}

/** The room and the supervisor: the same two fields for booking and for moving a session. */
function PlacementFields({
  centreId,
  supervised,
  form,
  autofocus,
}: {
  centreId: string;
  supervised: boolean;
  form: UseFormReturnType<PlacementValues>;
  autofocus: boolean;
}) {
  const { t } = useTranslation();
  const rooms = useRoomOptions(centreId, supervised);
  const staff = useSupervisorOptions(centreId);
  if (rooms.query.isPending || staff.query.isPending) return <Loading />;
  if (rooms.query.isError)
    return <LoadError error={rooms.query.error} onRetry={() => void rooms.query.refetch()} />;
  if (staff.query.isError)
    return <LoadError error={staff.query.error} onRetry={() => void staff.query.refetch()} />;
  return (
    <>
      <NativeSelect
        id={FIELD_IDS.roomId}
        size="md"
        label={t('timetable.book.room')}
        description={supervised ? t('timetable.book.roomHintSupervised') : t('timetable.book.roomHint')}
        data={[{ value: '', label: t('timetable.book.chooseRoom') }, ...rooms.options]}
        data-autofocus={autofocus ? true : undefined}
        {...form.getInputProps('roomId')}
      />
      <NativeSelect
        id={FIELD_IDS.supervisorUserId}
        size="md"
        label={supervised ? t('timetable.book.supervisor') : t('timetable.book.supervisorOptional')}
        description={
          supervised ? t('timetable.book.supervisorHintSupervised') : t('timetable.book.supervisorHint')
        }
        data={[
          {
            value: '',
            label: supervised ? t('timetable.book.chooseSupervisor') : t('timetable.book.noSupervisor'),
          },
          ...staff.options,
        ]}
        {...form.getInputProps('supervisorUserId')}
      />
    </>
  );
}

function WhenFields({ form, planStart }: { form: UseFormReturnType<PlacementValues>; planStart: string }) {
  const { t } = useTranslation();
  return (
    <>
      <DayInput id={FIELD_IDS.date} label={t('timetable.book.date')} {...form.getInputProps('date')} />
      <TextInput
        id={FIELD_IDS.startTime}
        type="time"
        size="md"
        label={t('timetable.book.startTime')}
        description={t('timetable.book.startTimeHint', { time: planStart })}
        styles={{ wrapper: { maxWidth: 200 } }}
        {...form.getInputProps('startTime')}
      />
    </>
  );
}

/** Checks shared by booking and moving: a real day and time, a room, and a supervisor where one is needed. */
function placementErrors(
  t: TFunction,
  values: PlacementValues,
  options: { withWhen: boolean; supervised: boolean },
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (options.withWhen) {
    if (!isCalendarDay(values.date)) errors.date = t('timetable.book.dateMissing');
    if (!/^\d{2}:\d{2}$/.test(values.startTime)) errors.startTime = t('timetable.book.timeMissing');
  }
  if (!values.roomId) errors.roomId = t('timetable.book.roomMissing');
  if (options.supervised && !values.supervisorUserId)
    errors.supervisorUserId = t('timetable.book.supervisorMissing');
  return errors;
}

interface BookProps {
  centreId: string;
  caseId: string;
  plan: Plan;
  mode: BookingMode | null;
  opened: boolean;
  onClose: () => void;
  onExited?: () => void;
  /** Books the dates of an "all" booking, one after another, outside the dialog. */
  onBookAll: (placement: { roomId: string; supervisorUserId: string | null }) => void;
}

export function BookDialog(props: BookProps) {
  const { t } = useTranslation();
  const title =
    props.mode?.kind === 'all'
      ? t('timetable.book.titleAll', { count: props.mode.dates.length })
      : props.mode?.kind === 'add'
        ? t('timetable.book.titleAdd')
        : t('timetable.book.title');
  return (
    <Modal opened={props.opened} onClose={props.onClose} onExitTransitionEnd={props.onExited} title={title}>
      {props.opened && props.mode && <BookForm {...props} mode={props.mode} />}
    </Modal>
  );
}

function BookForm({ centreId, caseId, plan, mode, onClose, onBookAll }: BookProps & { mode: BookingMode }) {
  const { t } = useTranslation();
  const book = useBookSession(centreId, caseId);
  const supervised = plan.serviceType === 'supervised';
  const withWhen = mode.kind === 'add';
  const form = useForm<PlacementValues>({
    initialValues: { date: '', startTime: plan.recurrence.startTime, roomId: '', supervisorUserId: '' },
    validate: (values) => placementErrors(t, values, { withWhen, supervised }),
  });
  const feedback = useFormFeedback(form);
  const submit = form.onSubmit((values) => {
    feedback.clear();
    const supervisorUserId = values.supervisorUserId || null;
    if (mode.kind === 'all') {
      onBookAll({ roomId: values.roomId, supervisorUserId });
      onClose();
      return;
    }
    const body = bookingBody.parse({
      date: mode.kind === 'one' ? mode.date : values.date,
      startTime: mode.kind === 'add' ? values.startTime : undefined,
      roomId: values.roomId,
      supervisorUserId,
    });
    book.mutate(body, {
      onSuccess: (booked) => {
        notifySuccess(
          t('timetable.book.done', {
            day: longDay(booked.date),
            start: booked.startTime,
            end: booked.endTime,
            room: booked.room.name,
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
          fields={summaryFields(withWhen)}
          attempt={feedback.attempt}
        />
        <Text>
          {mode.kind === 'one'
            ? t('timetable.book.which', { day: longDay(mode.date), start: mode.startTime, end: mode.endTime })
            : mode.kind === 'all'
              ? t('timetable.book.whichAll', { count: mode.dates.length })
              : t('timetable.book.whichAdd')}
        </Text>
        {withWhen && <WhenFields form={form} planStart={plan.recurrence.startTime} />}
        <PlacementFields centreId={centreId} supervised={supervised} form={form} autofocus={!withWhen} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={book.isPending}>
            {mode.kind === 'all'
              ? t('timetable.book.submitAll', { count: mode.dates.length })
              : t('timetable.book.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface SessionDialogProps {
  centreId: string;
  booking: BookingView | null;
  opened: boolean;
  onClose: () => void;
  onExited?: () => void;
}

export function MoveDialog(props: SessionDialogProps & { plan: Plan }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      onExitTransitionEnd={props.onExited}
      title={props.booking ? t('timetable.move.title', { day: longDay(props.booking.date) }) : ''}
    >
      {props.opened && props.booking && <MoveForm {...props} booking={props.booking} />}
    </Modal>
  );
}

function MoveForm({
  centreId,
  booking,
  plan,
  onClose,
}: SessionDialogProps & { plan: Plan; booking: BookingView }) {
  const { t } = useTranslation();
  const move = useMoveBooking(centreId);
  const supervised = plan.serviceType === 'supervised';
  const initial: PlacementValues = {
    date: booking.date,
    startTime: booking.startTime,
    roomId: booking.room.id,
    supervisorUserId: booking.supervisor?.id ?? '',
  };
  // Only what changed is sent; a new day or time goes with both, so the session keeps the time shown.
  const toBody = (values: PlacementValues) => {
    const when = values.date !== initial.date || values.startTime !== initial.startTime;
    return {
      date: when ? values.date : undefined,
      startTime: when ? values.startTime : undefined,
      roomId: values.roomId !== initial.roomId ? values.roomId : undefined,
      supervisorUserId:
        values.supervisorUserId !== initial.supervisorUserId ? values.supervisorUserId || null : undefined,
    };
  };
  const form = useForm<PlacementValues>({
    initialValues: initial,
    validate: (values) => {
      const errors = placementErrors(t, values, { withWhen: true, supervised });
      if (Object.keys(errors).length > 0) return errors;
      return schemaErrors(moveBody, toBody(values));
    },
  });
  const feedback = useFormFeedback(form);
  const submit = form.onSubmit((values) => {
    feedback.clear();
    move.mutate(
      { bookingId: booking.id, body: moveBody.parse(toBody(values)) },
      {
        onSuccess: (moved) => {
          notifySuccess(
            t('timetable.move.done', {
              day: longDay(moved.date),
              start: moved.startTime,
              end: moved.endTime,
              room: moved.room.name,
            }),
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
          fields={summaryFields(true)}
          attempt={feedback.attempt}
        />
        <Text>
          {t('timetable.move.now', {
            day: longDay(booking.date),
            start: booking.startTime,
            end: booking.endTime,
            room: booking.room.name,
          })}
        </Text>
        <WhenFields form={form} planStart={plan.recurrence.startTime} />
        <PlacementFields centreId={centreId} supervised={supervised} form={form} autofocus={false} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={move.isPending}>
            {t('timetable.move.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function CancelDialog(props: SessionDialogProps & { adults: Person[] }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      onExitTransitionEnd={props.onExited}
      title={props.booking ? t('timetable.cancel.title', { day: longDay(props.booking.date) }) : ''}
    >
      {props.opened && props.booking && <CancelForm {...props} booking={props.booking} />}
    </Modal>
  );
}

const CANCEL_FIELDS: SummaryField[] = [
  { name: 'by', id: 'cancel-by-0' },
  { name: 'personId', id: 'cancel-person' },
  { name: 'reason', id: 'cancel-reason' },
];

interface CancelValues {
  by: string;
  personId: string;
  reason: string;
}

function CancelForm({
  centreId,
  booking,
  adults,
  onClose,
}: SessionDialogProps & { adults: Person[]; booking: BookingView }) {
  const { t } = useTranslation();
  const cancel = useCancelBooking(centreId);
  const late = hoursUntil(booking.startsAt) < LATE_NOTICE_HOURS;
  const toBody = (values: CancelValues) => ({
    by: values.by || undefined,
    personId: values.by === 'party' ? values.personId || null : null,
    reason: values.reason,
  });
  const form = useForm<CancelValues>({
    initialValues: { by: '', personId: '', reason: '' },
    validate: (values) => schemaErrors(cancelBody, toBody(values), { by: t('timetable.cancel.byMissing') }),
  });
  const feedback = useFormFeedback(form);
  const submit = form.onSubmit((values) => {
    feedback.clear();
    cancel.mutate(
      { bookingId: booking.id, body: cancelBody.parse(toBody(values)) },
      {
        onSuccess: (cancelled) => {
          notifySuccess(
            cancelled.cancellation?.late
              ? t('timetable.cancel.doneLate', { day: longDay(booking.date) })
              : t('timetable.cancel.done', { day: longDay(booking.date) }),
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
          fields={CANCEL_FIELDS}
          attempt={feedback.attempt}
        />
        <Text>
          {t('timetable.cancel.which', {
            day: longDay(booking.date),
            start: booking.startTime,
            end: booking.endTime,
            room: booking.room.name,
          })}
        </Text>
        {late && (
          <Alert
            variant="outline"
            color="red.9"
            icon={<IconAlertTriangle aria-hidden="true" />}
            title={t('timetable.cancel.lateTitle')}
            styles={{ message: { color: 'var(--mantine-color-text)' } }}
          >
            {t('timetable.cancel.lateText', { hours: LATE_NOTICE_HOURS })}
          </Alert>
        )}
        <Radio.Group label={t('timetable.cancel.by')} {...form.getInputProps('by')}>
          <Stack gap="sm" mt="xs">
            {CANCELLED_BY.map((by, index) => (
              <Radio
                key={by}
                id={`cancel-by-${index}`}
                value={by}
                size="md"
                label={t(`timetable.cancel.byOptions.${by}`)}
                data-autofocus={index === 0 ? true : undefined}
              />
            ))}
          </Stack>
        </Radio.Group>
        {form.values.by === 'party' && (
          <NativeSelect
            id="cancel-person"
            size="md"
            label={t('timetable.cancel.person')}
            data={[
              { value: '', label: t('timetable.cancel.choosePerson') },
              ...adults.map((adult) => ({ value: adult.id, label: `${adult.firstName} ${adult.lastName}` })),
            ]}
            {...form.getInputProps('personId')}
          />
        )}
        <Textarea
          id="cancel-reason"
          label={t('timetable.cancel.reason')}
          description={t('timetable.cancel.reasonHint')}
          minRows={2}
          {...form.getInputProps('reason')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('timetable.cancel.keep')}
          </Button>
          <Button type="submit" color="red.9" loading={cancel.isPending}>
            {t('timetable.cancel.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
