import { Button, List, Menu, Stack, Table, Text } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../shared/api/admin.js';
import type { UserAction } from '../../api/admin.js';
import { LabelledCell, StackedTable } from '../../components/StackedTable.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { formatDateTime } from '../../lib/dates.js';
import { useSignedInSession } from '../../session/SignedInSession.js';
import { useCurrentCentre } from '../../session/useCurrentCentre.js';
import { actionsButtonId, roleAt } from './roleOptions.js';

interface UsersTableProps {
  users: UserView[];
  canManage: boolean;
  /** Whether the viewer may record staff checks (for the staff they can see here). */
  canEditChecks: boolean;
  labelledBy: string;
  onChangeRoles: (user: UserView) => void;
  onAction: (user: UserView, action: UserAction) => void;
  onEditChecks: (user: UserView) => void;
}

/** A person's checks in a word, with why when they need attention. */
function ChecksCell({ checks }: { checks: UserView['checks'] }) {
  const { t } = useTranslation();
  if (!checks) return <Text size="sm">{t('staffChecks.badge.notNeeded')}</Text>;
  const sentences = [...checks.problems, ...checks.warnings];
  const badge = !checks.current
    ? { tone: 'bad' as const, label: t('staffChecks.badge.notCurrent') }
    : checks.warnings.length > 0
      ? { tone: 'info' as const, label: t('staffChecks.badge.dueSoon') }
      : { tone: 'good' as const, label: t('staffChecks.badge.current') };
  return (
    <Stack gap={4} align="flex-start">
      <StatusBadge tone={badge.tone}>{badge.label}</StatusBadge>
      {sentences.length > 0 && (
        <List size="sm" spacing={2}>
          {sentences.map((sentence) => (
            <List.Item key={sentence}>{sentence}</List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

export function UsersTable({
  users,
  canManage,
  canEditChecks,
  labelledBy,
  onChangeRoles,
  onAction,
  onEditChecks,
}: UsersTableProps) {
  const hasActions = canManage || canEditChecks;
  const { t } = useTranslation();
  const session = useSignedInSession();
  const { timeZone } = useCurrentCentre();
  const column = {
    name: t('users.columns.name'),
    email: t('users.columns.email'),
    roles: t('users.columns.roles'),
    twoFactor: t('users.columns.twoFactor'),
    lastSignIn: t('users.columns.lastSignIn'),
    checks: t('staffChecks.column'),
    status: t('users.columns.status'),
    actions: t('common.actions'),
  };

  return (
    <StackedTable labelledBy={labelledBy}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{column.name}</Table.Th>
          <Table.Th>{column.email}</Table.Th>
          <Table.Th>{column.roles}</Table.Th>
          <Table.Th>{column.twoFactor}</Table.Th>
          <Table.Th>{column.lastSignIn}</Table.Th>
          <Table.Th>{column.checks}</Table.Th>
          <Table.Th>{column.status}</Table.Th>
          {hasActions && <Table.Th>{column.actions}</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {users.map((user) => (
          <Table.Tr key={user.id}>
            <LabelledCell label={column.name}>
              <Text fw={600}>{user.displayName}</Text>
            </LabelledCell>
            <LabelledCell label={column.email}>{user.email}</LabelledCell>
            <LabelledCell label={column.roles}>
              <List size="sm" listStyleType="none" spacing={2}>
                {user.roles.map((held) => (
                  <List.Item key={`${held.role}-${held.centreId ?? 'organisation'}`}>
                    {roleAt(t, held.role, held.centreName)}
                  </List.Item>
                ))}
              </List>
            </LabelledCell>
            <LabelledCell label={column.twoFactor}>
              <StatusBadge tone={user.twoFactorEnabled ? 'good' : 'neutral'}>
                {user.twoFactorEnabled ? t('users.twoFactorOn') : t('users.twoFactorOff')}
              </StatusBadge>
            </LabelledCell>
            <LabelledCell label={column.lastSignIn}>
              {user.lastSignInAt ? formatDateTime(user.lastSignInAt, timeZone) : t('common.never')}
            </LabelledCell>
            <LabelledCell label={column.checks}>
              <ChecksCell checks={user.checks} />
            </LabelledCell>
            <LabelledCell label={column.status}>
              <StatusBadge tone={user.status === 'active' ? 'good' : 'bad'}>
                {t(`users.status.${user.status}`)}
              </StatusBadge>
            </LabelledCell>
            {hasActions && (
              <LabelledCell label={column.actions}>
                {/* The menu gives its id to the button, where focus returns after a dialog about this person. */}
                <Menu id={actionsButtonId(user.id)} position="bottom-end" withinPortal>
                  <Menu.Target>
                    <Button
                      variant="default"
                      size="sm"
                      rightSection={<IconChevronDown size={16} aria-hidden="true" />}
                      aria-label={t('users.actionsFor', { name: user.displayName })}
                    >
                      {t('common.actions')}
                    </Button>
                  </Menu.Target>
                  <Menu.Dropdown>
                    {canEditChecks && user.checks && (
                      <Menu.Item onClick={() => onEditChecks(user)}>{t('staffChecks.open')}</Menu.Item>
                    )}
                    {canManage && (
                      <Menu.Item onClick={() => onChangeRoles(user)}>{t('users.changeRoles')}</Menu.Item>
                    )}
                    {canManage && user.status === 'active' && user.id !== session.user.id && (
                      <Menu.Item onClick={() => onAction(user, 'disable')}>{t('users.disable')}</Menu.Item>
                    )}
                    {canManage && user.status === 'disabled' && (
                      <Menu.Item onClick={() => onAction(user, 'enable')}>{t('users.enable')}</Menu.Item>
                    )}
                    {canManage && user.twoFactorEnabled && (
                      <Menu.Item onClick={() => onAction(user, 'reset-two-factor')}>
                        {t('users.resetTwoFactor')}
                      </Menu.Item>
                    )}
                  </Menu.Dropdown>
                </Menu>
              </LabelledCell>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </StackedTable>
  );
}
