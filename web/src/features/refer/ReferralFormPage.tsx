import { Button, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, useParams } from 'react-router-dom';
import { referralBody } from '../../../../shared/api/referrals.js';
import type { ReferrerProfileView } from '../../../../shared/api/referrer-accounts.js';
import { isApiError } from '../../api/client.js';
import { useDraft, useSendReferral } from '../../api/referrals.js';
import { useReferrerProfile } from '../../api/referrerAccounts.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { Notice } from '../../components/Notice.js';
import { Page } from '../../components/Page.js';
import { useFormFeedback } from '../../components/useFormFeedback.js';
import { formatDateTime, DEFAULT_TIME_ZONE } from '../../lib/dates.js';
import {
  allErrors,
  asStep,
  emptyAnswers,
  furthest,
  nextStep,
  readAnswers,
  stepErrors,
  stepOfField,
  toBody,
  type QuestionStep,
  type ReferralAnswers,
  type Step,
} from './answers.js';
import { AccountLink } from './AccountLink.js';
import { CheckAnswers } from './CheckAnswers.js';
import { CourtOrderStep } from './CourtOrderStep.js';
import { forgetStoredDraft, readStoredDraft, useDraftSaver, type StoredDraft } from './draftStorage.js';
import { readStepState, type ReferralFormApi, type StepState } from './form.js';
import { AdultsStep, ChildrenStep } from './PeopleSteps.js';
import { RisksStep } from './RisksStep.js';
import { SentPage, type SentState } from './SentPage.js';
import { AboutYouStep, CentreStep, NeedsStep, ServiceStep } from './SimpleSteps.js';
import { StepFrame } from './StepFrame.js';

/**
 * The public referral form at /refer/<step>: no account needed. One topic per page, saved as the
 * referrer goes, a check-your-answers page, then the reference.
 */
export function ReferralFormPage() {
  const { step } = useParams();
  // The loader is left when the referral is sent, so the next one starts from nothing.
  if (step === 'sent') return <SentPage />;
  return <DraftLoader />;
}

/** A signed-in referrer's details, filled in for them; they can still change them. */
function prefilled(profile: ReferrerProfileView | null): ReferralAnswers {
  const answers = emptyAnswers();
  if (!profile) return answers;
  const { name, email, organisation, role, phone } = profile;
  return {
    ...answers,
    referrer: { name, email, organisation: organisation ?? '', role: role ?? '', phone: phone ?? '' },
  };
}

/** A draft saved on this device is read back before the form opens. */
function DraftLoader() {
  const { t } = useTranslation();
  const [stored, setStored] = useState<StoredDraft | null>(() => readStoredDraft());
  const draft = useDraft(stored);
  const referrer = useReferrerProfile();
  // The server no longer has it, or the token is not right: start again without it.
  const gone =
    draft.isError && isApiError(draft.error) && draft.error.status >= 400 && draft.error.status < 500;

  useEffect(() => {
    if (gone) forgetStoredDraft();
  }, [gone]);

  if (stored && !gone) {
    if (draft.isPending) {
      return (
        <Page title={t('refer.title')}>
          <Loading label={t('refer.loadingDraft')} />
        </Page>
      );
    }
    if (draft.isError) {
      return (
        <Page title={t('refer.title')}>
          <LoadError error={draft.error} onRetry={() => void draft.refetch()} />
          <Button
            variant="default"
            style={{ alignSelf: 'flex-start' }}
            onClick={() => {
              forgetStoredDraft();
              setStored(null);
            }}
          >
            {t('refer.startAgain')}
          </Button>
        </Page>
      );
    }
    return (
      <ReferralForm
        initial={readAnswers(draft.data.answers, draft.data.centreId)}
        stored={stored}
        resumedAt={draft.data.updatedAt}
      />
    );
  }
  if (referrer.pending) {
    return (
      <Page title={t('refer.title')}>
        <Loading />
      </Page>
    );
  }
  return <ReferralForm initial={prefilled(referrer.profile)} stored={null} resumedAt={null} />;
}

function withoutStep(errors: Record<string, ReactNode>, step: QuestionStep): Record<string, ReactNode> {
  return Object.fromEntries(Object.entries(errors).filter(([name]) => stepOfField(name) !== step));
}

