import { Anchor, Button, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useCentres } from '../../api/admin.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { Page } from '../../components/Page.js';
import { canAtCentre } from '../../session/access.js';
import { useSignedInSession } from '../../session/SignedInSession.js';
import { useCurrentCentre } from '../../session/useCurrentCentre.js';
import { ReminderSetting } from './ReminderSetting.js';

/** One centre: its details, and the way to its premises (venues and rooms). */
export function CentrePage() {
  const { t } = useTranslation();
  const { centreId = '' } = useParams();
  const session = useSignedInSession();
  const centres = useCentres();

  if (centres.isPending) {
    return (
      <Page title={t('centres.centreTitle')}>
        <Loading />
      </Page>
    );
  }
  if (centres.isError) {
    return (
      <Page title={t('centres.centreTitle')}>
        <LoadError error={centres.error} onRetry={() => void centres.refetch()} />
      </Page>
    );
  }
  const centre = centres.data.items.find((item) => item.id === centreId);
  if (!centre) {
    return (
      <Page title={t('centres.notFoundTitle')}>
        <Text>{t('centres.notFound')}</Text>
        <Anchor component={Link} to="/admin/centres">
          {t('centres.backToList')}
        </Anchor>
      </Page>
    );
  }

  const details = [
    { label: t('fields.timeZone'), value: centre.timeZone },
    { label: t('centres.fields.address'), value: centre.address },
    { label: t('centres.fields.phone'), value: centre.phone },
    { label: t('centres.fields.email'), value: centre.email },
  ];

  return (
    <Page title={centre.name}>
      <Anchor component={Link} to="/admin/centres">
        {t('centres.backToList')}
      </Anchor>
      <Stack gap="sm">
        <Title order={2}>{t('centres.detailsTitle')}</Title>
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="sm" className="details-list">
          {details.map((detail) => (
            <div key={detail.label}>
              <Text component="dt" fw={700} size="sm">
                {detail.label}
              </Text>
              <Text component="dd" className="message-body" m={0}>
                {detail.value ?? t('common.notGiven')}
              </Text>
            </div>
          ))}
        </SimpleGrid>
      </Stack>
      {canAtCentre(session, centre.id, 'room:read') && (
        <PremisesLink centreId={centre.id} centreName={centre.name} />
      )}
      <ReminderSetting centreId={centre.id} />
    </Page>
  );
}

/** Rooms are kept with their venues on the Premises page; this opens it for this centre. */
function PremisesLink({ centreId, centreName }: { centreId: string; centreName: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { centres, setCentreId } = useCurrentCentre();
  return (
    <Stack gap="sm" align="flex-start">
      <Title order={2}>{t('premises.fromCentre.title')}</Title>
      <Text>{t('premises.fromCentre.text')}</Text>
      <Button
        variant="default"
        onClick={() => {
          if (centres.some((item) => item.id === centreId)) setCentreId(centreId);
          void navigate('/premises');
        }}
      >
        {t('premises.fromCentre.open', { name: centreName })}
      </Button>
    </Stack>
  );
}
