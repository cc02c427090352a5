import { Anchor, Button, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { usePublicCentres } from '../../api/referrals.js';
import { ErrorSummary, type SummaryField } from '../../components/ErrorSummary.js';
import { Page } from '../../components/Page.js';
import { ReferralSections, type ReferralSection } from '../../components/ReferralSections.js';
import { previousStep, QUESTION_STEPS, stepFields, toBody, type QuestionStep } from './answers.js';
import { CourtOrderFileCheck } from './CourtOrderFile.js';
import type { ReferralFormApi, StepState } from './form.js';

const SECTION_STEP: Record<ReferralSection, QuestionStep> = {
  centre: 'centre',
  referrer: 'about-you',
  adults: 'adults',
  children: 'children',
  courtOrder: 'court-order',
  risks: 'risks',
  needs: 'needs',
  service: 'service',
};

interface CheckAnswersProps {
  form: ReferralFormApi;
  attempt: number;
  formError: string | null;
  sending: boolean;
  onSend: () => void;
  onBack: () => void;
  /** Opens a step to change an answer, then comes back here. */
  onChange: (step: QuestionStep, state: StepState) => void;
}

/** Every answer, each section with a way back to change it, and Send. */
export function CheckAnswers({
  form,
  attempt,
  formError,
  sending,
  onSend,
  onBack,
  onChange,
}: CheckAnswersProps) {
  const { t } = useTranslation();
  const centres = usePublicCentres();
  const centreName = centres.data?.items.find((centre) => centre.id === form.values.centreId)?.name ?? '';
  const title = t('refer.check.title');
  const previous = previousStep('check');

  // A problem found on sending links to its question, on that question's page.
  const fields: SummaryField[] = QUESTION_STEPS.flatMap((step) =>
    stepFields(step, form.values).map((item) => ({
      ...item,
      href: `/refer/${step}`,
      onFollow: () => onChange(step, { returnToCheck: true, focus: item.id }),
    })),
  );

  return (
    <Stack gap="md">
      {previous && (
        <Anchor
          component={Link}
          to={`/refer/${previous}`}
          onClick={onBack}
          className="back-link"
          style={{ alignSelf: 'flex-start' }}
        >
          {t('refer.back')}
        </Anchor>
      )}
      <Page title={title} documentTitle={t('refer.documentTitle', { step: title })}>
        <ErrorSummary errors={form.errors} formError={formError} fields={fields} attempt={attempt} />
        <ReferralSections
          referral={toBody(form.values)}
          centreName={centreName}
          action={(section) => {
            const step = SECTION_STEP[section];
            return (
              <Anchor
                component={Link}
                to={`/refer/${step}`}
                state={{ returnToCheck: true } satisfies StepState}
              >
                {t('refer.check.change')}
                <VisuallyHidden> {t(`refer.check.changeWhat.${section}`)}</VisuallyHidden>
              </Anchor>
            );
          }}
        />
        <CourtOrderFileCheck
          orderGiven={form.values.courtOrder.kind === 'interim' || form.values.courtOrder.kind === 'final'}
        />
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('refer.check.sendTitle')}
          </Title>
          <Text>{t('refer.check.sendIntro')}</Text>
          <Button style={{ alignSelf: 'flex-start' }} loading={sending} onClick={onSend}>
            {t('refer.check.send')}
          </Button>
        </Stack>
      </Page>
    </Stack>
  );
}
