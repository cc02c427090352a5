import { Button, Stack, Text, Title } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../shared/api/admin.js';
import { useUsers } from '../../api/admin.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { Page } from '../../components/Page.js';
import { useDialogTarget } from '../../components/useDialogTarget.js';
import { canAnywhere } from '../../session/access.js';
import { useSignedInSession } from '../../session/SignedInSession.js';
import { InvitationsSection } from './InvitationsSection.js';
import { InviteModal } from './InviteModal.js';
import { RolesModal } from './RolesModal.js';
import { StaffChecksDialog } from './StaffChecksDialog.js';
import { UserActionDialog, type PendingUserAction } from './UserActionDialog.js';
import { UsersTable } from './UsersTable.js';

/** Staff accounts and invitations: who can sign in, with which roles, at which centres. */
export function UsersPage() {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const users = useUsers();
  const canManage = canAnywhere(session, 'user:manage');
  const canEditChecks = canAnywhere(session, 'staff-checks:manage');
  const checksDialog = useDialogTarget<UserView>();
  const [inviting, setInviting] = useState(false);
  const rolesDialog = useDialogTarget<UserView>();
  const actionDialog = useDialogTarget<PendingUserAction>();

  return (
    <Page
      title={t('users.title')}
      action={
        canManage && (
          <Button
            leftSection={<IconUserPlus size={20} aria-hidden="true" />}
            onClick={() => setInviting(true)}
          >
            {t('users.invite.open')}
          </Button>
        )
      }
    >
      <Stack gap="sm">
        <Title order={2} id="users-heading">
          {t('users.staffTitle')}
        </Title>
        {users.isPending && <Loading />}
        {users.isError && <LoadError error={users.error} onRetry={() => void users.refetch()} />}
        {users.data && users.data.items.length === 0 && <Text>{t('users.none')}</Text>}
        {users.data && users.data.items.length > 0 && (
          <UsersTable
            users={users.data.items}
            canManage={canManage}
            canEditChecks={canEditChecks}
            labelledBy="users-heading"
            onChangeRoles={rolesDialog.open}
            onAction={(user, action) => actionDialog.open({ user, action })}
            onEditChecks={checksDialog.open}
          />
        )}
      </Stack>

      <InvitationsSection canManage={canManage} />

      <InviteModal opened={inviting} onClose={() => setInviting(false)} />
      <RolesModal user={rolesDialog.target} opened={rolesDialog.opened} onClose={rolesDialog.close} />
      <StaffChecksDialog
        user={checksDialog.target}
        opened={checksDialog.opened}
        onClose={checksDialog.close}
      />
      <UserActionDialog
        pending={actionDialog.target}
        opened={actionDialog.opened}
        onClose={actionDialog.close}
      />
    </Page>
  );
}
