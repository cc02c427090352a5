import { Anchor, Button, Progress, Stack, Text } from '@mantine/core';
import { IconChevronLeft } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { Page } from '../../components/Page.js';
import {
  errorsOfStep,
  previousStep,
  QUESTION_STEPS,
  stepFields,
  stepNumber,
  type QuestionStep,
} from './answers.js';
import type { ReferralFormApi } from './form.js';

interface StepFrameProps {
  step: QuestionStep;
  form: ReferralFormApi;
  /** Failed attempts so far: the error summary takes focus on each. */
  attempt: number;
  /** Opened from the check page: Continue goes back there. */
  returnToCheck: boolean;
  onContinue: () => void;
  onBack: () => void;
  /** Messages above the questions (a resumed draft, a save that failed). */
  notices?: ReactNode;
  children: ReactNode;
}

/** One topic of the referral form: back link, heading, progress, problems, questions and Continue. */
export function StepFrame(props: StepFrameProps) {
  const { t } = useTranslation();
  const { step, form } = props;
  const title = t(`refer.steps.${step}`);
  const number = stepNumber(step);
  const total = QUESTION_STEPS.length;
  const previous = previousStep(step);

  return (
    <Stack gap="md">
      {previous && (
        <Anchor
          component={Link}
          to={`/refer/${previous}`}
          onClick={props.onBack}
          className="back-link"
          style={{ alignSelf: 'flex-start' }}
        >
          <IconChevronLeft size={18} aria-hidden="true" />
          {t('refer.back')}
        </Anchor>
      )}
      <Page title={title} documentTitle={t('refer.documentTitle', { step: title })}>
        <Stack gap={6}>
          <Text fw={600}>{t('refer.progress', { number, total })}</Text>
          <Progress value={(number / total) * 100} size="md" aria-label={t('refer.progressLabel')} />
        </Stack>
        {props.notices}
        <ErrorSummary
          errors={errorsOfStep(form.errors, step)}
          formError={null}
          fields={stepFields(step, form.values)}
          attempt={props.attempt}
        />
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            props.onContinue();
          }}
        >
          <Stack gap="lg">
            {props.children}
            <Button type="submit" style={{ alignSelf: 'flex-start' }}>
              {props.returnToCheck ? t('refer.saveAndReturn') : t('refer.continue')}
            </Button>
          </Stack>
        </form>
      </Page>
    </Stack>
  );
}
