import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { Notice } from '../../components/Notice.js';
import { Page } from '../../components/Page.js';
import { ResendLinkForm } from './ResendLinkForm.js';

export interface CheckEmailState {
  email: string;
}

function readState(state: unknown): CheckEmailState | null {
  if (!state || typeof state !== 'object') return null;
  const { email } = state as Record<string, unknown>;
  return typeof email === 'string' ? { email } : null;
}

/** After registering: where the link went, what happens next, and a way to get another. */
export function CheckEmailPage() {
  const { t } = useTranslation();
  const state = readState(useLocation().state);
  return (
    <Page title={t('referrerAccount.checkEmail.title')}>
      <Notice tone="success">
        {state
          ? t('referrerAccount.checkEmail.sent', { email: state.email })
          : t('referrerAccount.checkEmail.sentNoAddress')}
      </Notice>
      <Text>{t('referrerAccount.checkEmail.next')}</Text>
      <Text>{t('referrerAccount.checkEmail.spam')}</Text>
      <ResendLinkForm email={state?.email} />
      <Anchor component={Link} to="/sign-in" style={{ alignSelf: 'flex-start' }}>
        {t('common.backToSignIn')}
      </Anchor>
    </Page>
  );
}
