import { Button, CopyButton, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCalendarPlus, IconCheck, IconCopy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client.js';
import { useCalendarFeed, useCreateCalendarFeed, useRevokeCalendarFeed } from '../../api/rota.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { Notice } from '../../components/Notice.js';
import { notifySuccess } from '../../components/notify.js';
import { Page } from '../../components/Page.js';
import { formatDateTime } from '../../lib/dates.js';
import { useCurrentCentre } from '../../session/useCurrentCentre.js';
import './rota.css';

/** The person's own calendar: for now, the feed that puts their shifts and sessions in their calendar app. */
export function MyCalendarPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('calendarFeed.pageTitle')}>
      <CalendarFeedCard />
    </Page>
  );
}

/** Make, copy, replace or turn off one's calendar feed; its address is shown only when made. */
export function CalendarFeedCard() {
  const { t } = useTranslation();
  const { timeZone } = useCurrentCentre();
  const status = useCalendarFeed();
  const create = useCreateCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  const [address, setAddress] = useState<string | null>(null);
  const [asking, setAsking] = useState<'replace' | 'revoke' | null>(null);

  const make = () =>
    create.mutate(undefined, {
      onSuccess: (made) => {
        setAddress(made.url);
        setAsking(null);
      },
    });

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="calendar-feed-title">
      <Stack gap="md">
        <Group gap="xs" wrap="nowrap">
          <IconCalendarPlus size={24} aria-hidden="true" />
          <Title order={2} size="h3" id="calendar-feed-title">
            {t('calendarFeed.title')}
          </Title>
        </Group>
        <Text>{t('calendarFeed.intro')}</Text>
        {status.isPending ? (
          <Loading />
        ) : status.isError ? (
          <LoadError error={status.error} onRetry={() => void status.refetch()} />
        ) : (
          <>
            <div role="status">
              {address ? (
                <Stack gap="sm">
                  <Notice tone="info" role="none">
                    {t('calendarFeed.shownOnce')}
                  </Notice>
                  <TextInput
                    className="calendar-feed-address"
                    label={t('calendarFeed.address')}
                    description={t('calendarFeed.how')}
                    value={address}
                    readOnly
                    size="md"
                    onFocus={(event) => event.currentTarget.select()}
                  />
                </Stack>
              ) : (
                <Text>
                  {status.data.exists && status.data.createdAt
                    ? `${t('calendarFeed.exists', { made: formatDateTime(status.data.createdAt, timeZone) })} ${
                        status.data.lastUsedAt
                          ? t('calendarFeed.lastUsed', {
                              when: formatDateTime(status.data.lastUsedAt, timeZone),
                            })
                          : t('calendarFeed.notUsed')
                      }`
                    : t('calendarFeed.none')}
                </Text>
              )}
            </div>
            {create.isError && !asking && <Text role="alert">{errorMessage(create.error)}</Text>}
            <Group gap="sm" wrap="wrap">
              {address && (
                <CopyButton value={address}>
                  {({ copied, copy }) => (
                    <Button
                      onClick={copy}
                      leftSection={
                        copied ? (
                          <IconCheck size={18} aria-hidden="true" />
                        ) : (
                          <IconCopy size={18} aria-hidden="true" />
                        )
                      }
                    >
                      {copied ? t('calendarFeed.copied') : t('calendarFeed.copy')}
                    </Button>
                  )}
                </CopyButton>
              )}
              {!status.data.exists ? (
                <Button loading={create.isPending} onClick={make}>
                  {t('calendarFeed.create')}
                </Button>
              ) : (
                <>
                  <Button variant="default" onClick={() => setAsking('replace')}>
                    {t('calendarFeed.replace')}
                  </Button>
                  <Button variant="default" color="red.9" onClick={() => setAsking('revoke')}>
                    {t('calendarFeed.revoke')}
                  </Button>
                </>
              )}
            </Group>
          </>
        )}
      </Stack>
      <ConfirmDialog
        opened={asking === 'replace'}
        title={t('calendarFeed.replaceTitle')}
        message={t('calendarFeed.replaceMessage')}
        confirmLabel={t('calendarFeed.replace')}
        pending={create.isPending}
        error={create.isError ? errorMessage(create.error) : null}
        onConfirm={make}
        onClose={() => setAsking(null)}
      />
      <ConfirmDialog
        opened={asking === 'revoke'}
        title={t('calendarFeed.revokeTitle')}
        message={t('calendarFeed.revokeMessage')}
        confirmLabel={t('calendarFeed.revoke')}
        destructive
        pending={revoke.isPending}
        error={revoke.isError ? errorMessage(revoke.error) : null}
        onConfirm={() =>
          revoke.mutate(undefined, {
            onSuccess: () => {
              setAddress(null);
              setAsking(null);
              notifySuccess(t('calendarFeed.revoked'));
            },
          })
        }
        onClose={() => setAsking(null)}
      />
    </Paper>
  );
}
