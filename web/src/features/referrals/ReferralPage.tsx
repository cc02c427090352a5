import { Anchor, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconChevronLeft, IconCopy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { z } from 'zod';
import type { referralDetail } from '../../../../shared/api/referrals.js';
import { errorMessage, isApiError } from '../../api/client.js';
import { useAcceptReferral, useReferral } from '../../api/referrals.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { Notice } from '../../components/Notice.js';
import { Page, PAGE_HEADING_ID } from '../../components/Page.js';
import { ReferralSections, useReferralTerms } from '../../components/ReferralSections.js';
import { StatusBadge, type Tone } from '../../components/StatusBadge.js';
import { notifySuccess } from '../../components/notify.js';
import { formatDateTime } from '../../lib/dates.js';
import { useSignedInSession } from '../../session/SignedInSession.js';
import { useCurrentCentre } from '../../session/useCurrentCentre.js';
import { canDecideReferrals, canReadReferrals } from './access.js';
import { DeclineDialog, RequestInformationDialog } from './DecisionDialogs.js';
import { InviteReferrer } from './InviteReferrer.js';
import { ReferralDocuments } from './ReferralDocuments.js';
import { familyName, readReferralBody } from './referralBody.js';

type ReferralDetail = z.infer<typeof referralDetail>;

const STATUS_TONE: Record<ReferralDetail['status'], Tone> = {
  new: 'info',
  awaiting_information: 'neutral',
  accepted: 'good',
  declined: 'bad',
};

/** One referral in full, with the decision on it: accept, ask for more, or decline. */
export function ReferralPage() {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const { centre } = useCurrentCentre();
  const { id = '' } = useParams();

  if (!centre || !canReadReferrals(session, centre.id)) {
    return (
      <Page title={t('referral.notFoundTitle')}>
        <Text>{t('referrals.notHere', { centre: centre?.name ?? '' })}</Text>
        <BackToList />
      </Page>
    );
  }
  return <ReferralLoader key={`${centre.id}/${id}`} centreId={centre.id} id={id} />;
}

function BackToList() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/referrals" className="back-link" style={{ alignSelf: 'flex-start' }}>
      <IconChevronLeft size={18} aria-hidden="true" />
      {t('referral.backToList')}
    </Anchor>
  );
}

function ReferralLoader({ centreId, id }: { centreId: string; id: string }) {
  const { t } = useTranslation();
  const referral = useReferral(centreId, id);
  if (referral.isPending) {
    return (
      <Page title={t('referral.loadingTitle')}>
        <Loading />
      </Page>
    );
  }
  if (referral.isError) {
    const missing = isApiError(referral.error, 404) || isApiError(referral.error, 400);
    return (
      <Page title={missing ? t('referral.notFoundTitle') : t('referral.loadingTitle')}>
        {missing ? (
          <Text>{t('referral.notFound')}</Text>
        ) : (
          <LoadError error={referral.error} onRetry={() => void referral.refetch()} />
        )}
        <BackToList />
      </Page>
    );
  }
  return <ReferralView referral={referral.data} />;
}

type Dialog = 'accept' | 'requestInformation' | 'decline' | null;

