import { Anchor, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router-dom';
import { Page } from '../../components/Page.js';
import { AccountLink } from './AccountLink.js';

export interface SentState {
  reference: string;
}

function readSent(state: unknown): SentState | null {
  if (!state || typeof state !== 'object') return null;
  const { reference } = state as Record<string, unknown>;
  return typeof reference === 'string' ? { reference } : null;
}

/** After sending: the reference to quote, and what happens next and when. */
export function SentPage() {
  const { t } = useTranslation();
  const sent = readSent(useLocation().state);
  if (!sent) return <Navigate to="/refer" replace />;
  return (
    <Page title={t('refer.sent.title')}>
      <Paper withBorder p="lg" className="confirmation-panel">
        <Stack gap={4}>
          <Text>{t('refer.sent.referenceIntro')}</Text>
          <Text fw={700} size="xl" className="reference">
            {sent.reference}
          </Text>
        </Stack>
      </Paper>
      <Text>{t('refer.sent.whatNext')}</Text>
      <Text>{t('refer.sent.keepReference')}</Text>
      <AccountLink place="sent" />
      <Anchor component={Link} to="/refer" style={{ alignSelf: 'flex-start' }}>
        {t('refer.sent.another')}
      </Anchor>
    </Page>
  );
}