function ReferralForm({
  initial,
  stored,
  resumedAt,
}: {
  initial: ReferralAnswers;
  stored: StoredDraft | null;
  resumedAt: string | null;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const step = asStep(useParams().step);
  const state = readStepState(location.state);
  const form: ReferralFormApi = useForm<ReferralAnswers>({ initialValues: initial });
  const feedback = useFormFeedback(form);
  const saver = useDraftSaver(stored);
  const send = useSendReferral(readStoredDraft);
  const [showResumed, setShowResumed] = useState(resumedAt !== null);

  // Opened from a problem on the check page: once the page's heading has had focus, go to the field.
  useEffect(() => {
    if (!state.focus) return;
    const id = state.focus;
    const timer = window.setTimeout(() => {
      const input = document.getElementById(id);
      input?.focus();
      input?.scrollIntoView({ block: 'center' });
    }, 50);
    return () => window.clearTimeout(timer);
  }, [state.focus, location.key]);

  if (!step) return <Navigate to={`/refer/${initial.step}`} replace />;

  const go = (next: Step, nextState?: StepState) => void navigate(`/refer/${next}`, { state: nextState });

  const continueFrom = (current: QuestionStep) => {
    const errors = stepErrors(current, form.values);
    form.setErrors({ ...withoutStep(form.errors, current), ...errors });
    if (Object.keys(errors).length > 0) {
      feedback.onInvalid();
      return;
    }
    feedback.clear();
    setShowResumed(false);
    const next = state.returnToCheck ? 'check' : nextStep(current);
    const reached = furthest(form.values.step, next);
    form.setFieldValue('step', reached);
    saver.save({ ...form.values, step: reached });
    go(next);
  };

  // Going back keeps what was typed on this page, checked or not.
  const saveAsIs = () => saver.save(form.values);

  const startAgain = () => {
    void saver.forget();
    form.setValues(emptyAnswers());
    form.setErrors({});
    setShowResumed(false);
    go('centre');
  };

  const sendReferral = () => {
    const errors = allErrors(form.values);
    if (Object.keys(errors).length > 0) {
      form.setErrors(errors);
      feedback.onInvalid();
      return;
    }
    feedback.clear();
    send.mutate(referralBody.parse(toBody(form.values)), {
      onSuccess: async (sent) => {
        await saver.forget();
        void navigate('/refer/sent', {
          replace: true,
          state: { reference: sent.reference } satisfies SentState,
        });
      },
      onError: feedback.showError,
    });
  };

  if (step === 'check') {
    return (
      <CheckAnswers
        form={form}
        attempt={feedback.attempt}
        formError={feedback.formError}
        sending={send.isPending}
        onSend={sendReferral}
        onBack={saveAsIs}
        onChange={go}
      />
    );
  }

  const notices = (
    <>
      {step === 'centre' && <AccountLink place="start" />}
      {showResumed && resumedAt && (
        <Notice title={t('refer.resumed.title')}>
          <Stack gap="sm" align="flex-start">
            <Text>{t('refer.resumed.body', { when: formatDateTime(resumedAt, DEFAULT_TIME_ZONE) })}</Text>
            <Button variant="default" size="sm" onClick={startAgain}>
              {t('refer.startAgain')}
            </Button>
          </Stack>
        </Notice>
      )}
      {saver.state === 'failed' && (
        <Notice title={t('refer.saveFailed.title')}>{t('refer.saveFailed.body')}</Notice>
      )}
    </>
  );

  const questions: Record<QuestionStep, ReactNode> = {
    centre: <CentreStep form={form} />,
    'about-you': <AboutYouStep form={form} />,
    adults: <AdultsStep form={form} />,
    children: <ChildrenStep form={form} />,
    'court-order': <CourtOrderStep form={form} />,
    risks: <RisksStep form={form} />,
    needs: <NeedsStep form={form} />,
    service: <ServiceStep form={form} />,
  };

  return (
    <StepFrame
      key={step}
      step={step}
      form={form}
      attempt={feedback.attempt}
      returnToCheck={state.returnToCheck === true}
      onContinue={() => continueFrom(step)}
      onBack={saveAsIs}
      notices={notices}
    >
      {questions[step]}
    </StepFrame>
  );
}
