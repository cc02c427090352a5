import {
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  Radio,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  completeVisitBody,
  INTAKE_VISIT_KINDS,
  scheduleVisitBody,
  type intakeVisitView,
} from '../../../../shared/api/intake.js';
import { useCompleteVisit, useScheduleVisit, useVisitStaff } from '../../api/cases.js';
import { DayInput } from '../../components/DayInput.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { notifySuccess } from '../../components/notify.js';
import { useFormFeedback } from '../../components/useFormFeedback.js';
import { isCalendarDay, zonedDateTime } from '../../lib/dates.js';
import { schemaErrors, textOrNull } from '../../lib/validation.js';
import { canAtCentre } from '../../session/access.js';
import { useSignedInSession } from '../../session/SignedInSession.js';
import { useCurrentCentre } from '../../session/useCurrentCentre.js';
import { fullName, type Person } from './types.js';

export type Visit = z.infer<typeof intakeVisitView>;

interface DialogProps {
  centreId: string;
  caseId: string;
  people: Person[];
  opened: boolean;
  onClose: () => void;
  onExited?: () => void;
}

const SCHEDULE_FIELDS = [
  { name: 'kind', id: 'visit-kind-0' },
  { name: 'personId', id: 'visit-person' },
  { name: 'date', id: 'visit-date' },
  { name: 'time', id: 'visit-time' },
  { name: 'scheduledAt', id: 'visit-date' },
  { name: 'place', id: 'visit-place' },
  { name: 'staffUserId', id: 'visit-staff' },
];

interface ScheduleValues {
  kind: string;
  personId: string;
  date: string;
  time: string;
  place: string;
  staffUserId: string;
}

/** Books a visit: with one adult on their own, or the children's introduction with the adult who brings them. */
export function ScheduleVisitDialog(props: DialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      onExitTransitionEnd={props.onExited}
      title={t('case.intake.schedule.title')}
    >
      {props.opened && <ScheduleVisitForm {...props} />}
    </Modal>
  );
}

