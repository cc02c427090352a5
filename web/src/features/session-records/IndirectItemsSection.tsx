import { Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconClipboardCheck, IconGift, IconHandStop, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndirectItemView } from '../../../../shared/api/session-records.js';
import { useIndirectItems, useItemStep } from '../../api/sessionRecords.js';
import { errorMessage } from '../../api/client.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { notifySuccess } from '../../components/notify.js';
import { StatusBadge, type Tone } from '../../components/StatusBadge.js';
import { useDialogTarget } from '../../components/useDialogTarget.js';
import { formatDateTime } from '../../lib/dates.js';
import { canAtCentre } from '../../session/access.js';
import { useSignedInSession } from '../../session/SignedInSession.js';
import { useCurrentCentre } from '../../session/useCurrentCentre.js';
import type { CaseDetail } from '../cases/types.js';
import { ItemStepDialog, ReceiveItemDialog, type ItemTarget } from './ItemDialogs.js';

const HEADING = 'case-items-heading';

type Stage = 'not_checked' | 'waiting' | 'passed_on' | 'held_back';
const STAGE_TONE: Record<Stage, Tone> = {
  not_checked: 'info',
  waiting: 'info',
  passed_on: 'good',
  held_back: 'refused',
};
const stageOf = (item: IndirectItemView): Stage =>
  item.outcome ?? (item.checkedAt ? 'waiting' : 'not_checked');

/**
 * On the case page: indirect contact, each item with its steps (received, checked, passed on or held
 * back) and, for whoever handles them (a coordinator), the next step as a button.
 */
