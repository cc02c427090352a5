import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { referralDetail } from '../../../../shared/api/referrals.js';
import { referralFileUrl } from '../../api/files.js';
import { DocumentList } from '../../components/DocumentList.js';
import { canAtCentre } from '../../session/access.js';
import { useSignedInSession } from '../../session/SignedInSession.js';
import { useCurrentCentre } from '../../session/useCurrentCentre.js';

/**
 * Files sent with the referral (a copy of the court order), for staff who may read case documents: the
 * server leaves `files` out for everyone else, and so does this section.
 */
export function ReferralDocuments({ referral }: { referral: z.infer<typeof referralDetail> }) {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const { timeZone } = useCurrentCentre();
  if (!referral.files || !canAtCentre(session, referral.centreId, 'case-documents:read')) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby="referral-documents-heading">
      <Title order={2} size="h3" id="referral-documents-heading">
        {t('files.documents.title')}
      </Title>
      {referral.files.length > 0 && <Text>{t('files.documents.intro')}</Text>}
      <DocumentList
        files={referral.files}
        hrefOf={(file) => referralFileUrl(referral.centreId, referral.id, file.id)}
        timeZone={timeZone}
      />
    </Stack>
  );
}
