import { Anchor, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useOpenFollowUps } from '../../api/sessionRecords.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { Page, PAGE_HEADING_ID } from '../../components/Page.js';
import { canAtCentre } from '../../session/access.js';
import { useSignedInSession } from '../../session/SignedInSession.js';
import { useCurrentCentre } from '../../session/useCurrentCentre.js';
import { Incident } from './IncidentsSection.js';
import { useMarkFollowUpDone } from './useMarkFollowUpDone.js';

/**
 * The centre's incidents whose follow-up is still to do, the oldest first, each with its family's case;
 * a coordinator marks one done here, as on the case page.
 */
export function FollowUpsPage() {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const { centre, timeZone } = useCurrentCentre();
  const centreId = centre?.id ?? '';
  const open = useOpenFollowUps(centreId, { enabled: centre !== null });
  const mayMarkDone = centre !== null && canAtCentre(session, centre.id, 'case:write');

  const afterDialog = () => {
    if (!document.activeElement || document.activeElement === document.body)
      document.getElementById(PAGE_HEADING_ID)?.focus();
  };
  const marking = useMarkFollowUpDone(centreId, afterDialog);

  let body;
  if (!centre) body = <Text>{t('home.noCentre')}</Text>;
  else if (open.isPending) body = <Loading />;
  else if (open.isError) body = <LoadError error={open.error} onRetry={() => void open.refetch()} />;
  else if (open.data.items.length === 0) body = <Text>{t('sessionRecords.followUps.none')}</Text>;
  else
    body = (
      <List spacing="lg" listStyleType="none" ml={0} pl={0}>
        {open.data.items.map((incident) => (
          <List.Item key={incident.id}>
            <Stack gap={4}>
              <Anchor component={Link} to={`/cases/${incident.caseId}`} fw={600}>
                {t('sessionRecords.followUps.case', { reference: incident.caseReference })}
              </Anchor>
              <Incident
                incident={incident}
                timeZone={timeZone}
                onMarkDone={mayMarkDone ? () => marking.start(incident) : undefined}
              />
            </Stack>
          </List.Item>
        ))}
      </List>
    );

  return (
    <Page title={t('sessionRecords.followUps.title')}>
      {centre && <Text>{t('sessionRecords.followUps.intro', { centre: centre.name })}</Text>}
      {body}
      {marking.dialog}
    </Page>
  );
}
