import { Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { acceptInvitationBody, type InvitationView } from '../../../../shared/api/auth.js';
import { useAcceptInvitation, useInvitation } from '../../api/auth.js';
import { isApiError } from '../../api/client.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { Page } from '../../components/Page.js';
import { useFormFeedback } from '../../components/useFormFeedback.js';
import { schemaErrors } from '../../lib/validation.js';
import { setFlash } from '../../session/signInJourney.js';

const FIELDS = [
  { name: 'displayName', id: 'invitation-name' },
  { name: 'password', id: 'invitation-password' },
];

/** The page an invitation email opens: say who is inviting whom to what, then create the account. */
export function InvitationPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const invitation = useInvitation(token);

  if (invitation.isPending) {
    return (
      <Page title={t('invitation.loadingTitle')}>
        <Loading />
      </Page>
    );
  }
  if (invitation.isError) {
    if (isApiError(invitation.error, 404) || isApiError(invitation.error, 400)) {
      return (
        <Page title={t('invitation.invalidTitle')}>
          <Text>{t('invitation.invalid')}</Text>
        </Page>
      );
    }
    return (
      <Page title={t('invitation.loadingTitle')}>
        <LoadError error={invitation.error} onRetry={() => void invitation.refetch()} />
      </Page>
    );
  }
  return <AcceptInvitationForm token={token} invitation={invitation.data} />;
}

function AcceptInvitationForm({ token, invitation }: { token: string; invitation: InvitationView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const accept = useAcceptInvitation(token);
  const form = useForm({
    initialValues: { displayName: '', password: '' },
    validate: (values) => schemaErrors(acceptInvitationBody, values),
  });
  const feedback = useFormFeedback(form);

  const submit = form.onSubmit((values) => {
    feedback.clear();
    accept.mutate(acceptInvitationBody.parse(values), {
      onSuccess: () => {
        setFlash('accountReady');
        void navigate('/sign-in', { state: { email: invitation.email } });
      },
      onError: feedback.showError,
    });
  }, feedback.onInvalid);

  const role = t(`roles.${invitation.role}`);
  return (
    <Page title={t('invitation.title', { organisation: invitation.organisationName })}>
      <Text>
        {invitation.centreName
          ? t('invitation.introAtCentre', { role, centre: invitation.centreName })
          : t('invitation.intro', { role })}
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
            id="invitation-email"
            label={t('fields.email')}
            description={t('invitation.emailHint')}
            value={invitation.email}
            readOnly
            autoComplete="username"
          />
          <TextInput
            id="invitation-name"
            label={t('fields.yourName')}
            description={t('fields.yourNameHint')}
            autoComplete="name"
            {...form.getInputProps('displayName')}
          />
          <PasswordInput
            id="invitation-password"
            label={t('fields.choosePassword')}
            description={t('fields.newPasswordHint')}
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={accept.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('invitation.submit')}
          </Button>
        </Stack>
      </form>
    </Page>
  );
}
