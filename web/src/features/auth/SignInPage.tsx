import { Anchor, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { signInBody } from '../../../../shared/api/auth.js';
import { useSignIn } from '../../api/auth.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { Notice } from '../../components/Notice.js';
import { Page } from '../../components/Page.js';
import { useFormFeedback } from '../../components/useFormFeedback.js';
import { schemaErrors } from '../../lib/validation.js';
import { readSignInState, useFlash } from '../../session/signInJourney.js';

const FIELDS = [
  { name: 'email', id: 'sign-in-email' },
  { name: 'password', id: 'sign-in-password' },
];

/** Email and password. Where to go next is the guard's job: it follows the stage in the new session. */
export function SignInPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const flash = useFlash();
  const signIn = useSignIn();
  const form = useForm({
    initialValues: { email: readSignInState(location.state).email ?? '', password: '' },
    validate: (values) => schemaErrors(signInBody, values),
  });
  const feedback = useFormFeedback(form);

  const submit = form.onSubmit((values) => {
    feedback.clear();
    signIn.mutate(signInBody.parse(values), { onError: feedback.showError });
  }, feedback.onInvalid);

  return (
    <Page title={t('signIn.title')}>
      {flash && <Notice tone="success">{t(`signIn.flash.${flash}`)}</Notice>}
      <ErrorSummary
        errors={form.errors}
        formError={feedback.formError}
        fields={FIELDS}
        attempt={feedback.attempt}
      />
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            id="sign-in-email"
            label={t('fields.email')}
            type="email"
            autoComplete="username"
            spellCheck={false}
            {...form.getInputProps('email')}
          />
          <PasswordInput
            id="sign-in-password"
            label={t('fields.password')}
            autoComplete="current-password"
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={signIn.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('signIn.submit')}
          </Button>
        </Stack>
      </form>
      <Anchor component={Link} to="/forgot-password">
        {t('signIn.forgotPassword')}
      </Anchor>
      <Stack gap={4} component="section" aria-labelledby="sign-in-refer-heading" className="sign-in-refer">
        <Title order={2} size="h4" id="sign-in-refer-heading">
          {t('signIn.referTitle')}
        </Title>
        <Text>{t('signIn.referIntro')}</Text>
        <Anchor component={Link} to="/refer" fw={600}>
          {t('signIn.refer')}
        </Anchor>
        <Text mt="xs">{t('referrerLinks.signInIntro')}</Text>
        <Anchor component={Link} to="/referrer/register" fw={600}>
          {t('referrerLinks.createAccount')}
        </Anchor>
      </Stack>
    </Page>
  );
}
