import { Anchor, Stack, Table, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxMessageView } from '../../../../shared/api/outbox.js';
import { useOutbox, type OutboxStatus } from '../../api/outbox.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { Notice } from '../../components/Notice.js';
import { Page } from '../../components/Page.js';
import { LabelledCell, StackedTable } from '../../components/StackedTable.js';
import { useDialogTarget } from '../../components/useDialogTarget.js';
import { formatDateTime } from '../../lib/dates.js';
import { useCurrentCentre } from '../../session/useCurrentCentre.js';
import { MessageModal } from './MessageModal.js';

/** Mail the system has written: waiting to go, or gone. Each message can be read in full. */
export function OutboxPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<OutboxStatus>('pending');
  // Asked once here, for the notice about mail not being sent; the tab below shares the same query.
  const pending = useOutbox('pending');

  return (
    <Page title={t('outbox.title')}>
      {pending.data && !pending.data.smtpConfigured && (
        <Notice title={t('outbox.noSmtpTitle')}>{t('outbox.noSmtp')}</Notice>
      )}
      <Tabs
        value={status}
        onChange={(value) => setStatus(value === 'sent' ? 'sent' : 'pending')}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="pending">{t('outbox.tabs.pending')}</Tabs.Tab>
          <Tabs.Tab value="sent">{t('outbox.tabs.sent')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="pending" pt="md">
          <OutboxList status="pending" />
        </Tabs.Panel>
        <Tabs.Panel value="sent" pt="md">
          <OutboxList status="sent" />
        </Tabs.Panel>
      </Tabs>
    </Page>
  );
}

function OutboxList({ status }: { status: OutboxStatus }) {
  const { t } = useTranslation();
  const outbox = useOutbox(status);
  const { timeZone } = useCurrentCentre();
  const dialog = useDialogTarget<OutboxMessageView>();
  const column = {
    to: t('outbox.columns.to'),
    subject: t('outbox.columns.subject'),
    created: t('outbox.columns.created'),
    progress: status === 'sent' ? t('outbox.columns.sent') : t('outbox.columns.attempts'),
  };

  if (outbox.isPending) return <Loading />;
  if (outbox.isError) return <LoadError error={outbox.error} onRetry={() => void outbox.refetch()} />;
  if (outbox.data.items.length === 0) return <Text>{t(`outbox.none.${status}`)}</Text>;

  return (
    <Stack>
      <StackedTable label={t(`outbox.tabs.${status}`)}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{column.subject}</Table.Th>
            <Table.Th>{column.to}</Table.Th>
            <Table.Th>{column.created}</Table.Th>
            <Table.Th>{column.progress}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {outbox.data.items.map((message) => (
            // The whole row opens the message for a mouse; the subject is the button for keyboards.
            <Table.Tr key={message.id} onClick={() => dialog.open(message)} style={{ cursor: 'pointer' }}>
              <LabelledCell label={column.subject}>
                <Anchor
                  component="button"
                  type="button"
                  fw={600}
                  ta="left"
                  onClick={(event) => {
                    event.stopPropagation();
                    dialog.open(message);
                  }}
                >
                  {message.subject}
                </Anchor>
              </LabelledCell>
              <LabelledCell label={column.to}>{message.to}</LabelledCell>
              <LabelledCell label={column.created}>
                {formatDateTime(message.createdAt, timeZone)}
              </LabelledCell>
              <LabelledCell label={column.progress}>
                {message.sentAt
                  ? formatDateTime(message.sentAt, timeZone)
                  : t('outbox.attemptCount', { count: message.attempts })}
              </LabelledCell>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </StackedTable>
      <MessageModal
        message={dialog.target}
        opened={dialog.opened}
        timeZone={timeZone}
        onClose={dialog.close}
      />
    </Stack>
  );
}
