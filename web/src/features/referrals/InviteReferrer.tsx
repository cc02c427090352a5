import { Button, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client.js';
import { useInviteReferrer } from '../../api/referrerAccounts.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { notifySuccess } from '../../components/notify.js';
import { canAtCentre } from '../../session/access.js';
import { useSignedInSession } from '../../session/SignedInSession.js';

/**
 * "Invite the referrer to follow online", for someone who manages people at the referral's centre: the
 * referrer gets a link to make an account that shows the status of their referrals and nothing else.
 */
export function InviteReferrer({
  centreId,
  referralId,
  referrerName,
  referrerEmail,
}: {
  centreId: string;
  referralId: string;
  referrerName: string;
  referrerEmail: string | null | undefined;
}) {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const [opened, setOpened] = useState(false);
  const invite = useInviteReferrer(centreId, referralId);
  if (!referrerEmail || !canAtCentre(session, centreId, 'user:manage')) return null;

  const close = () => {
    invite.reset();
    setOpened(false);
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="invite-referrer-heading">
      <Title order={2} size="h3" id="invite-referrer-heading">
        {t('inviteReferrer.title')}
      </Title>
      <Text>{t('inviteReferrer.intro', { name: referrerName })}</Text>
      <Button variant="default" style={{ alignSelf: 'flex-start' }} onClick={() => setOpened(true)}>
        {t('inviteReferrer.open')}
      </Button>
      <ConfirmDialog
        opened={opened}
        title={t('inviteReferrer.dialogTitle')}
        message={t('inviteReferrer.message', { email: referrerEmail, name: referrerName })}
        confirmLabel={t('inviteReferrer.confirm')}
        pending={invite.isPending}
        error={invite.isError ? errorMessage(invite.error) : null}
        onClose={close}
        onConfirm={() =>
          invite.mutate(undefined, {
            onSuccess: (answer) => {
              notifySuccess(t('inviteReferrer.done', { email: answer.email }));
              close();
            },
          })
        }
      />
    </Stack>
  );
}
