import { Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { DECLINE_REASONS, declineBody, requestInformationBody } from '../../../../shared/api/referrals.js';
import { useDeclineReferral, useRequestInformation } from '../../api/referrals.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { notifySuccess } from '../../components/notify.js';
import { useFormFeedback } from '../../components/useFormFeedback.js';
import { schemaErrors, textOrNull } from '../../lib/validation.js';

interface DecisionDialogProps {
  centreId: string;
  referralId: string;
  reference: string;
  opened: boolean;
  onClose: () => void;
  /** Called once the dialog has gone: the buttons that opened it may have gone too. */
  onExited: () => void;
}

/** Asks the referrer for what is missing; the referral waits for their answer. */
export function RequestInformationDialog(props: DecisionDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      onExitTransitionEnd={props.onExited}
      title={t('referral.requestInformation.title', { reference: props.reference })}
    >
      {props.opened && <RequestInformationForm {...props} />}
    </Modal>
  );
}

function RequestInformationForm({ centreId, referralId, reference, onClose }: DecisionDialogProps) {
  const { t } = useTranslation();
  const request = useRequestInformation(centreId, referralId);
  const form = useForm({
    initialValues: { message: '' },
    validate: (values) => schemaErrors(requestInformationBody, values),
  });
  const feedback = useFormFeedback(form);
  const submit = form.onSubmit((values) => {
    feedback.clear();
    request.mutate(requestInformationBody.parse(values), {
      onSuccess: () => {
        notifySuccess(t('referral.requestInformation.done', { reference }));
        onClose();
      },
      onError: feedback.showError,
    });
  }, feedback.onInvalid);

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text>{t('referral.requestInformation.intro')}</Text>
        <ErrorSummary
          errors={form.errors}
          formError={feedback.formError}
          fields={[{ name: 'message', id: 'request-information-message' }]}
          attempt={feedback.attempt}
        />
        <Textarea
          id="request-information-message"
          label={t('referral.requestInformation.message')}
          description={t('referral.requestInformation.messageHint')}
          minRows={5}
          data-autofocus
          {...form.getInputProps('message')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={request.isPending}>
            {t('referral.requestInformation.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Declines with a reason the referrer is told. */
export function DeclineDialog(props: DecisionDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      onExitTransitionEnd={props.onExited}
      title={t('referral.decline.title', { reference: props.reference })}
    >
      {props.opened && <DeclineForm {...props} />}
    </Modal>
  );
}

function DeclineForm({ centreId, referralId, reference, onClose }: DecisionDialogProps) {
  const { t } = useTranslation();
  const decline = useDeclineReferral(centreId, referralId);
  const toBody = (values: { reason: string; note: string }) => ({
    reason: values.reason || undefined,
    note: textOrNull(values.note) ?? undefined,
  });
  const form = useForm({
    initialValues: { reason: '', note: '' },
    validate: (values) => schemaErrors(declineBody, toBody(values)),
  });
  const feedback = useFormFeedback(form);
  const submit = form.onSubmit((values) => {
    feedback.clear();
    decline.mutate(declineBody.parse(toBody(values)), {
      onSuccess: () => {
        notifySuccess(t('referral.decline.done', { reference }));
        onClose();
      },
      onError: feedback.showError,
    });
  }, feedback.onInvalid);

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text>{t('referral.decline.intro')}</Text>
        <ErrorSummary
          errors={form.errors}
          formError={feedback.formError}
          fields={[
            { name: 'reason', id: 'decline-reason-0' },
            { name: 'note', id: 'decline-note' },
          ]}
          attempt={feedback.attempt}
        />
        <Radio.Group label={t('referral.decline.reason')} {...form.getInputProps('reason')}>
          <Stack gap="sm" mt="xs">
            {DECLINE_REASONS.map((reason, index) => (
              <Radio
                key={reason}
                id={`decline-reason-${index}`}
                value={reason}
                label={t(`referralTerms.declineReasons.${reason}`)}
                size="md"
                data-autofocus={index === 0 ? true : undefined}
              />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          id="decline-note"
          label={t('referral.decline.note')}
          description={t('referral.decline.noteHint')}
          {...form.getInputProps('note')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="red.9" loading={decline.isPending}>
            {t('referral.decline.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
