import { Button, Stack, Table, Text, Title } from '@mantine/core';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { invitationSummary } from '../../../../shared/api/admin.js';
import { useInvitations, useRevokeInvitation } from '../../api/admin.js';
import { errorMessage } from '../../api/client.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { notifySuccess } from '../../components/notify.js';
import { LabelledCell, StackedTable } from '../../components/StackedTable.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { useDialogTarget } from '../../components/useDialogTarget.js';
import { formatDateTime } from '../../lib/dates.js';
import { useCurrentCentre } from '../../session/useCurrentCentre.js';
import { roleAt } from './roleOptions.js';

type Invitation = z.infer<typeof invitationSummary>;

/** People invited who have not yet created their account, with a way to take the invitation back. */
export function InvitationsSection({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const invitations = useInvitations();
  const revoke = useRevokeInvitation();
  const { timeZone } = useCurrentCentre();
  const revokeDialog = useDialogTarget<Invitation>();
  const revoking = revokeDialog.target;
  const revokedId = useRef<string | null>(null);

  const column = {
    email: t('users.columns.email'),
    role: t('users.columns.role'),
    invitedBy: t('users.columns.invitedBy'),
    expires: t('users.columns.expires'),
    actions: t('common.actions'),
  };
  const close = () => {
    revoke.reset();
    revokeDialog.close();
  };

  return (
    <Stack gap="sm">
      <Title order={2} id="invitations-heading" tabIndex={-1}>
        {t('users.invitations.title')}
      </Title>
      {invitations.isPending && <Loading />}
      {invitations.isError && (
        <LoadError error={invitations.error} onRetry={() => void invitations.refetch()} />
      )}
      {invitations.data && invitations.data.items.length === 0 && <Text>{t('users.invitations.none')}</Text>}
      {invitations.data && invitations.data.items.length > 0 && (
        <StackedTable labelledBy="invitations-heading">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{column.email}</Table.Th>
              <Table.Th>{column.role}</Table.Th>
              <Table.Th>{column.invitedBy}</Table.Th>
              <Table.Th>{column.expires}</Table.Th>
              {canManage && <Table.Th>{column.actions}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {invitations.data.items.map((invitation) => {
              const expired = Date.parse(invitation.expiresAt) < Date.now();
              return (
                <Table.Tr key={invitation.id}>
                  <LabelledCell label={column.email}>{invitation.email}</LabelledCell>
                  <LabelledCell label={column.role}>
                    {roleAt(t, invitation.role, invitation.centreName)}
                  </LabelledCell>
                  <LabelledCell label={column.invitedBy}>
                    {invitation.invitedBy ?? t('common.unknown')}
                  </LabelledCell>
                  <LabelledCell label={column.expires}>
                    {expired ? (
                      <StatusBadge tone="bad">{t('users.invitations.expired')}</StatusBadge>
                    ) : (
                      formatDateTime(invitation.expiresAt, timeZone)
                    )}
                  </LabelledCell>
                  {canManage && (
                    <LabelledCell label={column.actions}>
                      <Button
                        variant="default"
                        size="sm"
                        aria-label={t('users.invitations.revokeFor', { email: invitation.email })}
                        onClick={() => revokeDialog.open(invitation)}
                      >
                        {t('users.invitations.revoke')}
                      </Button>
                    </LabelledCell>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </StackedTable>
      )}
      <ConfirmDialog
        opened={revokeDialog.opened}
        title={t('users.invitations.confirmTitle')}
        message={t('users.invitations.confirmMessage', { email: revoking?.email ?? '' })}
        confirmLabel={t('users.invitations.revoke')}
        destructive
        pending={revoke.isPending}
        error={revoke.isError ? errorMessage(revoke.error) : null}
        onClose={close}
        // The row and its button are gone after a revoke: land on the list's heading instead.
        onExited={() => {
          if (revokedId.current) document.getElementById('invitations-heading')?.focus();
          revokedId.current = null;
        }}
        onConfirm={() => {
          if (!revoking) return;
          revoke.mutate(revoking.id, {
            onSuccess: () => {
              revokedId.current = revoking.id;
              notifySuccess(t('users.invitations.revoked', { email: revoking.email }));
              close();
            },
          });
        }}
      />
    </Stack>
  );
}
