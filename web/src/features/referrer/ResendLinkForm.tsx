import { Box, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { resendVerificationBody } from '../../../../shared/api/referrer-accounts.js';
import { useResendVerification } from '../../api/referrerAccounts.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { Notice } from '../../components/Notice.js';
import { useFormFeedback } from '../../components/useFormFeedback.js';
import { schemaErrors } from '../../lib/validation.js';

const FIELDS = [{ name: 'email', id: 'resend-email' }];

/** A new link to confirm the address. The answer is the same whether or not the address has an account. */
export function ResendLinkForm({ email = '' }: { email?: string }) {
  const { t } = useTranslation();
  const resend = useResendVerification();
  const form = useForm({
    initialValues: { email },
    validate: (values) => schemaErrors(resendVerificationBody, values),
  });
  const feedback = useFormFeedback(form);

  const submit = form.onSubmit((values) => {
    feedback.clear();
    resend.mutate(resendVerificationBody.parse(values), { onError: feedback.showError });
  }, feedback.onInvalid);

  return (
    <Stack gap="sm" component="section" aria-labelledby="resend-heading">
      <Title order={2} size="h3" id="resend-heading">
        {t('referrerAccount.resend.title')}
      </Title>
      <Text>{t('referrerAccount.resend.intro')}</Text>
      {/* Present from the start, so the answer is announced when it appears. */}
      <Box role="status">
        {resend.isSuccess && (
          <Notice tone="success" role="none">
            {resend.data.message}
          </Notice>
        )}
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
            id="resend-email"
            label={t('referrerAccount.resend.email')}
            type="email"
            autoComplete="username"
            spellCheck={false}
            {...form.getInputProps('email')}
          />
          <Button
            type="submit"
            variant="default"
            loading={resend.isPending}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('referrerAccount.resend.submit')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
