import { Anchor, Box, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { passwordResetRequestBody } from '../../../../shared/api/auth.js';
import { useRequestPasswordReset } from '../../api/auth.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { Notice } from '../../components/Notice.js';
import { Page } from '../../components/Page.js';
import { useFormFeedback } from '../../components/useFormFeedback.js';
import { schemaErrors } from '../../lib/validation.js';

const FIELDS = [{ name: 'email', id: 'forgot-password-email' }];

/** Ask for a reset link. The answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const request = useRequestPasswordReset();
  const form = useForm({
    initialValues: { email: '' },
    validate: (values) => schemaErrors(passwordResetRequestBody, values),
  });
  const feedback = useFormFeedback(form);

  const submit = form.onSubmit((values) => {
    feedback.clear();
    request.mutate(passwordResetRequestBody.parse(values), { onError: feedback.showError });
  }, feedback.onInvalid);

  return (
    <Page title={t('forgotPassword.title')}>
      <Text>{t('forgotPassword.intro')}</Text>
      {/* Present from the start, so the confirmation is announced when it appears. */}
      <Box role="status">
        {request.isSuccess && <Notice tone="success">{t('forgotPassword.sent')}</Notice>}
      </Box>
      <ErrorSummary
        errors={form.errors}
        formError={feedback.formError}
        fields={FIELDS}
        attempt={feedback.attempt}
      />
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            id="forgot-password-email"
            label={t('fields.email')}
            type="email"
            autoComplete="username"
            spellCheck={false}
            {...form.getInputProps('email')}
          />
          <Button type="submit" loading={request.isPending} style={{ alignSelf: 'flex-start' }}>
            {request.isSuccess ? t('forgotPassword.sendAgain') : t('forgotPassword.submit')}
          </Button>
        </Stack>
      </form>
      <Anchor component={Link} to="/sign-in">
        {t('common.backToSignIn')}
      </Anchor>
    </Page>
  );
}
