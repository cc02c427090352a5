import { Button, Group, Modal, NativeSelect, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  checkItemBody,
  holdBackBody,
  INDIRECT_ITEM_KINDS,
  indirectItemBody,
  ITEM_TEXT_MAX,
} from '../../../../shared/api/session-records.js';
import { useItemStep, useReceiveItem } from '../../api/sessionRecords.js';
import { DayInput } from '../../components/DayInput.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { notifySuccess } from '../../components/notify.js';
import { useFormFeedback } from '../../components/useFormFeedback.js';
import { isCalendarDay, zonedDateTime } from '../../lib/dates.js';
import { schemaErrors } from '../../lib/validation.js';
import { useCurrentCentre } from '../../session/useCurrentCentre.js';
import { fullName, type Person } from '../cases/types.js';

interface DialogProps {
  centreId: string;
  caseId: string;
  opened: boolean;
  onClose: () => void;
  onExited?: () => void;
}

/** Records a letter, card, gift or other item received from an adult of the case for a child. */
export function ReceiveItemDialog(props: DialogProps & { people: Person[] }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      onExitTransitionEnd={props.onExited}
      title={t('sessionRecords.items.form.title')}
      size="lg"
    >
      {props.opened && <ReceiveItemForm {...props} />}
    </Modal>
  );
}

const RECEIVE_FIELDS = [
  { name: 'kind', id: 'item-kind-0' },
  { name: 'fromPersonId', id: 'item-from' },
  { name: 'forPersonId', id: 'item-for' },
  { name: 'description', id: 'item-description' },
  { name: 'date', id: 'item-date' },
  { name: 'time', id: 'item-time' },
  { name: 'receivedAt', id: 'item-date' },
];

interface ReceiveValues {
  kind: string;
  fromPersonId: string;
  forPersonId: string;
  description: string;
  date: string;
  time: string;
}

