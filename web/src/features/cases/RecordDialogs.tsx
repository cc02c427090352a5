/**
 * Dialogs for the case record after the referral: a new court order (it supersedes the one in force), and
 * a new professional. Both check with the same shared schemas the server uses; the server's refusals land
 * beside the field they are about.
 */
import { Button, Checkbox, Group, Modal, NativeSelect, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { courtOrderBody, professionalBody } from '../../../../shared/api/caseRecord.js';
import { PROFESSIONAL_ROLES } from '../../../../shared/api/cases.js';
import { useAddProfessional, useRecordCourtOrder } from '../../api/cases.js';
import { DayInput } from '../../components/DayInput.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { notifySuccess } from '../../components/notify.js';
import { useFormFeedback } from '../../components/useFormFeedback.js';
import { isCalendarDay } from '../../lib/dates.js';
import { schemaErrors, textOrNull } from '../../lib/validation.js';
import { fullName, type CaseDetail } from './types.js';

interface DialogProps {
  record: CaseDetail;
  opened: boolean;
  onClose: () => void;
  onExited?: () => void;
}

const ORDER_KINDS = ['interim', 'final'] as const;

const ORDER_FIELDS = [
  { name: 'kind', id: 'order-kind-0' },
  { name: 'court', id: 'order-court' },
  { name: 'madeOn', id: 'order-made-on' },
  { name: 'caseNumber', id: 'order-case-number' },
  { name: 'endsOn', id: 'order-ends-on' },
  { name: 'timeLimitAgreed', id: 'order-time-limit' },
];

interface OrderValues {
  kind: string;
  court: string;
  madeOn: string;
  caseNumber: string;
  endsOn: string;
  timeLimitAgreed: boolean;
}

/** A day the form can send: a calendar day, or what was typed so the schema can say what is wrong. */
const day = (value: string): string | undefined => {
  const typed = value.trim();
  return typed === '' ? undefined : isCalendarDay(value) ? value : typed;
};

export function CourtOrderDialog(props: DialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      onExitTransitionEnd={props.onExited}
      title={t('caseRecord.courtOrder.form.title')}
    >
      {props.opened && <CourtOrderForm {...props} />}
    </Modal>
  );
}

