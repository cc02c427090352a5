/**
 * On the centre's page, for those who change its service settings: how many days before each session the
 * adults are reminded by email (0 sends none). The reminders themselves are sent by the server.
 */
import { Button, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { settingsBody } from '../../../../shared/api/rules.js';
import { useCentreSettings, useChangeReminderDays } from '../../api/notices.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { useFormFeedback } from '../../components/useFormFeedback.js';
import { schemaErrors } from '../../lib/validation.js';
import { canAtCentre } from '../../session/access.js';
import { useSignedInSession } from '../../session/SignedInSession.js';

const FIELDS = [{ name: 'reminderDaysBefore', id: 'reminder-days' }];

export function ReminderSetting({ centreId }: { centreId: string }) {
  const session = useSignedInSession();
  if (!canAtCentre(session, centreId, 'centre-rules:manage')) return null;
  return <ReminderForm centreId={centreId} />;
}

function ReminderForm({ centreId }: { centreId: string }) {
  const { t } = useTranslation();
  const settings = useCentreSettings(centreId);
  return (
    <Stack gap="sm" component="section" aria-labelledby="reminders-heading">
      <Title order={2} id="reminders-heading">
        {t('reminders.title')}
      </Title>
      <Text>{t('reminders.intro')}</Text>
      {settings.isPending ? (
        <Loading />
      ) : settings.isError ? (
        <LoadError error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <DaysForm centreId={centreId} days={settings.data.reminderDaysBefore} />
      )}
    </Stack>
  );
}

function DaysForm({ centreId, days }: { centreId: string; days: number }) {
  const { t } = useTranslation();
  const change = useChangeReminderDays(centreId);
  const [saved, setSaved] = useState<string | null>(null);
  const form = useForm<{ reminderDaysBefore: number | string }>({
    initialValues: { reminderDaysBefore: days },
    validate: (values) =>
      schemaErrors(settingsBody, {
        reminderDaysBefore: values.reminderDaysBefore === '' ? undefined : values.reminderDaysBefore,
      }),
  });
  const feedback = useFormFeedback(form);
  const said = (count: number) =>
    count === 0
      ? t('reminders.savedNone')
      : count === 1
        ? t('reminders.savedOne')
        : t('reminders.saved', { count });
  const submit = form.onSubmit((values) => {
    feedback.clear();
    setSaved(null);
    change.mutate(Number(values.reminderDaysBefore), {
      onSuccess: (settings) => setSaved(said(settings.reminderDaysBefore)),
      onError: feedback.showError,
    });
  }, feedback.onInvalid);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" align="flex-start">
        <ErrorSummary
          errors={form.errors}
          formError={feedback.formError}
          fields={FIELDS}
          attempt={feedback.attempt}
        />
        <Group align="flex-end" gap="sm">
          <NumberInput
            id="reminder-days"
            size="md"
            label={t('reminders.days')}
            description={t('reminders.daysHint')}
            min={0}
            max={14}
            allowDecimal={false}
            allowNegative={false}
            w={220}
            {...form.getInputProps('reminderDaysBefore')}
          />
          <Button type="submit" loading={change.isPending}>
            {t('reminders.save')}
          </Button>
        </Group>
        <div role="status">{saved && <Text fw={600}>{saved}</Text>}</div>
      </Stack>
    </form>
  );
}
