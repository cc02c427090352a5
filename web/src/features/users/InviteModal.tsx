import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { inviteBody } from '../../../../shared/api/admin.js';
import { useInvite } from '../../api/admin.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { notifySuccess } from '../../components/notify.js';
import { useFormFeedback } from '../../components/useFormFeedback.js';
import { schemaErrors } from '../../lib/validation.js';
import { useCurrentCentre } from '../../session/useCurrentCentre.js';
import { isCentreRole, useGrantableRoles, useManageableCentres } from './roleOptions.js';

const FIELDS = [
  { name: 'email', id: 'invite-email' },
  { name: 'role', id: 'invite-role' },
  { name: 'centreId', id: 'invite-centre' },
];

interface InviteValues {
  email: string;
  role: string | null;
  centreId: string | null;
}

/** The organisation admin role is for every centre; every other role is held at one centre. */
function toBody(values: InviteValues) {
  return { ...values, centreId: isCentreRole(values.role) ? values.centreId : null };
}

export function InviteModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('users.invite.title')}>
      {/* Mounted only while open, so each invitation starts with an empty form. */}
      {opened && <InviteForm onDone={onClose} />}
    </Modal>
  );
}

function InviteForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const invite = useInvite();
  const roles = useGrantableRoles(t);
  const centres = useManageableCentres();
  const { centre } = useCurrentCentre();
  const form = useForm<InviteValues>({
    initialValues: {
      email: '',
      role: null,
      centreId: centres.some((option) => option.value === centre?.id) ? (centre?.id ?? null) : null,
    },
    validate: (values) => {
      const errors = schemaErrors(inviteBody, toBody(values), { role: t('users.invite.chooseRole') });
      if (isCentreRole(values.role) && !values.centreId) errors.centreId = t('users.invite.chooseCentre');
      return errors;
    },
  });
  const feedback = useFormFeedback(form);
  const needsCentre = form.values.role === null || isCentreRole(form.values.role);

  const submit = form.onSubmit((values) => {
    feedback.clear();
    const body = inviteBody.parse(toBody(values));
    invite.mutate(body, {
      onSuccess: () => {
        notifySuccess(t('users.invite.sent', { email: body.email }));
        onDone();
      },
      onError: feedback.showError,
    });
  }, feedback.onInvalid);

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text>{t('users.invite.intro')}</Text>
        <ErrorSummary
          errors={form.errors}
          formError={feedback.formError}
          fields={FIELDS}
          attempt={feedback.attempt}
        />
        <TextInput
          id="invite-email"
          label={t('fields.email')}
          type="email"
          autoComplete="off"
          spellCheck={false}
          data-autofocus
          {...form.getInputProps('email')}
        />
        <Select
          id="invite-role"
          label={t('users.role')}
          data={roles}
          allowDeselect={false}
          {...form.getInputProps('role')}
        />
        {needsCentre && (
          <Select
            id="invite-centre"
            label={t('users.centre')}
            description={t('users.invite.centreHint')}
            data={centres}
            searchable={centres.length > 8}
            nothingFoundMessage={t('common.nothingFound')}
            allowDeselect={false}
            {...form.getInputProps('centreId')}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={invite.isPending}>
            {t('users.invite.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