export function IndirectItemsSection({ record }: { record: CaseDetail }) {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const { timeZone } = useCurrentCentre();
  const { centreId, id: caseId } = record;
  const items = useIndirectItems(centreId, caseId);
  const step = useItemStep(centreId, caseId);
  const mayHandle = canAtCentre(session, centreId, 'sanctions:manage') && record.status !== 'closed';
  const [receiving, setReceiving] = useState(false);
  const checking = useDialogTarget<ItemTarget>();
  const holding = useDialogTarget<ItemTarget>();
  const passing = useDialogTarget<ItemTarget & { forName: string }>();
  const afterDialog = () => {
    if (!document.activeElement || document.activeElement === document.body)
      document.getElementById(HEADING)?.focus();
  };
  const forName = (item: IndirectItemView) => item.forName ?? t('sessionRecords.items.allChildren');
  const nameOf = (item: IndirectItemView) =>
    t('sessionRecords.items.heading', {
      kind: t(`sessionRecords.items.kinds.${item.kind}`),
      from: item.fromName,
      for: forName(item),
    });
  const shortName = (item: IndirectItemView) =>
    t('sessionRecords.items.shortName', {
      kind: t(`sessionRecords.items.kinds.${item.kind}`).toLowerCase(),
      from: item.fromName,
    });
  const confirmPassOn = () => {
    const target = passing.target;
    if (!target) return;
    step.mutate(
      { step: 'pass-on', itemId: target.id },
      {
        onSuccess: () => {
          notifySuccess(t('sessionRecords.items.passOn.done'));
          passing.close();
        },
      },
    );
  };

  let body;
  if (items.isPending) body = <Loading />;
  else if (items.isError) body = <LoadError error={items.error} onRetry={() => void items.refetch()} />;
  else
    body = (
      <>
        {items.data.items.length === 0 ? (
          <Text>{t('sessionRecords.items.none')}</Text>
        ) : (
          items.data.items.map((item) => {
            const stage = stageOf(item);
            const target = { id: item.id, name: shortName(item) };
            return (
              <Paper key={item.id} withBorder p="md" component="article" aria-label={nameOf(item)}>
                <Stack gap="xs">
                  <Group gap="xs">
                    <IconGift size={20} aria-hidden="true" />
                    <Title order={3} size="h4">
                      {nameOf(item)}
                    </Title>
                    <StatusBadge tone={STAGE_TONE[stage]}>
                      {stage === 'not_checked'
                        ? t('sessionRecords.items.notChecked')
                        : stage === 'waiting'
                          ? t('sessionRecords.items.waiting')
                          : stage === 'passed_on'
                            ? t('sessionRecords.items.passedOn')
                            : t('sessionRecords.items.heldBack')}
                    </StatusBadge>
                  </Group>
                  <Text style={{ whiteSpace: 'pre-wrap' }}>{item.description}</Text>
                  <List type="ordered" spacing={4} aria-label={t('sessionRecords.items.steps')}>
                    <List.Item>
                      {t('sessionRecords.items.received', {
                        when: formatDateTime(item.receivedAt, timeZone),
                        name: item.receivedBy,
                      })}
                    </List.Item>
                    <List.Item>
                      {item.checkedAt ? (
                        <>
                          {t('sessionRecords.items.checked', {
                            when: formatDateTime(item.checkedAt, timeZone),
                            name: item.checkedBy ?? '',
                          })}
                          {item.checkNotes && (
                            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                              {item.checkNotes}
                            </Text>
                          )}
                        </>
                      ) : (
                        t('sessionRecords.items.notChecked')
                      )}
                    </List.Item>
                    {item.outcome && (
                      <List.Item>
                        {item.outcome === 'passed_on' && item.passedOnAt
                          ? t('sessionRecords.items.passedOnLine', {
                              when: formatDateTime(item.passedOnAt, timeZone),
                              name: item.passedOnBy ?? '',
                            })
                          : t('sessionRecords.items.heldBack')}
                      </List.Item>
                    )}
                  </List>
                  {mayHandle && stage === 'not_checked' && (
                    <Button
                      size="sm"
                      style={{ alignSelf: 'flex-start' }}
                      leftSection={<IconClipboardCheck size={18} aria-hidden="true" />}
                      aria-label={t('sessionRecords.items.check.openFor', { item: target.name })}
                      onClick={() => checking.open(target)}
                    >
                      {t('sessionRecords.items.check.open')}
                    </Button>
                  )}
                  {mayHandle && stage === 'waiting' && (
                    <Group gap="xs">
                      <Button
                        size="sm"
                        leftSection={<IconSend size={18} aria-hidden="true" />}
                        aria-label={t('sessionRecords.items.passOn.openFor', { item: target.name })}
                        onClick={() => {
                          step.reset();
                          passing.open({ ...target, forName: forName(item) });
                        }}
                      >
                        {t('sessionRecords.items.passOn.open')}
                      </Button>
                      <Button
                        size="sm"
                        variant="default"
                        leftSection={<IconHandStop size={18} aria-hidden="true" />}
                        aria-label={t('sessionRecords.items.holdBack.openFor', { item: target.name })}
                        onClick={() => holding.open(target)}
                      >
                        {t('sessionRecords.items.holdBack.open')}
                      </Button>
                    </Group>
                  )}
                </Stack>
              </Paper>
            );
          })
        )}
        {mayHandle && (
          <Button
            style={{ alignSelf: 'flex-start' }}
            leftSection={<IconGift size={18} aria-hidden="true" />}
            onClick={() => setReceiving(true)}
          >
            {t('sessionRecords.items.receive')}
          </Button>
        )}
      </>
    );

  return (
    <Stack gap="xs" component="section" aria-labelledby={HEADING}>
      <Title order={2} size="h3" id={HEADING} tabIndex={-1}>
        {t('sessionRecords.items.title')}
      </Title>
      <Text>{t('sessionRecords.items.intro')}</Text>
      {body}
      <ReceiveItemDialog
        centreId={centreId}
        caseId={caseId}
        people={record.people}
        opened={receiving}
        onClose={() => setReceiving(false)}
        onExited={afterDialog}
      />
      <ItemStepDialog
        centreId={centreId}
        caseId={caseId}
        step="check"
        target={checking.target}
        opened={checking.opened}
        onClose={checking.close}
        onExited={afterDialog}
      />
      <ItemStepDialog
        centreId={centreId}
        caseId={caseId}
        step="hold-back"
        target={holding.target}
        opened={holding.opened}
        onClose={holding.close}
        onExited={afterDialog}
      />
      <ConfirmDialog
        opened={passing.opened}
        title={t('sessionRecords.items.passOn.title')}
        message={
          passing.target
            ? t('sessionRecords.items.passOn.message', {
                item: passing.target.name,
                for: passing.target.forName,
              })
            : ''
        }
        confirmLabel={t('sessionRecords.items.passOn.confirm')}
        pending={step.isPending}
        error={step.error ? errorMessage(step.error) : null}
        onConfirm={confirmPassOn}
        onClose={passing.close}
        onExited={afterDialog}
      />
    </Stack>
  );
}
