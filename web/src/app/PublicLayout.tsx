import { Box, Container, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router-dom';
import { MAIN_CONTENT_ID, SkipLink } from '../components/SkipLink.js';

/** The frame of the pages used before signing in: the product's name and a narrow column. */
export function PublicLayout() {
  const { t } = useTranslation();
  return (
    <>
      <SkipLink />
      <Box component="header" className="public-header">
        <Container size="sm" py="md">
          <Text fw={700} size="lg">
            {t('app.name')}
          </Text>
        </Container>
      </Box>
      <Container component="main" id={MAIN_CONTENT_ID} tabIndex={-1} size="sm" py="xl">
        <Outlet />
      </Container>
    </>
  );
}
