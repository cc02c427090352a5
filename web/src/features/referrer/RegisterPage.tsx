import { Anchor, Button, PasswordInput, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { REFERRER_ROLES } from '../../../../shared/api/referrals.js';
import { referrerRegistrationBody } from '../../../../shared/api/referrer-accounts.js';
import { useRegisterReferrer } from '../../api/referrerAccounts.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { Page } from '../../components/Page.js';
import { useFormFeedback } from '../../components/useFormFeedback.js';
import { schemaErrors } from '../../lib/validation.js';
import type { CheckEmailState } from './CheckEmailPage.js';

const FIELDS = [
  { name: 'name', id: 'register-name' },
  { name: 'email', id: 'register-email' },
  { name: 'password', id: 'register-password' },
  { name: 'role', id: 'register-role-0' },
  { name: 'organisation', id: 'register-organisation' },
  { name: 'phone', id: 'register-phone' },
];

const EMPTY = { name: '', email: '', password: '', role: '', organisation: '', phone: '' };

/** Anyone who refers families may make an account; it shows them their own referrals once proven. */
export function RegisterPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const register = useRegisterReferrer();
  const form = useForm({
    initialValues: EMPTY,
    validate: (values) =>
      schemaErrors(referrerRegistrationBody, values, { role: t('referrerAccount.register.role') }),
  });
  const feedback = useFormFeedback(form);

  const submit = form.onSubmit((values) => {
    feedback.clear();
    const body = referrerRegistrationBody.parse(values);
    register.mutate(body, {
      onSuccess: () =>
        void navigate('/referrer/check-email', { state: { email: body.email } satisfies CheckEmailState }),
      onError: feedback.showError,
    });
  }, feedback.onInvalid);

  return (
    <Page title={t('referrerAccount.register.title')}>
      <Text>{t('referrerAccount.register.intro')}</Text>
      <Text>
        {t('referrerAccount.register.noAccountNeeded')}{' '}
        <Anchor component={Link} to="/refer">
          {t('nav.pages.makeReferral')}
        </Anchor>
      </Text>
      <ErrorSummary
        errors={form.errors}
        formError={feedback.formError}
        fields={FIELDS}
        attempt={feedback.attempt}
      />
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            id="register-name"
            label={t('referrerAccount.register.name')}
            autoComplete="name"
            {...form.getInputProps('name')}
          />
          <TextInput
            id="register-email"
            label={t('referrerAccount.register.email')}
            description={t('referrerAccount.register.emailHint')}
            type="email"
            autoComplete="username"
            spellCheck={false}
            {...form.getInputProps('email')}
          />
          <PasswordInput
            id="register-password"
            label={t('referrerAccount.register.password')}
            description={t('referrerAccount.register.passwordHint')}
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
          <Radio.Group label={t('referrerAccount.register.role')} {...form.getInputProps('role')}>
            <Stack gap="sm" mt="xs">
              {REFERRER_ROLES.map((role, index) => (
                <Radio
                  key={role}
                  id={`register-role-${index}`}
                  value={role}
                  label={t(`referrerAccount.roles.${role}`)}
                  size="md"
                />
              ))}
            </Stack>
          </Radio.Group>
          <TextInput
            id="register-organisation"
            label={t('referrerAccount.register.organisation')}
            description={t('referrerAccount.register.organisationHint')}
            autoComplete="organization"
            {...form.getInputProps('organisation')}
          />
          <TextInput
            id="register-phone"
            label={t('referrerAccount.register.phone')}
            type="tel"
            autoComplete="tel"
            {...form.getInputProps('phone')}
          />
          <Button type="submit" loading={register.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('referrerAccount.register.submit')}
          </Button>
        </Stack>
      </form>
      <Text>
        {t('referrerAccount.register.haveAccount')}{' '}
        <Anchor component={Link} to="/sign-in">
          {t('referrerAccount.register.signIn')}
        </Anchor>
      </Text>
    </Page>
  );
}
