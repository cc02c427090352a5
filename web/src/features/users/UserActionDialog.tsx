import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../shared/api/admin.js';
import { useUserAction, type UserAction } from '../../api/admin.js';
import { errorMessage } from '../../api/client.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { notifySuccess } from '../../components/notify.js';
import { actionsButtonId } from './roleOptions.js';

export interface PendingUserAction {
  user: UserView;
  action: UserAction;
}

const WORDING = {
  disable: { key: 'disable', destructive: true },
  enable: { key: 'enable', destructive: false },
  'reset-two-factor': { key: 'resetTwoFactor', destructive: true },
} as const;

/** Disable, enable or reset two-factor, after saying plainly what will happen to the person. */
export function UserActionDialog({
  pending,
  opened,
  onClose,
}: {
  pending: PendingUserAction | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const run = useUserAction();
  const wording = pending ? WORDING[pending.action] : null;
  const name = pending?.user.displayName ?? '';

  const close = () => {
    run.reset();
    onClose();
  };

  return (
    <ConfirmDialog
      opened={opened}
      title={wording ? t(`users.actions.${wording.key}.title`, { name }) : ''}
      message={wording ? t(`users.actions.${wording.key}.message`, { name }) : ''}
      confirmLabel={wording ? t(`users.actions.${wording.key}.confirm`) : ''}
      destructive={wording?.destructive}
      pending={run.isPending}
      error={run.isError ? errorMessage(run.error) : null}
      onClose={close}
      // Opened from a menu whose item is gone by now: go back to the person's Actions button.
      onExited={() => pending && document.getElementById(actionsButtonId(pending.user.id))?.focus()}
      onConfirm={() => {
        if (!pending || !wording) return;
        run.mutate(
          { userId: pending.user.id, action: pending.action },
          {
            onSuccess: () => {
              notifySuccess(t(`users.actions.${wording.key}.done`, { name }));
              close();
            },
          },
        );
      }}
    />
  );
}
