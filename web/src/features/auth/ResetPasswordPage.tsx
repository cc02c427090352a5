import { Anchor, Button, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { passwordResetCompleteBody } from '../../../../shared/api/auth.js';
import { useCompletePasswordReset } from '../../api/auth.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { Page } from '../../components/Page.js';
import { useFormFeedback } from '../../components/useFormFeedback.js';
import { schemaErrors } from '../../lib/validation.js';
import { setFlash } from '../../session/signInJourney.js';

const FIELDS = [{ name: 'password', id: 'reset-password-password' }];

/** The page a reset link opens: choose a new password, then sign in with it. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const complete = useCompletePasswordReset();
  const form = useForm({
    initialValues: { password: '' },
    validate: (values) => {
      const errors = schemaErrors(passwordResetCompleteBody, { token, ...values });
      // The token is not something the person typed: say what to do about a broken link instead.
      if (errors.token) errors.token = t('resetPassword.badLink');
      return errors;
    },
  });
  const feedback = useFormFeedback(form);

  const submit = form.onSubmit((values) => {
    feedback.clear();
    complete.mutate(passwordResetCompleteBody.parse({ token, ...values }), {
      onSuccess: () => {
        setFlash('passwordChanged');
        void navigate('/sign-in');
      },
      onError: feedback.showError,
    });
  }, feedback.onInvalid);

  return (
    <Page title={t('resetPassword.title')}>
      <ErrorSummary
        errors={form.errors}
        formError={feedback.formError}
        fields={FIELDS}
        attempt={feedback.attempt}
      />
      <form onSubmit={submit} noValidate>
        <Stack>
          <PasswordInput
            id="reset-password-password"
            label={t('fields.newPassword')}
            description={t('fields.newPasswordHint')}
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={complete.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('resetPassword.submit')}
          </Button>
        </Stack>
      </form>
      <Anchor component={Link} to="/forgot-password">
        {t('resetPassword.askAgain')}
      </Anchor>
    </Page>
  );
}
