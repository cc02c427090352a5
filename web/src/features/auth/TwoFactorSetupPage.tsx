import { Button, Code, CopyButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { QRCodeSVG } from 'qrcode.react';
import { useTranslation } from 'react-i18next';
import { twoFactorCodeBody } from '../../../../shared/api/auth.js';
import { useConfirmTwoFactor, useTwoFactorSetup } from '../../api/auth.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { Page } from '../../components/Page.js';
import { useFormFeedback } from '../../components/useFormFeedback.js';
import { schemaErrors } from '../../lib/validation.js';
import { codeBody, OneTimeCodeInput } from './OneTimeCodeInput.js';
import { SignOutLink } from './SignOutLink.js';

const FIELDS = [{ name: 'code', id: 'two-factor-setup-code' }];

/** Groups of four, the way authenticator apps print keys: easier to read out and type. */
function groupsOfFour(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

/** First sign-in: link an authenticator app by QR code or by typing the key, then prove it works. */
export function TwoFactorSetupPage() {
  const { t } = useTranslation();
  const setup = useTwoFactorSetup();
  const confirm = useConfirmTwoFactor();
  const form = useForm({
    initialValues: { code: '' },
    validate: (values) => schemaErrors(twoFactorCodeBody, codeBody(values)),
  });
  const feedback = useFormFeedback(form);

  const submit = form.onSubmit((values) => {
    feedback.clear();
    confirm.mutate(twoFactorCodeBody.parse(codeBody(values)), { onError: feedback.showError });
  }, feedback.onInvalid);

  return (
    <Page title={t('twoFactorSetup.title')}>
      <Text>{t('twoFactorSetup.intro')}</Text>
      <Stack gap="md">
        <Title order={2} size="h3">
          {t('twoFactorSetup.step1Title')}
        </Title>
        <Text>{t('twoFactorSetup.step1')}</Text>

        <Title order={2} size="h3">
          {t('twoFactorSetup.step2Title')}
        </Title>
        {setup.isPending && <Loading label={t('twoFactorSetup.loading')} />}
        {setup.isError && <LoadError error={setup.error} onRetry={() => void setup.refetch()} />}
        {setup.data && (
          <Stack gap="sm">
            <Text>{t('twoFactorSetup.step2')}</Text>
            <Paper withBorder p="md" w="fit-content" bg="white">
              <QRCodeSVG
                value={setup.data.otpauthUri}
                size={192}
                marginSize={2}
                role="img"
                aria-label={t('twoFactorSetup.qrAlt')}
              />
            </Paper>
            <Text>{t('twoFactorSetup.typeKey')}</Text>
            <Group gap="sm">
              <Code fz="lg" className="secret-key">
                {groupsOfFour(setup.data.secret)}
              </Code>
              <CopyButton value={setup.data.secret}>
                {({ copied, copy }) => (
                  <Button variant="default" size="sm" onClick={copy} aria-live="polite">
                    {copied ? t('twoFactorSetup.copied') : t('twoFactorSetup.copyKey')}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Text size="sm" c="dimmed">
              {t('twoFactorSetup.keyDetails')}
            </Text>
          </Stack>
        )}

        <Title order={2} size="h3">
          {t('twoFactorSetup.step3Title')}
        </Title>
        <ErrorSummary
          errors={form.errors}
          formError={feedback.formError}
          fields={FIELDS}
          attempt={feedback.attempt}
        />
        <form onSubmit={submit} noValidate>
          <Stack>
            <OneTimeCodeInput id="two-factor-setup-code" {...form.getInputProps('code')} />
            <Button type="submit" loading={confirm.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('twoFactorSetup.submit')}
            </Button>
          </Stack>
        </form>
      </Stack>
      <SignOutLink />
    </Page>
  );
}