function ScheduleVisitForm({ centreId, caseId, people, onClose }: DialogProps) {
  const { t } = useTranslation();
  const { timeZone } = useCurrentCentre();
  const session = useSignedInSession();
  const schedule = useScheduleVisit(centreId, caseId);
  // Who holds the visit: chosen from the centre's staff who may read case files, by those who see staff.
  const staff = useVisitStaff(centreId, canAtCentre(session, centreId, 'user:read'));
  const staffOptions = staff.data ?? [];
  const adults = people.filter((person) => person.role !== 'child');
  const toBody = (values: ScheduleValues) => ({
    kind: values.kind || undefined,
    personId: values.personId || undefined,
    scheduledAt: zonedDateTime(values.date, values.time, timeZone) ?? undefined,
    place: textOrNull(values.place) ?? undefined,
    staffUserId: values.staffUserId || undefined,
  });
  const form = useForm<ScheduleValues>({
    initialValues: {
      kind: 'adult',
      personId: adults[0]?.id ?? '',
      date: '',
      time: '10:00',
      place: '',
      staffUserId: '',
    },
    validate: (values) => {
      const errors = schemaErrors(scheduleVisitBody, toBody(values), {
        personId: t('case.intake.schedule.personMissing'),
      });
      if (errors.scheduledAt) {
        delete errors.scheduledAt;
        if (!isCalendarDay(values.date)) errors.date = t('case.intake.schedule.dateMissing');
        if (!/^\d{2}:\d{2}$/.test(values.time)) errors.time = t('case.intake.schedule.timeMissing');
      }
      return errors;
    },
  });
  const feedback = useFormFeedback(form);
  const submit = form.onSubmit((values) => {
    feedback.clear();
    schedule.mutate(scheduleVisitBody.parse(toBody(values)), {
      onSuccess: (visit) => {
        notifySuccess(
          visit.mailed
            ? t('case.intake.schedule.doneMailed', { name: visit.personName })
            : t('case.intake.schedule.done', { name: visit.personName }),
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
          fields={SCHEDULE_FIELDS}
          attempt={feedback.attempt}
        />
        <Radio.Group label={t('case.intake.schedule.kind')} {...form.getInputProps('kind')}>
          <Stack gap="sm" mt="xs">
            {INTAKE_VISIT_KINDS.map((kind, index) => (
              <Radio
                key={kind}
                id={`visit-kind-${index}`}
                value={kind}
                label={t(`case.intake.schedule.kinds.${kind}`)}
                size="md"
                data-autofocus={index === 0 ? true : undefined}
              />
            ))}
          </Stack>
        </Radio.Group>
        <NativeSelect
          id="visit-person"
          size="md"
          label={
            form.values.kind === 'children_introduction'
              ? t('case.intake.schedule.bringer')
              : t('case.intake.schedule.adult')
          }
          data={adults.map((adult) => ({ value: adult.id, label: fullName(adult) }))}
          {...form.getInputProps('personId')}
        />
        <DayInput
          id="visit-date"
          label={t('case.intake.schedule.date')}
          {...form.getInputProps('date')}
          error={form.errors.date ?? form.errors.scheduledAt}
        />
        <TextInput
          id="visit-time"
          type="time"
          size="md"
          label={t('case.intake.schedule.time')}
          description={t('case.intake.schedule.timeHint', { timeZone })}
          styles={{ wrapper: { maxWidth: 200 } }}
          {...form.getInputProps('time')}
        />
        <TextInput
          id="visit-place"
          size="md"
          label={t('case.intake.schedule.place')}
          description={t('case.intake.schedule.placeHint')}
          {...form.getInputProps('place')}
        />
        {staffOptions.length > 0 && (
          <NativeSelect
            id="visit-staff"
            size="md"
            label={t('caseRecord.intake.staff')}
            description={t('caseRecord.intake.staffHint')}
            data={[
              { value: '', label: t('caseRecord.intake.staffNotChosen') },
              ...staffOptions.map((member) => ({
                value: member.id,
                label:
                  member.id === session.user.id
                    ? t('caseRecord.intake.staffYou', { name: member.name })
                    : member.name,
              })),
            ]}
            {...form.getInputProps('staffUserId')}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={schedule.isPending}>
            {t('case.intake.schedule.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface CompleteProps extends DialogProps {
  visit: Visit | null;
}

/** Records who came to a visit and what came of it. */
export function CompleteVisitDialog(props: CompleteProps) {
  const { t } = useTranslation();
  const title = props.visit
    ? t('case.intake.complete.title', {
        visit: t(`case.intake.kinds.${props.visit.kind}`, { name: props.visit.personName }),
      })
    : '';
  return (
    <Modal opened={props.opened} onClose={props.onClose} onExitTransitionEnd={props.onExited} title={title}>
      {props.opened && props.visit && <CompleteVisitForm {...props} visit={props.visit} />}
    </Modal>
  );
}

const COMPLETE_FIELDS = [
  { name: 'attendedPersonIds', id: 'visit-attended-0' },
  { name: 'outcome', id: 'visit-outcome' },
  { name: 'notes', id: 'visit-notes' },
];

function CompleteVisitForm({ centreId, caseId, people, onClose, visit }: CompleteProps & { visit: Visit }) {
  const { t } = useTranslation();
  const complete = useCompleteVisit(centreId, caseId);
  // The adult of the visit came; at an introduction, so did the children.
  const defaults = people
    .filter(
      (person) =>
        person.id === visit.personId || (visit.kind === 'children_introduction' && person.role === 'child'),
    )
    .map((person) => person.id);
  const toBody = (values: { attendedPersonIds: string[]; outcome: string; notes: string }) => ({
    attendedPersonIds: values.attendedPersonIds,
    outcome: values.outcome,
    notes: textOrNull(values.notes) ?? undefined,
  });
  const form = useForm({
    initialValues: { attendedPersonIds: defaults, outcome: '', notes: '' },
    validate: (values) => schemaErrors(completeVisitBody, toBody(values)),
  });
  const feedback = useFormFeedback(form);
  const submit = form.onSubmit((values) => {
    feedback.clear();
    complete.mutate(
      { visitId: visit.id, body: completeVisitBody.parse(toBody(values)) },
      {
        onSuccess: () => {
          notifySuccess(t('case.intake.complete.done'));
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
          fields={COMPLETE_FIELDS}
          attempt={feedback.attempt}
        />
        <Checkbox.Group
          label={t('case.intake.complete.attended')}
          {...form.getInputProps('attendedPersonIds')}
        >
          <Stack gap="sm" mt="xs">
            {people.map((person, index) => (
              <Checkbox
                key={person.id}
                id={`visit-attended-${index}`}
                value={person.id}
                label={fullName(person)}
                data-autofocus={index === 0 ? true : undefined}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        <Textarea
          id="visit-outcome"
          label={t('case.intake.complete.outcome')}
          description={t('case.intake.complete.outcomeHint')}
          minRows={3}
          {...form.getInputProps('outcome')}
        />
        <Textarea
          id="visit-notes"
          label={t('case.intake.complete.notes')}
          description={t('common.optional')}
          minRows={3}
          {...form.getInputProps('notes')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={complete.isPending}>
            {t('case.intake.complete.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
