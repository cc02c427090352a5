import { Anchor, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { verifyEmailBody } from '../../../../shared/api/referrer-accounts.js';
import { useSignIn } from '../../api/auth.js';
import { errorMessage, isApiError } from '../../api/client.js';
import { useVerifyEmail } from '../../api/referrerAccounts.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { Page } from '../../components/Page.js';
import { useFormFeedback } from '../../components/useFormFeedback.js';
import { schemaErrors } from '../../lib/validation.js';
import { pathForStage } from '../../session/signInJourney.js';
import { MY_REFERRALS_PATH } from './paths.js';
import { ResendLinkForm } from './ResendLinkForm.js';

const FIELDS = [{ name: 'password', id: 'verify-password' }];

/**
 * The page the emailed link opens. The password chosen at registration goes with the link (the link
 * proves the mailbox, the password that this is who registered); then the person is signed in, and
 * goes on to set up two-factor sign-in.
 */
export function VerifyEmailPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const verify = useVerifyEmail();
  const signIn = useSignIn();
  const [expired, setExpired] = useState<string | null>(null);
  const form = useForm({
    initialValues: { password: '' },
    validate: (values) => schemaErrors(verifyEmailBody, { token, ...values }),
  });
  const feedback = useFormFeedback(form);

  const submit = form.onSubmit(({ password }) => {
    feedback.clear();
    verify.mutate(
      { token, password },
      {
        onSuccess: ({ email }) =>
          signIn.mutate(
            { email, password },
            {
              onSuccess: (session) =>
                void navigate(pathForStage(session.stage, { from: MY_REFERRALS_PATH }), {
                  replace: true,
                  state: { from: MY_REFERRALS_PATH },
                }),
              // Confirmed, but signing in failed (too many attempts, say): the sign-in page says why.
              onError: () => void navigate('/sign-in', { replace: true, state: { email } }),
            },
          ),
        onError: (error) => {
          if (isApiError(error, 422) && error.code === 'link_expired') setExpired(errorMessage(error));
          else feedback.showErrorBeside(['password'])(error);
        },
      },
    );
  }, feedback.onInvalid);

  if (expired) {
    return (
      <Page title={t('referrerAccount.verify.expiredTitle')}>
        <Text>{expired}</Text>
        <ResendLinkForm />
        <Anchor component={Link} to="/sign-in" style={{ alignSelf: 'flex-start' }}>
          {t('common.goToSignIn')}
        </Anchor>
      </Page>
    );
  }

  return (
    <Page title={t('referrerAccount.verify.title')}>
      <Text>{t('referrerAccount.verify.intro')}</Text>
      <ErrorSummary
        errors={form.errors}
        formError={feedback.formError}
        fields={FIELDS}
        attempt={feedback.attempt}
      />
      <form onSubmit={submit} noValidate>
        <Stack>
          <PasswordInput
            id="verify-password"
            label={t('referrerAccount.verify.password')}
            autoComplete="current-password"
            {...form.getInputProps('password')}
          />
          <Button
            type="submit"
            loading={verify.isPending || signIn.isPending}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('referrerAccount.verify.submit')}
          </Button>
        </Stack>
      </form>
    </Page>
  );
}
