import { Group, Stack, Title } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useTakeWaitingFocus } from './useRouteFocus.js';

export const PAGE_HEADING_ID = 'page-heading';

interface PageProps {
  /** The page's one h1, also used for the browser tab's title unless `documentTitle` is given. */
  title: string;
  documentTitle?: string;
  /** The page's main action, shown beside the heading. */
  action?: ReactNode;
  children: ReactNode;
}

/** Every screen starts here: one h1, and a tab title that says where the person is. */
export function Page({ title, documentTitle, action, children }: PageProps) {
  const { t } = useTranslation();
  const tabTitle = t('app.documentTitle', { page: documentTitle ?? title });
  useEffect(() => {
    document.title = tabTitle;
  }, [tabTitle]);
  useTakeWaitingFocus();

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Title order={1} id={PAGE_HEADING_ID} tabIndex={-1}>
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </Stack>
  );
}
