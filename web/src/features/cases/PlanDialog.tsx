import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { planBody, type PlanView } from '../../../../shared/api/plans.js';
import { SERVICES } from '../../../../shared/api/referrals.js';
import { useAgreePlan } from '../../api/cases.js';
import { DayInput } from '../../components/DayInput.js';
import { formatDay, isCalendarDay } from '../../lib/dates.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { notifySuccess } from '../../components/notify.js';
import { useFormFeedback } from '../../components/useFormFeedback.js';
import { schemaErrors, textOrNull } from '../../lib/validation.js';
import type { Assessment } from './RiskDialog.js';
import { fullName, type Person } from './types.js';

/** Monday first, as people in the UK read a week; 0 is Sunday, as the API counts. */
const WEEKDAY_ORDER = ['1', '2', '3', '4', '5', '6', '0'] as const;
const FREQUENCIES = ['weekly', 'fortnightly', 'dates'] as const;

type Minutes = number | string;

interface PlanValues {
  serviceType: string;
  recurrence: { frequency: string; weekday: string; startTime: string; dates: string[] };
  lengthMinutes: Minutes;
  startsOn: string;
  endsOn: string;
  attendeePersonIds: string[];
  timings: Record<string, { arriveMinutes: Minutes; leaveMinutes: Minutes }>;
  handoverArrangements: string;
  specialConditions: { giftsAllowed: boolean; foodAllowed: boolean; photographsAllowed: boolean };
}

interface PlanDialogProps {
  centreId: string;
  caseId: string;
  people: Person[];
  /** The service the referral asked for: the first plan starts from it. */
  serviceRequested: string;
  current: PlanView | null;
  assessment: Assessment | null;
  opened: boolean;
  onClose: () => void;
}

const minutes = (value: Minutes) => (typeof value === 'number' ? value : undefined);

function initialValues({ people, serviceRequested, current, assessment }: PlanDialogProps): PlanValues {
  const adults = people.filter((person) => person.role !== 'child');
  const stagger = assessment?.conditions.staggerMinutes ?? 0;
  const recurrence = current?.recurrence;
  return {
    serviceType: current?.serviceType ?? serviceRequested,
    recurrence: {
      frequency: recurrence && recurrence.frequency !== 'dates' ? recurrence.frequency : 'weekly',
      weekday: recurrence && recurrence.frequency !== 'dates' ? String(recurrence.weekday) : '6',
      startTime: recurrence?.startTime ?? '10:00',
      dates: recurrence?.frequency === 'dates' ? recurrence.dates : [],
    },
    lengthMinutes: current?.lengthMinutes ?? 120,
    startsOn: current?.startsOn ?? '',
    endsOn: current?.endsOn ?? '',
    // A first plan starts from those the risk assessment says may attend, when it names them.
    attendeePersonIds:
      current?.attendeePersonIds ??
      (assessment?.conditions.mayAttend.length
        ? people
            .filter((person) => assessment.conditions.mayAttend.includes(person.id))
            .map((person) => person.id)
        : people.map((person) => person.id)),
    // The first adult comes early and leaves late by the assessment's stagger, so the others never meet them.
    timings: Object.fromEntries(
      adults.map((adult, index) => [
        adult.id,
        current?.timings[adult.id] ??
          (index === 0
            ? { arriveMinutes: -stagger, leaveMinutes: stagger }
            : { arriveMinutes: 0, leaveMinutes: 0 }),
      ]),
    ),
    handoverArrangements: current?.handoverArrangements ?? '',
    specialConditions: {
      giftsAllowed: current?.specialConditions.giftsAllowed ?? false,
      foodAllowed: current?.specialConditions.foodAllowed ?? false,
      photographsAllowed: current?.specialConditions.photographsAllowed ?? false,
    },
  };
}

function toBody(values: PlanValues, current: PlanView | null) {
  const attending = new Set(values.attendeePersonIds);
  return {
    replacesVersion: current?.version ?? null,
    serviceType: values.serviceType || undefined,
    recurrence:
      values.recurrence.frequency === 'dates'
        ? {
            frequency: 'dates',
            dates: [...values.recurrence.dates].sort(),
            startTime: values.recurrence.startTime,
          }
        : {
            frequency: values.recurrence.frequency,
            weekday: Number(values.recurrence.weekday),
            startTime: values.recurrence.startTime,
          },
    lengthMinutes: minutes(values.lengthMinutes),
    startsOn: values.startsOn || undefined,
    endsOn: values.endsOn || null,
    attendeePersonIds: values.attendeePersonIds,
    timings: Object.fromEntries(
      Object.entries(values.timings)
        .filter(([personId]) => attending.has(personId))
        .map(([personId, timing]) => [
          personId,
          { arriveMinutes: minutes(timing.arriveMinutes), leaveMinutes: minutes(timing.leaveMinutes) },
        ]),
    ),
    handoverArrangements: textOrNull(values.handoverArrangements),
    specialConditions: { ...values.specialConditions, noRecordings: true },
  };
}

