import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconClock, IconMail, IconWriting } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { acceptanceView } from '../../../../shared/api/rules.js';
import { useCase, useRecordAcceptance, useRulesAcceptances, useSendAcceptanceLink } from '../../api/cases.js';
import { errorMessage } from '../../api/client.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { Notice } from '../../components/Notice.js';
import { notifySuccess } from '../../components/notify.js';
import { LabelledCell, StackedTable } from '../../components/StackedTable.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { useDialogTarget } from '../../components/useDialogTarget.js';
import { formatDateTime } from '../../lib/dates.js';
import { useSignedInSession } from '../../session/SignedInSession.js';
import { useCurrentCentre } from '../../session/useCurrentCentre.js';
import { mayChangeCase } from './access.js';

type Acceptance = z.infer<typeof acceptanceView>;
type Action = { kind: 'record' | 'link'; adult: Acceptance };

const HEADING_ID = 'case-rules-heading';
const ROLES = ['resident_parent', 'non_resident_parent', 'other_attendee', 'child'] as const;

/** Who has accepted the centre's current rules, and the two ways to record an adult's acceptance. */
export function RulesSection({ centreId, caseId }: { centreId: string; caseId: string }) {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const { timeZone } = useCurrentCentre();
  const acceptances = useRulesAcceptances(centreId, caseId);
  const record = useRecordAcceptance(centreId, caseId);
  const link = useSendAcceptanceLink(centreId, caseId);
  const dialog = useDialogTarget<Action>();
  const [emailed, setEmailed] = useState<string | null>(null);
  // The case page has the file already; a closed case shows no way to change it.
  const canWrite = mayChangeCase(session, useCase(centreId, caseId).data);
  const column = {
    adult: t('case.rules.columns.adult'),
    status: t('case.rules.columns.status'),
    actions: t('case.rules.columns.actions'),
  };

  const open = (action: Action) => {
    record.reset();
    link.reset();
    dialog.open(action);
  };
  // Once an adult has accepted, the buttons that opened the dialog are gone: start again from the heading.
  const afterDialog = () => {
    if (!document.activeElement || document.activeElement === document.body)
      document.getElementById(HEADING_ID)?.focus();
  };
  const roleWords = (role: string) => {
    const known = ROLES.find((item) => item === role);
    return known ? t(`case.people.roles.${known}`) : role;
  };
  const status = (adult: Acceptance) => {
    if (!adult.upToDate || adult.acceptedVersion === null) return t('case.rules.notAccepted');
    const version = adult.acceptedVersion;
    if (adult.method === 'online') return t('case.rules.acceptedOnline', { version });
    return adult.witnessedBy
      ? t('case.rules.acceptedInPerson', { version, witness: adult.witnessedBy })
      : t('case.rules.acceptedInPersonNoWitness', { version });
  };

  const target = dialog.target;
  const pending = target?.kind === 'record' ? record.isPending : link.isPending;
  const failure = target?.kind === 'record' ? record.error : link.error;
  const confirm = () => {
    if (!target) return;
    const name = target.adult.name;
    if (target.kind === 'record') {
      record.mutate(
        { personId: target.adult.personId, witnessedByUserId: session.user.id },
        {
          onSuccess: () => {
            notifySuccess(t('case.rules.recorded', { name }));
            dialog.close();
          },
        },
      );
    } else {
      link.mutate(
        { personId: target.adult.personId },
        {
          onSuccess: () => {
            setEmailed(name);
            dialog.close();
          },
        },
      );
    }
  };

  return (
    <Stack gap="xs" component="section" aria-labelledby={HEADING_ID}>
      <Title order={2} size="h3" id={HEADING_ID} tabIndex={-1}>
        {t('case.rules.title')}
      </Title>
      {acceptances.isPending ? (
        <Loading />
      ) : acceptances.isError ? (
        <LoadError error={acceptances.error} onRetry={() => void acceptances.refetch()} />
      ) : (
        <>
          <Text>{t('case.rules.intro', { version: acceptances.data.currentVersion })}</Text>
          <div role="status">
            {emailed && (
              <Notice tone="success" role="none">
                {t('case.rules.linkSent', { name: emailed })}
              </Notice>
            )}
          </div>
          <StackedTable label={t('case.rules.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{column.adult}</Table.Th>
                <Table.Th>{column.status}</Table.Th>
                {canWrite && <Table.Th>{column.actions}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {acceptances.data.items.map((adult) => (
                <Table.Tr key={adult.personId}>
                  <LabelledCell label={column.adult}>
                    <Text fw={600}>{adult.name}</Text>
                    <Text size="sm">{roleWords(adult.role)}</Text>
                  </LabelledCell>
                  <LabelledCell label={column.status}>
                    <Stack gap={4} align="flex-start">
                      <StatusBadge
                        tone={adult.upToDate ? 'good' : 'neutral'}
                        icon={
                          adult.upToDate ? (
                            <IconCircleCheck size={14} aria-hidden="true" />
                          ) : (
                            <IconClock size={14} aria-hidden="true" />
                          )
                        }
                      >
                        {status(adult)}
                      </StatusBadge>
                      {adult.upToDate && adult.acceptedAt && (
                        <Text size="sm">
                          {t('case.rules.acceptedOn', { when: formatDateTime(adult.acceptedAt, timeZone) })}
                        </Text>
                      )}
                      {!adult.upToDate && adult.acceptedVersion !== null && (
                        <Text size="sm">
                          {t('case.rules.olderVersion', { version: adult.acceptedVersion })}
                        </Text>
                      )}
                    </Stack>
                  </LabelledCell>
                  {canWrite && (
                    <LabelledCell label={column.actions}>
                      {!adult.upToDate && (
                        <Group gap="xs">
                          <Button
                            size="sm"
                            variant="default"
                            leftSection={<IconWriting size={18} aria-hidden="true" />}
                            aria-label={t('case.rules.recordInPersonFor', { name: adult.name })}
                            onClick={() => open({ kind: 'record', adult })}
                          >
                            {t('case.rules.recordInPerson')}
                          </Button>
                          <Button
                            size="sm"
                            variant="default"
                            leftSection={<IconMail size={18} aria-hidden="true" />}
                            aria-label={t('case.rules.emailLinkFor', { name: adult.name })}
                            onClick={() => open({ kind: 'link', adult })}
                          >
                            {t('case.rules.emailLink')}
                          </Button>
                        </Group>
                      )}
                    </LabelledCell>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </StackedTable>
          <ConfirmDialog
            opened={dialog.opened}
            title={target?.kind === 'link' ? t('case.rules.linkTitle') : t('case.rules.recordTitle')}
            message={
              target?.kind === 'link'
                ? t('case.rules.linkMessage', { name: target.adult.name })
                : t('case.rules.recordMessage', {
                    name: target?.adult.name ?? '',
                    version: acceptances.data.currentVersion,
                  })
            }
            confirmLabel={
              target?.kind === 'link' ? t('case.rules.linkConfirm') : t('case.rules.recordConfirm')
            }
            pending={pending}
            error={failure ? errorMessage(failure) : null}
            onConfirm={confirm}
            onClose={dialog.close}
            onExited={afterDialog}
          />
        </>
      )}
    </Stack>
  );
}
