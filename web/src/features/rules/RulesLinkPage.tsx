import { Button, Checkbox, Paper, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { z } from 'zod';
import type { rulesLinkView } from '../../../../shared/api/rules.js';
import { errorMessage, isApiError } from '../../api/client.js';
import { useAcceptRulesLink, useRulesLink } from '../../api/rules.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { Notice } from '../../components/Notice.js';
import { Page } from '../../components/Page.js';
import { useFormFeedback } from '../../components/useFormFeedback.js';

type RulesLink = z.infer<typeof rulesLinkView>;

const AGREE_ID = 'rules-agree';

/** The page an emailed rules link opens: the centre's rules, read and accepted without an account. */
export function RulesLinkPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const rules = useRulesLink(token);
  const [accepted, setAccepted] = useState(false);

  if (accepted) {
    return (
      <Page title={t('rulesLink.doneTitle')}>
        <Notice tone="success">{t('rulesLink.done')}</Notice>
        <Text>{t('rulesLink.doneHint')}</Text>
      </Page>
    );
  }
  if (rules.isPending) {
    return (
      <Page title={t('rulesLink.loadingTitle')}>
        <Loading />
      </Page>
    );
  }
  if (rules.isError) {
    if (isApiError(rules.error, 404) || isApiError(rules.error, 400))
      return <LinkNotWorking error={rules.error} />;
    return (
      <Page title={t('rulesLink.loadingTitle')}>
        <LoadError error={rules.error} onRetry={() => void rules.refetch()} />
      </Page>
    );
  }
  return <AcceptRules token={token} rules={rules.data} onAccepted={() => setAccepted(true)} />;
}

/** A used or expired link: the server's own sentence says which. */
function LinkNotWorking({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <Page title={t('rulesLink.invalidTitle')}>
      <Text>{errorMessage(error)}</Text>
      <Text>{t('rulesLink.invalidHint')}</Text>
    </Page>
  );
}

function AcceptRules({
  token,
  rules,
  onAccepted,
}: {
  token: string;
  rules: RulesLink;
  onAccepted: () => void;
}) {
  const { t } = useTranslation();
  const accept = useAcceptRulesLink(token);
  const [gone, setGone] = useState<unknown>(null);
  const form = useForm({
    initialValues: { agree: false },
    validate: { agree: (value) => (value ? null : t('rulesLink.agreeRequired')) },
  });
  const feedback = useFormFeedback(form);

  const submit = form.onSubmit(() => {
    feedback.clear();
    accept.mutate(undefined, {
      onSuccess: onAccepted,
      onError: (error) => {
        // Used meanwhile (another tab) or just expired: say so as the page, not as a form problem.
        if (isApiError(error, 404)) setGone(error);
        else feedback.showError(error);
      },
    });
  }, feedback.onInvalid);

  if (gone) return <LinkNotWorking error={gone} />;

  return (
    <Page title={t('rulesLink.title', { firstName: rules.firstName })}>
      <Text>{t('rulesLink.intro', { centre: rules.centreName, version: rules.version })}</Text>
      <Paper withBorder p="md" component="section" aria-labelledby="rules-heading">
        <Title order={2} size="h3" id="rules-heading" mb="sm">
          {t('rulesLink.rulesHeading', { centre: rules.centreName })}
        </Title>
        {/* Plain text with numbered lines: the line breaks are kept as written. */}
        <Text className="message-body">{rules.body}</Text>
      </Paper>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <ErrorSummary
            errors={form.errors}
            formError={feedback.formError}
            fields={[{ name: 'agree', id: AGREE_ID }]}
            attempt={feedback.attempt}
          />
          <Checkbox
            id={AGREE_ID}
            size="md"
            label={t('rulesLink.agree')}
            {...form.getInputProps('agree', { type: 'checkbox' })}
          />
          <Button type="submit" loading={accept.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('rulesLink.accept')}
          </Button>
        </Stack>
      </form>
    </Page>
  );
}