/** Agrees the contact plan: a new version that replaces the one in force. */
export function PlanDialog(props: PlanDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      size="lg"
      title={props.current ? t('case.plan.form.newTitle') : t('case.plan.form.title')}
    >
      {props.opened && <PlanForm {...props} />}
    </Modal>
  );
}

function PlanForm(props: PlanDialogProps) {
  const { centreId, caseId, people, current, onClose } = props;
  const { t } = useTranslation();
  const agree = useAgreePlan(centreId, caseId);
  const adults = people.filter((person) => person.role !== 'child');
  const form = useForm<PlanValues>({
    initialValues: initialValues(props),
    validate: (values) => {
      const errors = schemaErrors(planBody, toBody(values, current), {
        lengthMinutes: t('case.plan.form.lengthMissing'),
        startsOn: t('case.plan.form.startsOnMissing'),
      });
      // A problem with one of the dates is said once, beside the one date picker.
      for (const field of Object.keys(errors).filter((name) => name.startsWith('recurrence.dates.'))) {
        errors['recurrence.dates'] ??= errors[field]!;
        delete errors[field];
      }
      return errors;
    },
  });
  const feedback = useFormFeedback(form);
  const attendingAdults = adults.filter((adult) => form.values.attendeePersonIds.includes(adult.id));
  const onDates = form.values.recurrence.frequency === 'dates';
  const fields = [
    { name: 'serviceType', id: 'plan-service' },
    { name: 'recurrence.frequency', id: 'plan-frequency-0' },
    { name: 'recurrence', id: 'plan-frequency-0' },
    { name: 'recurrence.weekday', id: 'plan-weekday' },
    { name: 'recurrence.dates', id: 'plan-dates' },
    ...form.values.recurrence.dates.map((_, index) => ({
      name: `recurrence.dates.${index}`,
      id: 'plan-dates',
    })),
    { name: 'recurrence.startTime', id: 'plan-start-time' },
    { name: 'lengthMinutes', id: 'plan-length' },
    { name: 'startsOn', id: 'plan-starts-on' },
    { name: 'endsOn', id: 'plan-ends-on' },
    { name: 'attendeePersonIds', id: 'plan-attendee-0' },
    ...attendingAdults.flatMap((adult) => [
      { name: `timings.${adult.id}`, id: `plan-arrive-${adult.id}` },
      { name: `timings.${adult.id}.arriveMinutes`, id: `plan-arrive-${adult.id}` },
      { name: `timings.${adult.id}.leaveMinutes`, id: `plan-leave-${adult.id}` },
    ]),
    { name: 'handoverArrangements', id: 'plan-handover' },
  ];
  const submit = form.onSubmit((values) => {
    feedback.clear();
    agree.mutate(planBody.parse(toBody(values, current)), {
      onSuccess: () => {
        notifySuccess(t('case.plan.form.done'));
        onClose();
      },
      // "Not staggered enough" names the adult whose times clash: say it beside their times.
      onError: feedback.showErrorBeside(fields.map((field) => field.name)),
    });
  }, feedback.onInvalid);

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorSummary
          errors={form.errors}
          formError={feedback.formError}
          fields={fields}
          attempt={feedback.attempt}
        />
        <NativeSelect
          id="plan-service"
          size="md"
          label={t('case.plan.form.service')}
          data={SERVICES.map((service) => ({
            value: service,
            label: t(`referralTerms.services.${service}`),
          }))}
          data-autofocus
          {...form.getInputProps('serviceType')}
        />
        <Radio.Group label={t('case.plan.frequency')} {...form.getInputProps('recurrence.frequency')}>
          <Stack gap="sm" mt="xs">
            {FREQUENCIES.map((frequency, index) => (
              <Radio
                key={frequency}
                id={`plan-frequency-${index}`}
                value={frequency}
                label={
                  frequency === 'dates'
                    ? t('caseRecord.plan.onDates')
                    : t(`case.plan.form.frequencies.${frequency}`)
                }
                size="md"
              />
            ))}
          </Stack>
        </Radio.Group>
        {onDates && (
          <DatePickerInput
            id="plan-dates"
            type="multiple"
            size="md"
            label={t('caseRecord.plan.dates')}
            description={t('caseRecord.plan.datesHint')}
            placeholder={t('caseRecord.plan.datesPlaceholder')}
            valueFormat="D MMM YYYY"
            minDate={isCalendarDay(form.values.startsOn) ? form.values.startsOn : undefined}
            maxDate={isCalendarDay(form.values.endsOn) ? form.values.endsOn : undefined}
            hideOutsideDates
            previousLabel={t('dates.previous')}
            nextLabel={t('dates.next')}
            getDayAriaLabel={(date) => formatDay(date)}
            ariaLabels={{
              previousMonth: t('dates.previousMonth'),
              nextMonth: t('dates.nextMonth'),
              previousYear: t('dates.previousYear'),
              nextYear: t('dates.nextYear'),
              previousDecade: t('dates.previousDecade'),
              nextDecade: t('dates.nextDecade'),
              monthLevelControl: t('dates.chooseMonth'),
              yearLevelControl: t('dates.chooseYear'),
            }}
            value={form.values.recurrence.dates}
            onChange={(dates) => form.setFieldValue('recurrence.dates', dates)}
            error={form.errors['recurrence.dates']}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {!onDates && (
            <NativeSelect
              id="plan-weekday"
              size="md"
              label={t('case.plan.form.weekday')}
              data={WEEKDAY_ORDER.map((day) => ({ value: day, label: t(`case.plan.weekdays.${day}`) }))}
              {...form.getInputProps('recurrence.weekday')}
            />
          )}
          <TextInput
            id="plan-start-time"
            type="time"
            size="md"
            label={t('case.plan.startTime')}
            {...form.getInputProps('recurrence.startTime')}
          />
        </SimpleGrid>
        <NumberInput
          id="plan-length"
          size="md"
          label={t('case.plan.form.length')}
          min={15}
          max={600}
          step={15}
          allowDecimal={false}
          allowNegative={false}
          styles={{ wrapper: { maxWidth: 200 } }}
          {...form.getInputProps('lengthMinutes')}
        />
        <DayInput
          id="plan-starts-on"
          label={t('case.plan.form.startsOn')}
          {...form.getInputProps('startsOn')}
        />
        <DayInput
          id="plan-ends-on"
          label={t('case.plan.form.endsOn')}
          description={t('case.plan.form.endsOnHint')}
          {...form.getInputProps('endsOn')}
        />
        <Checkbox.Group label={t('case.plan.attendees')} {...form.getInputProps('attendeePersonIds')}>
          <Stack gap="sm" mt="xs">
            {people.map((person, index) => (
              <Checkbox
                key={person.id}
                id={`plan-attendee-${index}`}
                value={person.id}
                label={fullName(person)}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        {attendingAdults.map((adult) => (
          <Fieldset
            key={adult.id}
            legend={t('case.plan.form.timesOf', { name: fullName(adult) })}
            className="form-group"
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NumberInput
                id={`plan-arrive-${adult.id}`}
                label={t('case.plan.form.arrive')}
                description={t('case.plan.form.arriveHint')}
                min={-120}
                max={120}
                allowDecimal={false}
                {...form.getInputProps(`timings.${adult.id}.arriveMinutes`)}
                error={form.errors[`timings.${adult.id}.arriveMinutes`] ?? form.errors[`timings.${adult.id}`]}
              />
              <NumberInput
                id={`plan-leave-${adult.id}`}
                label={t('case.plan.form.leave')}
                description={t('case.plan.form.leaveHint')}
                min={-120}
                max={120}
                allowDecimal={false}
                {...form.getInputProps(`timings.${adult.id}.leaveMinutes`)}
              />
            </SimpleGrid>
          </Fieldset>
        ))}
        <Textarea
          id="plan-handover"
          label={t('case.plan.form.handover')}
          description={t('case.plan.form.handoverHint')}
          minRows={3}
          {...form.getInputProps('handoverArrangements')}
        />
        <Fieldset legend={t('case.plan.form.conditions')} className="form-group">
          <Stack gap="sm">
            <Checkbox
              id="plan-gifts"
              label={t('case.plan.form.gifts')}
              {...form.getInputProps('specialConditions.giftsAllowed', { type: 'checkbox' })}
            />
            <Checkbox
              id="plan-food"
              label={t('case.plan.form.food')}
              {...form.getInputProps('specialConditions.foodAllowed', { type: 'checkbox' })}
            />
            <Checkbox
              id="plan-photographs"
              label={t('case.plan.form.photographs')}
              {...form.getInputProps('specialConditions.photographsAllowed', { type: 'checkbox' })}
            />
            <Checkbox
              id="plan-no-recordings"
              label={t('case.plan.form.noRecordings')}
              description={t('case.plan.form.noRecordingsHint')}
              checked
              readOnly
              aria-readonly="true"
              onChange={() => undefined}
            />
          </Stack>
        </Fieldset>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={agree.isPending}>
            {t('case.plan.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
