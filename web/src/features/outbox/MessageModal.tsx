import { Anchor, Modal, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxMessageView } from '../../../../shared/api/outbox.js';
import { formatDateTime } from '../../lib/dates.js';

const LINK = /(https?:\/\/[^\s<>"]+)/g;

/** Plain text with its web addresses made clickable: an invitation link can be opened or copied. */
function TextWithLinks({ text }: { text: string }) {
  return (
    <>
      {text.split(LINK).map((part, index) =>
        index % 2 === 1 ? (
          <Anchor key={index} href={part} target="_blank" rel="noreferrer">
            {part}
          </Anchor>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </>
  );
}

interface MessageModalProps {
  message: OutboxMessageView | null;
  opened: boolean;
  timeZone: string;
  onClose: () => void;
}

export function MessageModal({ message, opened, timeZone, onClose }: MessageModalProps) {
  const { t } = useTranslation();
  if (!message) return null;

  const details = [
    { label: t('outbox.columns.to'), value: message.to },
    { label: t('outbox.columns.created'), value: formatDateTime(message.createdAt, timeZone) },
    { label: t('outbox.columns.status'), value: t(`outbox.status.${message.status}`) },
    message.sentAt
      ? { label: t('outbox.columns.sent'), value: formatDateTime(message.sentAt, timeZone) }
      : {
          label: t('outbox.columns.nextAttempt'),
          value: message.nextAttemptAt
            ? formatDateTime(message.nextAttemptAt, timeZone)
            : t('outbox.notScheduled'),
        },
    { label: t('outbox.columns.attempts'), value: String(message.attempts) },
    ...(message.lastError ? [{ label: t('outbox.columns.lastError'), value: message.lastError }] : []),
  ];

  return (
    <Modal opened={opened} onClose={onClose} title={message.subject} size="xl">
      <Stack>
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="xs">
          {details.map((detail) => (
            <div key={detail.label}>
              <Text component="dt" fw={700} size="sm">
                {detail.label}
              </Text>
              <Text component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
                {detail.value}
              </Text>
            </div>
          ))}
        </SimpleGrid>
        <Paper withBorder p="md" component="section" aria-label={t('outbox.body')}>
          <Text className="message-body">
            <TextWithLinks text={message.body} />
          </Text>
        </Paper>
      </Stack>
    </Modal>
  );
}
