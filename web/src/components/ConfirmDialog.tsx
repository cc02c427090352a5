import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ConfirmDialogProps {
  opened: boolean;
  title: string;
  /** Says what will happen, naming the person or thing. */
  message: string;
  confirmLabel: string;
  destructive?: boolean;
  pending: boolean;
  error: string | null;
  onConfirm: () => void;
  onClose: () => void;
  /** Called once the dialog has gone: the place to move focus if what opened it is gone too. */
  onExited?: () => void;
  /** A choice the action needs (an outcome, a reason), shown under the message. */
  children?: ReactNode;
}

/** Asks once before an action that is hard to undo. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      onExitTransitionEnd={props.onExited}
      title={props.title}
    >
      <Stack>
        <Text>{props.message}</Text>
        {props.children}
        {props.error && (
          <Alert color="red.9" variant="outline" role="alert">
            {props.error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color={props.destructive ? 'red.9' : undefined}
            loading={props.pending}
            onClick={props.onConfirm}
          >
            {props.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