function ReceiveItemForm({ centreId, caseId, people, onClose }: DialogProps & { people: Person[] }) {
  const { t } = useTranslation();
  const { timeZone } = useCurrentCentre();
  const receive = useReceiveItem(centreId, caseId);
  const adults = people.filter((person) => person.role !== 'child');
  const children = people.filter((person) => person.role === 'child');
  const now = dayjs().tz(timeZone);
  const toBody = (values: ReceiveValues) => ({
    kind: values.kind || undefined,
    fromPersonId: values.fromPersonId || undefined,
    forPersonId: values.forPersonId || null,
    description: values.description,
    receivedAt: zonedDateTime(values.date, values.time, timeZone) ?? undefined,
  });
  const form = useForm<ReceiveValues>({
    initialValues: {
      kind: '',
      fromPersonId: '',
      forPersonId: children.length === 1 ? children[0]!.id : '',
      description: '',
      date: now.format('YYYY-MM-DD'),
      time: now.format('HH:mm'),
    },
    validate: (values) => {
      const errors = schemaErrors(indirectItemBody, toBody(values), {
        kind: t('sessionRecords.items.form.kindMissing'),
        fromPersonId: t('sessionRecords.items.form.fromMissing'),
      });
      if (!isCalendarDay(values.date)) errors.date = t('sessionRecords.items.form.dateMissing');
      else if (!/^\d{2}:\d{2}$/.test(values.time)) errors.time = t('sessionRecords.items.form.timeMissing');
      return errors;
    },
  });
  const feedback = useFormFeedback(form);
  const submit = form.onSubmit((values) => {
    feedback.clear();
    receive.mutate(indirectItemBody.parse(toBody(values)), {
      onSuccess: (item) => {
        notifySuccess(
          t('sessionRecords.items.form.done', {
            item: t(`sessionRecords.items.kinds.${item.kind}`).toLowerCase(),
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
          fields={RECEIVE_FIELDS}
          attempt={feedback.attempt}
        />
        <Radio.Group label={t('sessionRecords.items.form.kind')} {...form.getInputProps('kind')}>
          <Group gap="lg" mt="xs">
            {INDIRECT_ITEM_KINDS.map((kind, index) => (
              <Radio
                key={kind}
                id={`item-kind-${index}`}
                value={kind}
                label={t(`sessionRecords.items.kinds.${kind}`)}
                size="md"
                data-autofocus={index === 0 ? true : undefined}
              />
            ))}
          </Group>
        </Radio.Group>
        <NativeSelect
          id="item-from"
          size="md"
          label={t('sessionRecords.items.form.from')}
          data={[
            { value: '', label: t('sessionRecords.items.form.fromMissing') },
            ...adults.map((adult) => ({ value: adult.id, label: fullName(adult) })),
          ]}
          {...form.getInputProps('fromPersonId')}
        />
        <NativeSelect
          id="item-for"
          size="md"
          label={t('sessionRecords.items.form.for')}
          data={[
            { value: '', label: t('sessionRecords.items.form.forAll') },
            ...children.map((child) => ({ value: child.id, label: fullName(child) })),
          ]}
          {...form.getInputProps('forPersonId')}
        />
        <Textarea
          id="item-description"
          size="md"
          autosize
          minRows={2}
          maxLength={ITEM_TEXT_MAX}
          label={t('sessionRecords.items.form.description')}
          description={t('sessionRecords.items.form.descriptionHint')}
          {...form.getInputProps('description')}
        />
        <DayInput
          id="item-date"
          label={t('sessionRecords.items.form.date')}
          {...form.getInputProps('date')}
          error={form.errors.date ?? form.errors.receivedAt}
        />
        <TextInput
          id="item-time"
          type="time"
          size="md"
          label={t('sessionRecords.items.form.time')}
          styles={{ wrapper: { maxWidth: 200 } }}
          {...form.getInputProps('time')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={receive.isPending}>
            {t('sessionRecords.items.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The item a step is about: its id and how it is named ("card from Mark Hill"). */
export interface ItemTarget {
  id: string;
  name: string;
}

interface StepDialogProps extends DialogProps {
  target: ItemTarget | null;
  step: 'check' | 'hold-back';
}

/** The check of an item (what it found), or holding it back (why): one text each. */
export function ItemStepDialog(props: StepDialogProps) {
  const { t } = useTranslation();
  const words = props.step === 'check' ? 'check' : 'holdBack';
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      onExitTransitionEnd={props.onExited}
      title={props.target ? t(`sessionRecords.items.${words}.title`, { item: props.target.name }) : ''}
    >
      {props.opened && props.target && <ItemStepForm {...props} target={props.target} />}
    </Modal>
  );
}

function ItemStepForm({ centreId, caseId, target, step, onClose }: StepDialogProps & { target: ItemTarget }) {
  const { t } = useTranslation();
  const take = useItemStep(centreId, caseId);
  const checking = step === 'check';
  const field = checking ? 'notes' : 'reason';
  const form = useForm({
    initialValues: { text: '' },
    validate: (values) => {
      const errors = checking
        ? schemaErrors(checkItemBody, { notes: values.text })
        : schemaErrors(holdBackBody, { reason: values.text });
      return errors[field] ? { text: errors[field] } : {};
    },
  });
  const feedback = useFormFeedback(form);
  const submit = form.onSubmit((values) => {
    feedback.clear();
    take.mutate(
      checking
        ? { step: 'check', itemId: target.id, notes: values.text.trim() }
        : { step: 'hold-back', itemId: target.id, reason: values.text.trim() },
      {
        onSuccess: () => {
          notifySuccess(
            t(checking ? 'sessionRecords.items.check.done' : 'sessionRecords.items.holdBack.done'),
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
          fields={[{ name: 'text', id: 'item-step-text' }]}
          attempt={feedback.attempt}
        />
        <Text>
          {t(checking ? 'sessionRecords.items.check.intro' : 'sessionRecords.items.holdBack.intro')}
        </Text>
        <Textarea
          id="item-step-text"
          size="md"
          autosize
          minRows={3}
          maxLength={ITEM_TEXT_MAX}
          label={t(checking ? 'sessionRecords.items.check.notes' : 'sessionRecords.items.holdBack.reason')}
          data-autofocus
          {...form.getInputProps('text')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color={checking ? undefined : 'red.9'} loading={take.isPending}>
            {t(checking ? 'sessionRecords.items.check.submit' : 'sessionRecords.items.holdBack.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
