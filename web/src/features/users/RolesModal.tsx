import { Button, Fieldset, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { StaffRole } from '../../../../shared/access.js';
import { setRolesBody, type UserView } from '../../../../shared/api/admin.js';
import { useSetUserRoles } from '../../api/admin.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { notifySuccess } from '../../components/notify.js';
import { useFormFeedback } from '../../components/useFormFeedback.js';
import { schemaErrors } from '../../lib/validation.js';
import {
  actionsButtonId,
  isCentreRole,
  useGrantableRoles,
  useManageableCentres,
  type Option,
} from './roleOptions.js';

interface RoleRow {
  role: StaffRole | null;
  centreId: string | null;
}

/** A role the editor may not grant still shows by name when the person already holds it. */
function withHeldRole(options: Option[], held: StaffRole | null, t: TFunction): Option[] {
  if (!held || options.some((option) => option.value === held)) return options;
  return [...options, { value: held, label: t(`roles.${held}`) }];
}

function toBody(rows: RoleRow[]) {
  return {
    roles: rows.map((row) => ({ role: row.role, centreId: isCentreRole(row.role) ? row.centreId : null })),
  };
}

export function RolesModal({
  user,
  opened,
  onClose,
}: {
  user: UserView | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={user ? t('users.roles.title', { name: user.displayName }) : ''}
      onExitTransitionEnd={() => user && document.getElementById(actionsButtonId(user.id))?.focus()}
    >
      {/* Mounted only while open, so the form starts from the person's current roles each time. */}
      {opened && user && <RolesForm user={user} onDone={onClose} />}
    </Modal>
  );
}

function RolesForm({ user, onDone }: { user: UserView; onDone: () => void }) {
  const { t } = useTranslation();
  const setRoles = useSetUserRoles();
  const roleOptions = useGrantableRoles(t);
  const manageable = useManageableCentres();
  // Keep centres the person already holds roles at, even where the editor could not grant one.
  const centreOptions: Option[] = [
    ...manageable,
    ...user.roles
      .filter((held) => held.centreId && !manageable.some((option) => option.value === held.centreId))
      .map((held) => ({ value: held.centreId ?? '', label: held.centreName ?? '' })),
  ];
  const form = useForm<{ roles: RoleRow[] }>({
    initialValues: { roles: user.roles.map((held) => ({ role: held.role, centreId: held.centreId })) },
    validate: (values) => {
      const errors = schemaErrors(setRolesBody, toBody(values.roles));
      values.roles.forEach((row, index) => {
        if (!row.role) errors[`roles.${index}.role`] = t('users.invite.chooseRole');
        else if (isCentreRole(row.role) && !row.centreId) {
          errors[`roles.${index}.centreId`] = t('users.invite.chooseCentre');
        }
      });
      return errors;
    },
  });
  const feedback = useFormFeedback(form);

  const fields = [
    ...form.values.roles.flatMap((_, index) => [
      { name: `roles.${index}.role`, id: `roles-${index}-role` },
      { name: `roles.${index}.centreId`, id: `roles-${index}-centre` },
    ]),
    { name: 'roles', id: 'roles-add' },
  ];

  const submit = form.onSubmit((values) => {
    feedback.clear();
    setRoles.mutate(
      { userId: user.id, body: setRolesBody.parse(toBody(values.roles)) },
      {
        onSuccess: () => {
          notifySuccess(t('users.roles.saved', { name: user.displayName }));
          onDone();
        },
        onError: feedback.showError,
      },
    );
  }, feedback.onInvalid);

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text>{t('users.roles.intro')}</Text>
        <ErrorSummary
          errors={form.errors}
          formError={feedback.formError}
          fields={fields}
          attempt={feedback.attempt}
        />
        {form.values.roles.map((row, index) => (
          <Fieldset
            key={form.key(`roles.${index}`)}
            legend={t('users.roles.rowLegend', { number: index + 1 })}
          >
            <Stack gap="sm">
              <Select
                id={`roles-${index}-role`}
                label={t('users.role')}
                data={withHeldRole(roleOptions, row.role, t)}
                allowDeselect={false}
                {...form.getInputProps(`roles.${index}.role`)}
              />
              {isCentreRole(row.role) && (
                <Select
                  id={`roles-${index}-centre`}
                  label={t('users.centre')}
                  data={centreOptions}
                  allowDeselect={false}
                  {...form.getInputProps(`roles.${index}.centreId`)}
                />
              )}
              <Button
                variant="default"
                size="sm"
                style={{ alignSelf: 'flex-start' }}
                onClick={() => form.removeListItem('roles', index)}
              >
                {t('users.roles.remove', { number: index + 1 })}
              </Button>
            </Stack>
          </Fieldset>
        ))}
        <Button
          id="roles-add"
          variant="default"
          leftSection={<IconPlus size={18} aria-hidden="true" />}
          style={{ alignSelf: 'flex-start' }}
          onClick={() => form.insertListItem('roles', { role: null, centreId: null })}
        >
          {t('users.roles.add')}
        </Button>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={setRoles.isPending}>
            {t('users.roles.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
