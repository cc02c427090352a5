/**
 * The end of a case: closing it with its outcome (and a note), the calm banner a closed case shows at the
 * top with the outcome and date, opening it again, and warnings about what to put right on an open case.
 */
import { Button, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconAlertTriangle, IconLock, IconLockOpen } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLOSURE_OUTCOMES, REOPEN_REASONS } from '../../../../shared/api/caseRecord.js';
import { useCloseCase, useIntakeVisits, useReopenCase } from '../../api/cases.js';
import { errorMessage } from '../../api/client.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { notifySuccess } from '../../components/notify.js';
import { formatDateTime } from '../../lib/dates.js';
import { useSignedInSession } from '../../session/SignedInSession.js';
import { useCurrentCentre } from '../../session/useCurrentCentre.js';
import { canWriteCases, mayChangeCase } from './access.js';
import { CaseSection } from './FamilySections.js';
import type { CaseDetail } from './types.js';

type Outcome = (typeof CLOSURE_OUTCOMES)[number];
type Reason = (typeof REOPEN_REASONS)[number];

/** On a closed case, at the top: when it closed, why, and that nothing in it can change. */
export function ClosedBanner({ record }: { record: CaseDetail }) {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const { timeZone } = useCurrentCentre();
  const reopen = useReopenCase(record.centreId, record.id);
  const [opened, setOpened] = useState(false);
  const [reason, setReason] = useState<Reason | ''>('');
  const [missing, setMissing] = useState(false);
  const closure = record.closure;
  if (!closure) return null;
  const when = formatDateTime(closure.closedAt, timeZone);
  const confirm = () => {
    if (!reason) {
      setMissing(true);
      document.getElementById('reopen-reason-0')?.focus();
      return;
    }
    reopen.mutate(
      { reason },
      {
        onSuccess: () => {
          notifySuccess(t('caseRecord.closure.reopen.done'));
          setOpened(false);
        },
      },
    );
  };

  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="case-closed-heading"
      className="case-closed"
    >
      <Stack gap="xs">
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <IconLock size={22} aria-hidden="true" style={{ flexShrink: 0 }} />
          <Title order={2} size="h3" id="case-closed-heading" tabIndex={-1}>
            {t('caseRecord.closure.banner.title')}
          </Title>
        </Group>
        <Text>
          {closure.closedBy
            ? t('caseRecord.closure.banner.closedBy', { when, name: closure.closedBy })
            : t('caseRecord.closure.banner.closed', { when })}
        </Text>
        <Text>
          {t('caseRecord.closure.banner.outcome', {
            outcome: t(`caseRecord.closure.outcomes.${closure.outcome}`),
          })}
        </Text>
        {closure.note && (
          <Text className="message-body">{t('caseRecord.closure.banner.note', { note: closure.note })}</Text>
        )}
        <Text>{t('caseRecord.closure.banner.readOnly')}</Text>
        {canWriteCases(session, record.centreId) && (
          <Button
            style={{ alignSelf: 'flex-start' }}
            variant="default"
            leftSection={<IconLockOpen size={18} aria-hidden="true" />}
            onClick={() => {
              reopen.reset();
              setReason('');
              setMissing(false);
              setOpened(true);
            }}
          >
            {t('caseRecord.closure.reopen.open')}
          </Button>
        )}
      </Stack>
      <ConfirmDialog
        opened={opened}
        title={t('caseRecord.closure.reopen.title')}
        message={t('caseRecord.closure.reopen.message', { family: record.familyName })}
        confirmLabel={t('caseRecord.closure.reopen.confirm')}
        pending={reopen.isPending}
        error={reopen.error ? errorMessage(reopen.error) : null}
        onConfirm={confirm}
        onClose={() => setOpened(false)}
        onExited={() => document.getElementById('case-close-heading')?.focus()}
      >
        <Radio.Group
          label={t('caseRecord.closure.reopen.reason')}
          value={reason}
          onChange={(value) => {
            setReason(value as Reason);
            setMissing(false);
          }}
          error={missing ? t('caseRecord.closure.reopen.reasonMissing') : undefined}
        >
          <Stack gap="sm" mt="xs">
            {REOPEN_REASONS.map((value, index) => (
              <Radio
                key={value}
                id={`reopen-reason-${index}`}
                value={value}
                label={t(`caseRecord.closure.reasons.${value}`)}
                size="md"
                data-autofocus={index === 0 ? true : undefined}
              />
            ))}
          </Stack>
        </Radio.Group>
      </ConfirmDialog>
    </Paper>
  );
}