function ReferralView({ referral }: { referral: ReferralDetail }) {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const { timeZone } = useCurrentCentre();
  const terms = useReferralTerms();
  const [dialog, setDialog] = useState<Dialog>(null);
  // What accepting answered: the case's reference is known only from that answer.
  const [opened, setOpened] = useState<{ caseId: string; caseReference?: string } | null>(null);
  const accept = useAcceptReferral(referral.centreId, referral.id);
  const body = readReferralBody(referral.body);
  const surname = familyName(body);
  const family = surname ? t('referral.theFamily', { name: surname }) : t('referral.thisFamily');
  const undecided = referral.status === 'new' || referral.status === 'awaiting_information';
  const canDecide = undecided && canDecideReferrals(session, referral.centreId);
  const caseId = opened?.caseId ?? referral.caseId;
  const caseName = opened?.caseReference ?? caseId;

  const close = () => {
    accept.reset();
    setDialog(null);
  };
  // The buttons that opened the dialog are gone once a decision is made: start again from the heading.
  const afterDialog = () => {
    if (!undecided || opened) document.getElementById(PAGE_HEADING_ID)?.focus();
  };
  const dialogProps = {
    centreId: referral.centreId,
    referralId: referral.id,
    reference: referral.reference,
    onClose: close,
    onExited: afterDialog,
  };

  return (
    <Stack gap="md">
      <BackToList />
      <Page title={t('referral.title', { reference: referral.reference })}>
        <Group gap="sm">
          <StatusBadge tone={STATUS_TONE[referral.status]}>
            {t(`referralTerms.statuses.${referral.status}`)}
          </StatusBadge>
          <Text>
            {t('referral.received', {
              when: formatDateTime(referral.receivedAt, timeZone),
              name: referral.referrerName,
              role: terms.referrerRole(referral.referrerRole),
            })}
          </Text>
        </Group>

        {caseId && (
          <Notice tone="success" title={t('referral.caseOpened.title')}>
            {t('referral.caseOpened.body', { family, caseId: caseName })}
          </Notice>
        )}
        {referral.status === 'declined' && (
          <Notice title={t('referral.declinedTitle')}>
            <Text>
              {referral.decisionReason
                ? t(`referralTerms.declineReasons.${referral.decisionReason}`)
                : t('common.notRecorded')}
            </Text>
            {referral.decisionNote && <Text className="message-body">{referral.decisionNote}</Text>}
          </Notice>
        )}
        {referral.status === 'awaiting_information' && (
          <Notice title={t('referral.awaitingTitle')}>
            <Text>{t('referral.awaiting')}</Text>
            {referral.decisionNote && <Text className="message-body">{referral.decisionNote}</Text>}
          </Notice>
        )}

        {referral.duplicates.length > 0 && (
          <Notice title={t('referral.duplicates.title')}>
            <Stack gap="xs">
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <IconCopy size={20} aria-hidden="true" style={{ flexShrink: 0 }} />
                <Text>{t('referral.duplicates.intro')}</Text>
              </Group>
              <List spacing={4}>
                {referral.duplicates.map((duplicate) => (
                  <List.Item key={duplicate.referralId}>
                    <Anchor component={Link} to={`/referrals/${duplicate.referralId}`}>
                      {t('referral.duplicates.item', {
                        reference: duplicate.reference,
                        child: duplicate.childName,
                      })}
                    </Anchor>
                  </List.Item>
                ))}
              </List>
            </Stack>
          </Notice>
        )}

        {canDecide && (
          <Stack gap="sm" component="section" aria-labelledby="referral-decision-heading">
            <Title order={2} size="h3" id="referral-decision-heading">
              {t('referral.decision.title')}
            </Title>
            <Text>{t('referral.decision.intro')}</Text>
            <Group gap="sm">
              <Button onClick={() => setDialog('accept')}>{t('referral.accept.open')}</Button>
              <Button variant="default" onClick={() => setDialog('requestInformation')}>
                {t('referral.requestInformation.open')}
              </Button>
              <Button variant="default" onClick={() => setDialog('decline')}>
                {t('referral.decline.open')}
              </Button>
            </Group>
          </Stack>
        )}

        <ReferralDocuments referral={referral} />
        <InviteReferrer
          centreId={referral.centreId}
          referralId={referral.id}
          referrerName={referral.referrerName}
          referrerEmail={body.referrer?.email}
        />

        <ReferralSections referral={body} />
      </Page>

      <ConfirmDialog
        opened={dialog === 'accept'}
        title={t('referral.accept.title')}
        message={t('referral.accept.message', {
          reference: referral.reference,
          family,
        })}
        confirmLabel={t('referral.accept.confirm')}
        pending={accept.isPending}
        error={accept.isError ? errorMessage(accept.error) : null}
        onClose={close}
        onExited={afterDialog}
        onConfirm={() =>
          accept.mutate(undefined, {
            onSuccess: (answer) => {
              setOpened(answer);
              notifySuccess(t('referral.accept.done', { reference: referral.reference }));
              close();
            },
          })
        }
      />
      <RequestInformationDialog {...dialogProps} opened={dialog === 'requestInformation'} />
      <DeclineDialog {...dialogProps} opened={dialog === 'decline'} />
    </Stack>
  );
}