function CourtOrderForm({ record, onClose }: DialogProps) {
  const { t } = useTranslation();
  const save = useRecordCourtOrder(record.centreId, record.id);
  const current = record.courtOrders.find((order) => order.supersededAt === null);
  const toBody = (values: OrderValues) => ({
    kind: values.kind || undefined,
    court: textOrNull(values.court) ?? undefined,
    madeOn: day(values.madeOn),
    caseNumber: textOrNull(values.caseNumber) ?? undefined,
    endsOn: day(values.endsOn),
    timeLimitAgreed: values.kind === 'final' ? values.timeLimitAgreed : undefined,
  });
  const form = useForm<OrderValues>({
    initialValues: {
      kind: 'interim',
      court: current?.court ?? '',
      madeOn: '',
      caseNumber: current?.caseNumber ?? '',
      endsOn: '',
      timeLimitAgreed: false,
    },
    validate: (values) => schemaErrors(courtOrderBody, toBody(values)),
  });
  const feedback = useFormFeedback(form);
  const submit = form.onSubmit((values) => {
    feedback.clear();
    save.mutate(courtOrderBody.parse(toBody(values)), {
      onSuccess: (file) => {
        notifySuccess(
          file.warnings.length > 0
            ? t('caseRecord.courtOrder.form.doneWithWarning')
            : t('caseRecord.courtOrder.form.done'),
        );
        onClose();
      },
      onError: feedback.showErrorBeside(ORDER_FIELDS.map((field) => field.name)),
    });
  }, feedback.onInvalid);
  const final = form.values.kind === 'final';

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorSummary
          errors={form.errors}
          formError={feedback.formError}
          fields={ORDER_FIELDS}
          attempt={feedback.attempt}
        />
        <Text>{t('caseRecord.courtOrder.form.intro')}</Text>
        <Radio.Group label={t('caseRecord.courtOrder.form.kind')} {...form.getInputProps('kind')}>
          <Stack gap="sm" mt="xs">
            {ORDER_KINDS.map((kind, index) => (
              <Radio
                key={kind}
                id={`order-kind-${index}`}
                value={kind}
                label={t(`case.courtOrder.kinds.${kind}`)}
                size="md"
                data-autofocus={index === 0 ? true : undefined}
              />
            ))}
          </Stack>
        </Radio.Group>
        <TextInput
          id="order-court"
          size="md"
          label={t('refer.courtOrder.court')}
          description={t('refer.courtOrder.courtHint')}
          {...form.getInputProps('court')}
        />
        <DayInput id="order-made-on" label={t('refer.courtOrder.madeOn')} {...form.getInputProps('madeOn')} />
        <TextInput
          id="order-case-number"
          size="md"
          label={t('refer.courtOrder.caseNumber')}
          {...form.getInputProps('caseNumber')}
        />
        <DayInput
          id="order-ends-on"
          label={final ? t('refer.courtOrder.endsOn') : t('refer.courtOrder.endsOnOptional')}
          {...form.getInputProps('endsOn')}
        />
        {final && (
          <Stack gap="xs">
            <Text>{t('refer.courtOrder.timeLimitExplained')}</Text>
            <Checkbox
              id="order-time-limit"
              label={t('refer.courtOrder.timeLimitAgreed')}
              {...form.getInputProps('timeLimitAgreed', { type: 'checkbox' })}
            />
          </Stack>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('caseRecord.courtOrder.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const PROFESSIONAL_FIELDS = [
  { name: 'role', id: 'professional-role' },
  { name: 'name', id: 'professional-name' },
  { name: 'organisation', id: 'professional-organisation' },
  { name: 'email', id: 'professional-email' },
  { name: 'phone', id: 'professional-phone' },
  { name: 'actingForPersonId', id: 'professional-acting-for' },
];

/** The court or the children: a professional who acts for no one party. */
const FOR_THE_COURT = 'court';

interface ProfessionalValues {
  role: string;
  name: string;
  organisation: string;
  email: string;
  phone: string;
  actingFor: string;
}

export function ProfessionalDialog(props: DialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      onExitTransitionEnd={props.onExited}
      title={t('caseRecord.professionals.form.title')}
    >
      {props.opened && <ProfessionalForm {...props} />}
    </Modal>
  );
}

function ProfessionalForm({ record, onClose }: DialogProps) {
  const { t } = useTranslation();
  const save = useAddProfessional(record.centreId, record.id);
  const adults = record.people.filter((person) => person.role !== 'child');
  const toBody = (values: ProfessionalValues) => ({
    role: values.role || undefined,
    name: values.name,
    organisation: textOrNull(values.organisation) ?? undefined,
    email: textOrNull(values.email) ?? undefined,
    phone: textOrNull(values.phone) ?? undefined,
    actingForPersonId: values.actingFor === FOR_THE_COURT ? null : values.actingFor || undefined,
  });
  const form = useForm<ProfessionalValues>({
    initialValues: { role: '', name: '', organisation: '', email: '', phone: '', actingFor: '' },
    validate: (values) => {
      const errors = schemaErrors(professionalBody, toBody(values), {
        role: t('caseRecord.professionals.form.roleMissing'),
        actingForPersonId: t('caseRecord.professionals.form.actingForMissing'),
      });
      // The form's field is "actingFor"; the body's is actingForPersonId.
      if (errors.actingForPersonId) {
        errors.actingFor = errors.actingForPersonId;
        delete errors.actingForPersonId;
      }
      return errors;
    },
  });
  const feedback = useFormFeedback(form);
  const fields = PROFESSIONAL_FIELDS.map((field) =>
    field.name === 'actingForPersonId' ? { ...field, name: 'actingFor' } : field,
  );
  const submit = form.onSubmit((values) => {
    feedback.clear();
    save.mutate(professionalBody.parse(toBody(values)), {
      onSuccess: () => {
        notifySuccess(t('caseRecord.professionals.form.done', { name: values.name.trim() }));
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
          fields={fields}
          attempt={feedback.attempt}
        />
        <NativeSelect
          id="professional-role"
          size="md"
          label={t('caseRecord.professionals.form.role')}
          data={[
            { value: '', label: t('caseRecord.professionals.form.choose') },
            ...PROFESSIONAL_ROLES.map((role) => ({
              value: role,
              label: t(`case.professionals.roles.${role}`),
            })),
          ]}
          data-autofocus
          {...form.getInputProps('role')}
        />
        <TextInput
          id="professional-name"
          size="md"
          label={t('caseRecord.professionals.form.name')}
          autoComplete="off"
          {...form.getInputProps('name')}
        />
        <TextInput
          id="professional-organisation"
          size="md"
          label={t('caseRecord.professionals.form.organisation')}
          {...form.getInputProps('organisation')}
        />
        <TextInput
          id="professional-email"
          size="md"
          type="email"
          label={t('caseRecord.professionals.form.email')}
          autoComplete="off"
          {...form.getInputProps('email')}
        />
        <TextInput
          id="professional-phone"
          size="md"
          type="tel"
          label={t('caseRecord.professionals.form.phone')}
          autoComplete="off"
          {...form.getInputProps('phone')}
        />
        <NativeSelect
          id="professional-acting-for"
          size="md"
          label={t('caseRecord.professionals.form.actingFor')}
          data={[
            { value: '', label: t('caseRecord.professionals.form.choose') },
            ...adults.map((adult) => ({ value: adult.id, label: fullName(adult) })),
            { value: FOR_THE_COURT, label: t('caseRecord.professionals.form.forTheCourt') },
          ]}
          {...form.getInputProps('actingFor')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('caseRecord.professionals.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
