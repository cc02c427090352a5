import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

interface HomeCardProps {
  title: string;
  /** The count or fact the card reports; undefined while it loads, null if it could not be loaded. */
  summary: ReactNode | undefined | null;
  linkLabel: string;
  to: string;
}

/** One thing the person can do now: what it stands at, and the way there. */
export function HomeCard({ title, summary, linkLabel, to }: HomeCardProps) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="lg">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {title}
        </Title>
        {summary === undefined && <Text>{t('home.counting')}</Text>}
        {summary === null && <Text>{t('home.couldNotCount')}</Text>}
        {summary !== undefined && summary !== null && <Text>{summary}</Text>}
        <Anchor component={Link} to={to} fw={600}>
          {linkLabel}
        </Anchor>
      </Stack>
    </Paper>
  );
}
