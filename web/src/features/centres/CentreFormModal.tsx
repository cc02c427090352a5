import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { centreBody, type CentreView } from '../../../../shared/api/admin.js';
import { useCreateCentre, useUpdateCentre } from '../../api/admin.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { notifySuccess } from '../../components/notify.js';
import { useFormFeedback } from '../../components/useFormFeedback.js';
import { DEFAULT_TIME_ZONE } from '../../lib/dates.js';
import { timeZoneOptions } from '../../lib/timeZones.js';
import { schemaErrors, textOrNull } from '../../lib/validation.js';

const FIELDS = [
  { name: 'name', id: 'centre-name' },
  { name: 'timeZone', id: 'centre-time-zone' },
  { name: 'address', id: 'centre-address' },
  { name: 'phone', id: 'centre-phone' },
  { name: 'email', id: 'centre-email' },
];

interface CentreValues {
  name: string;
  timeZone: string | null;
  address: string;
  phone: string;
  email: string;
}

function toBody(values: CentreValues) {
  return {
    name: values.name,
    timeZone: values.timeZone,
    address: textOrNull(values.address),
    phone: textOrNull(values.phone),
    email: textOrNull(values.email),
  };
}

interface CentreFormModalProps {
  /** The centre to change; null to add a new one. */
  centre: CentreView | null;
  opened: boolean;
  onClose: () => void;
}

export function CentreFormModal({ centre, opened, onClose }: CentreFormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={centre ? t('centres.form.editTitle', { name: centre.name }) : t('centres.form.addTitle')}
    >
      {opened && <CentreForm centre={centre} onDone={onClose} />}
    </Modal>
  );
}

function CentreForm({ centre, onDone }: { centre: CentreView | null; onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateCentre();
  const update = useUpdateCentre();
  const form = useForm<CentreValues>({
    initialValues: {
      name: centre?.name ?? '',
      timeZone: centre?.timeZone ?? DEFAULT_TIME_ZONE,
      address: centre?.address ?? '',
      phone: centre?.phone ?? '',
      email: centre?.email ?? '',
    },
    validate: (values) => schemaErrors(centreBody, toBody(values)),
  });
  const feedback = useFormFeedback(form);

  const submit = form.onSubmit((values) => {
    feedback.clear();
    const body = centreBody.parse(toBody(values));
    const onSuccess = () => {
      notifySuccess(
        centre ? t('centres.form.saved', { name: body.name }) : t('centres.form.added', { name: body.name }),
      );
      onDone();
    };
    if (centre) update.mutate({ centreId: centre.id, body }, { onSuccess, onError: feedback.showError });
    else create.mutate(body, { onSuccess, onError: feedback.showError });
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
          id="centre-name"
          label={t('centres.fields.name')}
          data-autofocus
          {...form.getInputProps('name')}
        />
        <Select
          id="centre-time-zone"
          label={t('fields.timeZone')}
          description={t('fields.timeZoneHint')}
          data={timeZoneOptions(form.values.timeZone)}
          searchable
          allowDeselect={false}
          nothingFoundMessage={t('common.nothingFound')}
          {...form.getInputProps('timeZone')}
        />
        <Textarea
          id="centre-address"
          label={t('centres.fields.address')}
          description={t('common.optional')}
          autoComplete="off"
          {...form.getInputProps('address')}
        />
        <TextInput
          id="centre-phone"
          label={t('centres.fields.phone')}
          description={t('common.optional')}
          type="tel"
          autoComplete="off"
          {...form.getInputProps('phone')}
        />
        <TextInput
          id="centre-email"
          label={t('centres.fields.email')}
          description={t('common.optional')}
          type="email"
          autoComplete="off"
          spellCheck={false}
          {...form.getInputProps('email')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {centre ? t('common.saveChanges') : t('centres.form.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
