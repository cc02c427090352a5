import { Button, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { twoFactorCodeBody } from '../../../../shared/api/auth.js';
import { useVerifyTwoFactor } from '../../api/auth.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { Page } from '../../components/Page.js';
import { useFormFeedback } from '../../components/useFormFeedback.js';
import { schemaErrors } from '../../lib/validation.js';
import { codeBody, OneTimeCodeInput } from './OneTimeCodeInput.js';
import { SignOutLink } from './SignOutLink.js';

const FIELDS = [{ name: 'code', id: 'two-factor-code' }];

/** The second step of signing in: the code from the authenticator app. */
export function TwoFactorPage() {
  const { t } = useTranslation();
  const verify = useVerifyTwoFactor();
  const form = useForm({
    initialValues: { code: '' },
    validate: (values) => schemaErrors(twoFactorCodeBody, codeBody(values)),
  });
  const feedback = useFormFeedback(form);

  const submit = form.onSubmit((values) => {
    feedback.clear();
    verify.mutate(twoFactorCodeBody.parse(codeBody(values)), { onError: feedback.showError });
  }, feedback.onInvalid);

  return (
    <Page title={t('twoFactor.title')}>
      <Text>{t('twoFactor.intro')}</Text>
      <ErrorSummary
        errors={form.errors}
        formError={feedback.formError}
        fields={FIELDS}
        attempt={feedback.attempt}
      />
      <form onSubmit={submit} noValidate>
        <Stack>
          <OneTimeCodeInput id="two-factor-code" {...form.getInputProps('code')} />
          <Button type="submit" loading={verify.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('twoFactor.submit')}
          </Button>
        </Stack>
      </form>
      <SignOutLink />
    </Page>
  );
}