/** Things to put right on an open case, in sentences from the server (a plan past a final order). */
export function CaseWarnings({ record }: { record: CaseDetail }) {
  const { t } = useTranslation();
  if (record.warnings.length === 0) return null;
  return (
    <Paper
      withBorder
      p="md"
      className="readiness-blocked"
      aria-labelledby="case-warnings-heading"
      component="section"
    >
      <Group gap="xs" wrap="nowrap" align="flex-start" mb="xs">
        <IconAlertTriangle size={22} aria-hidden="true" style={{ flexShrink: 0 }} />
        <Title order={2} size="h4" id="case-warnings-heading">
          {t('caseRecord.warnings.title')}
        </Title>
      </Group>
      <Stack gap={4}>
        {record.warnings.map((warning) => (
          <Text key={warning.code}>{warning.message}</Text>
        ))}
      </Stack>
    </Paper>
  );
}

/** At the foot of an open case: closing it, with its outcome, after one question. */
export function CloseCaseSection({ record }: { record: CaseDetail }) {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const close = useCloseCase(record.centreId, record.id);
  const visits = useIntakeVisits(record.centreId, record.id);
  const [opened, setOpened] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  if (!mayChangeCase(session, record)) return null;
  const waiting = visits.data?.items.filter((visit) => visit.status === 'scheduled').length ?? 0;
  const confirm = () => {
    if (!outcome) {
      setMissing(true);
      document.getElementById('close-outcome-0')?.focus();
      return;
    }
    close.mutate(
      { outcome, note: note.trim() || undefined },
      {
        onSuccess: () => {
          notifySuccess(t('caseRecord.closure.close.done', { family: record.familyName }));
          setOpened(false);
        },
      },
    );
  };

  return (
    <CaseSection id="case-close-heading" title={t('caseRecord.closure.close.title')}>
      <Text>{t('caseRecord.closure.close.intro')}</Text>
      <Button
        style={{ alignSelf: 'flex-start' }}
        variant="default"
        leftSection={<IconLock size={18} aria-hidden="true" />}
        onClick={() => {
          close.reset();
          setOutcome('');
          setNote('');
          setMissing(false);
          setOpened(true);
        }}
      >
        {t('caseRecord.closure.close.open')}
      </Button>
      <ConfirmDialog
        opened={opened}
        title={t('caseRecord.closure.close.dialogTitle')}
        message={[
          t('caseRecord.closure.close.message', { family: record.familyName }),
          waiting > 0 ? t('caseRecord.closure.close.visits', { count: waiting }) : '',
        ]
          .filter(Boolean)
          .join(' ')}
        confirmLabel={t('caseRecord.closure.close.confirm')}
        destructive
        pending={close.isPending}
        error={close.error ? errorMessage(close.error) : null}
        onConfirm={confirm}
        onClose={() => setOpened(false)}
        onExited={() => document.getElementById('case-closed-heading')?.focus()}
      >
        <Radio.Group
          label={t('caseRecord.closure.close.outcome')}
          value={outcome}
          onChange={(value) => {
            setOutcome(value as Outcome);
            setMissing(false);
          }}
          error={missing ? t('caseRecord.closure.close.outcomeMissing') : undefined}
        >
          <Stack gap="sm" mt="xs">
            {CLOSURE_OUTCOMES.map((value, index) => (
              <Radio
                key={value}
                id={`close-outcome-${index}`}
                value={value}
                label={t(`caseRecord.closure.outcomes.${value}`)}
                size="md"
                data-autofocus={index === 0 ? true : undefined}
              />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          id="close-note"
          label={t('caseRecord.closure.close.note')}
          description={t('caseRecord.closure.close.noteHint')}
          minRows={3}
          maxLength={2000}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
        />
      </ConfirmDialog>
    </CaseSection>
  );
}
