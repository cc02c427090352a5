import { Anchor, Button, PasswordInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { setupBody } from '../../../../shared/api/setup.js';
import { useRunSetup, useSetupStatus } from '../../api/setup.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { Page } from '../../components/Page.js';
import { useFormFeedback } from '../../components/useFormFeedback.js';
import { DEFAULT_TIME_ZONE } from '../../lib/dates.js';
import { timeZoneOptions } from '../../lib/timeZones.js';
import { schemaErrors } from '../../lib/validation.js';
import { setFlash } from '../../session/signInJourney.js';

const FIELDS = [
  { name: 'organisationName', id: 'setup-organisation' },
  { name: 'centreName', id: 'setup-centre' },
  { name: 'timeZone', id: 'setup-time-zone' },
  { name: 'adminName', id: 'setup-name' },
  { name: 'email', id: 'setup-email' },
  { name: 'password', id: 'setup-password' },
];

/** First run on an empty database, opened from the link the server prints. */
export function SetupPage() {
  const { t } = useTranslation();
  const status = useSetupStatus();

  if (status.isPending) {
    return (
      <Page title={t('setup.title')}>
        <Loading />
      </Page>
    );
  }
  if (status.isError) {
    return (
      <Page title={t('setup.title')}>
        <LoadError error={status.error} onRetry={() => void status.refetch()} />
      </Page>
    );
  }
  if (!status.data.needed) {
    return (
      <Page title={t('setup.doneTitle')}>
        <Text>{t('setup.done')}</Text>
        <Anchor component={Link} to="/sign-in">
          {t('common.goToSignIn')}
        </Anchor>
      </Page>
    );
  }
  return <SetupForm />;
}

function SetupForm() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const run = useRunSetup();
  const form = useForm({
    initialValues: {
      organisationName: '',
      centreName: '',
      timeZone: DEFAULT_TIME_ZONE,
      adminName: '',
      email: '',
      password: '',
    },
    validate: (values) => {
      const errors = schemaErrors(setupBody, { token, ...values });
      if (errors.token) errors.token = t('setup.badLink');
      return errors;
    },
  });
  const feedback = useFormFeedback(form);

  const submit = form.onSubmit((values) => {
    feedback.clear();
    const body = setupBody.parse({ token, ...values });
    run.mutate(body, {
      onSuccess: () => {
        setFlash('setupDone');
        void navigate('/sign-in', { state: { email: body.email } });
      },
      onError: feedback.showError,
    });
  }, feedback.onInvalid);

  return (
    <Page title={t('setup.title')}>
      <Text>{t('setup.intro')}</Text>
      <ErrorSummary
        errors={form.errors}
        formError={feedback.formError}
        fields={FIELDS}
        attempt={feedback.attempt}
      />
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h3">
            {t('setup.organisationSection')}
          </Title>
          <TextInput
            id="setup-organisation"
            label={t('setup.organisationName')}
            autoComplete="organization"
            {...form.getInputProps('organisationName')}
          />
          <TextInput
            id="setup-centre"
            label={t('setup.centreName')}
            description={t('setup.centreNameHint')}
            autoComplete="off"
            {...form.getInputProps('centreName')}
          />
          <Select
            id="setup-time-zone"
            label={t('fields.timeZone')}
            description={t('fields.timeZoneHint')}
            data={timeZoneOptions(form.values.timeZone)}
            searchable
            allowDeselect={false}
            nothingFoundMessage={t('common.nothingFound')}
            {...form.getInputProps('timeZone')}
          />
          <Title order={2} size="h3">
            {t('setup.adminSection')}
          </Title>
          <TextInput
            id="setup-name"
            label={t('fields.yourName')}
            autoComplete="name"
            {...form.getInputProps('adminName')}
          />
          <TextInput
            id="setup-email"
            label={t('fields.email')}
            type="email"
            autoComplete="username"
            spellCheck={false}
            {...form.getInputProps('email')}
          />
          <PasswordInput
            id="setup-password"
            label={t('fields.choosePassword')}
            description={t('fields.newPasswordHint')}
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={run.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </Page>
  );
}
