import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/client.js';

/** What a page shows when its data could not be loaded, with a way to try again. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      color="red.9"
      variant="outline"
      icon={<IconAlertTriangle aria-hidden="true" />}
      title={t('errors.loadTitle')}
    >
      <Stack gap="sm" align="flex-start">
        <Text>{errorMessage(error)}</Text>
        {onRetry && (
          <Button variant="default" onClick={onRetry}>
            {t('common.tryAgain')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
