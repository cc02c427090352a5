import { Alert, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconChevronLeft, IconChevronRight, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { RotaView, ShiftView, StaffingWarning } from '../../../../shared/api/rota.js';
import { errorMessage } from '../../api/client.js';
import { useAddShift, useRemoveShift, useRota } from '../../api/rota.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { Notice } from '../../components/Notice.js';
import { notifySuccess } from '../../components/notify.js';
import { Page } from '../../components/Page.js';
import { LabelledCell, StackedTable } from '../../components/StackedTable.js';
import { isCalendarDay } from '../../lib/dates.js';
import { canAtCentre } from '../../session/access.js';
import { useSignedInSession } from '../../session/SignedInSession.js';
import { useCurrentCentre } from '../../session/useCurrentCentre.js';
import { AddShiftDialog, EMPTY_SHIFT, type ShiftValues } from './AddShiftDialog.js';
import { addDays, dayAndMonth, longDay, mondayOf, todayIn } from './week.js';
import './rota.css';

/** A week of the rota: who is on duty each day, the sessions' staffing, and what falls short. */
export function RotaPage() {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const { centre } = useCurrentCentre();
  return (
    <Page title={t('rota.title')}>
      {centre && canAtCentre(session, centre.id, 'timetable:read') ? (
        <RotaWeek
          key={centre.id}
          centreId={centre.id}
          mayManage={canAtCentre(session, centre.id, 'timetable:manage')}
        />
      ) : (
        <Text>{t('rota.notHere', { centre: centre?.name ?? '' })}</Text>
      )}
    </Page>
  );
}

function RotaWeek({ centreId, mayManage }: { centreId: string; mayManage: boolean }) {
  const { t } = useTranslation();
  const { timeZone } = useCurrentCentre();
  const [params, setParams] = useSearchParams();
  const asked = params.get('week');
  const monday = mondayOf(isCalendarDay(asked) ? asked : todayIn(timeZone));
  const sunday = addDays(monday, 6);
  const rota = useRota(centreId, monday, sunday);
  const [adding, setAdding] = useState<ShiftValues | null>(null);
  const [removing, setRemoving] = useState<ShiftView | null>(null);
  const remove = useRemoveShift(centreId);

  const goTo = (date: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set('week', date);
        return next;
      },
      { replace: true },
    );

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Title order={2} size="h3">
          {t('rota.week', { day: longDay(monday) })}
        </Title>
        <Group gap="xs" wrap="wrap">
          <Button
            variant="default"
            leftSection={<IconChevronLeft size={18} aria-hidden="true" />}
            onClick={() => goTo(addDays(monday, -7))}
          >
            {t('rota.previousWeek')}
          </Button>
          <Button
            variant="default"
            rightSection={<IconChevronRight size={18} aria-hidden="true" />}
            onClick={() => goTo(addDays(monday, 7))}
          >
            {t('rota.nextWeek')}
          </Button>
          <Button variant="subtle" onClick={() => goTo(todayIn(timeZone))}>
            {t('rota.thisWeek')}
          </Button>
          {mayManage && (
            <Button
              leftSection={<IconPlus size={18} aria-hidden="true" />}
              onClick={() =>
                setAdding({ ...EMPTY_SHIFT, date: monday < todayIn(timeZone) ? todayIn(timeZone) : monday })
              }
            >
              {t('rota.add')}
            </Button>
          )}
        </Group>
      </Group>

      {rota.isPending ? (
        <Loading />
      ) : rota.isError ? (
        <LoadError error={rota.error} onRetry={() => void rota.refetch()} />
      ) : (
        <>
          <Warnings centreId={centreId} warnings={rota.data.warnings} mayManage={mayManage} />
          {Array.from({ length: 7 }, (_, index) => addDays(monday, index)).map((date) => (
            <Day key={date} date={date} rota={rota.data} mayManage={mayManage} onRemove={setRemoving} />
          ))}
        </>
      )}

      <AddShiftDialog
        centreId={centreId}
        opened={adding !== null}
        initial={adding ?? EMPTY_SHIFT}
        onClose={() => setAdding(null)}
      />
      <ConfirmDialog
        opened={removing !== null}
        title={removing ? t('rota.removeTitle', { name: removing.displayName }) : ''}
        message={
          removing
            ? t('rota.removeMessage', {
                name: removing.displayName,
                day: longDay(removing.date),
                start: removing.startTime,
                end: removing.endTime,
              })
            : ''
        }
        confirmLabel={t('rota.removeConfirm')}
        destructive
        pending={remove.isPending}
        error={remove.isError ? errorMessage(remove.error) : null}
        onConfirm={() =>
          removing &&
          remove.mutate(removing.id, {
            onSuccess: () => {
              notifySuccess(t('rota.removed', { name: removing.displayName, day: longDay(removing.date) }));
              setRemoving(null);
            },
          })
        }
        onClose={() => {
          remove.reset();
          setRemoving(null);
        }}
      />
    </Stack>
  );
}

function Warnings({
  centreId,
  warnings,
  mayManage,
}: {
  centreId: string;
  warnings: StaffingWarning[];
  mayManage: boolean;
}) {
  const { t } = useTranslation();
  const add = useAddShift(centreId);
  const [failure, setFailure] = useState<string | null>(null);
  if (warnings.length === 0) return <Notice tone="success">{t('rota.warnings.none')}</Notice>;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="rota-warnings" className="rota-warnings">
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap">
          <IconAlertTriangle size={22} aria-hidden="true" />
          <Title order={2} size="h3" id="rota-warnings">
            {t('rota.warnings.title')}
          </Title>
        </Group>
        <Text>{t('rota.warnings.count', { count: warnings.length })}</Text>
        {failure && (
          <Alert color="red.9" variant="outline" role="alert">
            {failure}
          </Alert>
        )}
        <Stack component="ul" gap="xs" className="rota-list">
          {warnings.map((warning, index) => (
            <li
              key={`${warning.kind}-${warning.bookingId ?? warning.openingSessionId}-${warning.date}-${index}`}
            >
              <Group justify="space-between" gap="sm" wrap="wrap">
                <Text>{warning.message}</Text>
                {mayManage && warning.suggestedShift && (
                  <Button
                    variant="default"
                    size="sm"
                    loading={add.isPending && add.variables?.userId === warning.suggestedShift.userId}
                    onClick={() => {
                      const { displayName, ...shift } = warning.suggestedShift!;
                      setFailure(null);
                      add.mutate(shift, {
                        onSuccess: (made) =>
                          notifySuccess(
                            t('rota.warnings.added', {
                              name: displayName,
                              day: longDay(made.date),
                              start: made.startTime,
                              end: made.endTime,
                            }),
                          ),
                        onError: (error) => setFailure(errorMessage(error)),
                      });
                    }}
                  >
                    {t('rota.warnings.putOn', {
                      name: warning.suggestedShift.displayName,
                      start: warning.suggestedShift.startTime,
                      end: warning.suggestedShift.endTime,
                    })}
                  </Button>
                )}
              </Group>
            </li>
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}

function Day({
  date,
  rota,
  mayManage,
  onRemove,
}: {
  date: string;
  rota: RotaView;
  mayManage: boolean;
  onRemove: (shift: ShiftView) => void;
}) {
  const { t } = useTranslation();
  const sessions = rota.sessions.filter((s) => s.date === date);
  const shifts = rota.shifts.filter((s) => s.date === date);
  const headingId = `rota-day-${date}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={headingId}>
          {dayAndMonth(date)}
        </Title>
        {sessions.length > 0 && (
          <Stack component="ul" gap={4} className="rota-list" aria-label={t('rota.day.sessions')}>
            {sessions.map((s) => (
              <Text component="li" key={s.openingSessionId}>
                {s.closed
                  ? t('rota.day.closed', {
                      name: s.name,
                      start: s.startTime,
                      end: s.endTime,
                      reason: s.closureReason,
                    })
                  : t(s.serviceType === 'supported' ? 'rota.day.session' : 'rota.day.sessionSupervised', {
                      name: s.name,
                      start: s.startTime,
                      end: s.endTime,
                      venue: s.venue.name,
                      staff: t('rota.day.staff', { count: s.staffOnShift }),
                      minimum: s.minimumStaff,
                      families: t('rota.day.families', { count: s.families }),
                    })}
              </Text>
            ))}
          </Stack>
        )}
        {shifts.length === 0 ? (
          <Text>{t('rota.day.nothing')}</Text>
        ) : (
          <StackedTable label={t('rota.day.shifts', { day: dayAndMonth(date) })}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('rota.columns.time')}</Table.Th>
                <Table.Th scope="col">{t('rota.columns.who')}</Table.Th>
                <Table.Th scope="col">{t('rota.columns.role')}</Table.Th>
                <Table.Th scope="col">{t('rota.columns.where')}</Table.Th>
                {mayManage && <Table.Th scope="col">{t('rota.columns.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shifts.map((shift) => (
                <Table.Tr key={shift.id}>
                  <LabelledCell label={t('rota.columns.time')}>
                    {shift.startTime}–{shift.endTime}
                  </LabelledCell>
                  <LabelledCell label={t('rota.columns.who')}>{shift.displayName}</LabelledCell>
                  <LabelledCell label={t('rota.columns.role')}>{t(`rota.roles.${shift.role}`)}</LabelledCell>
                  <LabelledCell label={t('rota.columns.where')}>
                    {shift.openingSession
                      ? t('rota.where', { venue: shift.venue.name, session: shift.openingSession.name })
                      : shift.venue.name}
                  </LabelledCell>
                  {mayManage && (
                    <LabelledCell label={t('rota.columns.actions')}>
                      <Button
                        variant="default"
                        size="sm"
                        aria-label={t('rota.removeLabel', {
                          name: shift.displayName,
                          start: shift.startTime,
                          end: shift.endTime,
                        })}
                        onClick={() => onRemove(shift)}
                      >
                        {t('rota.remove')}
                      </Button>
                    </LabelledCell>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </StackedTable>
        )}
      </Stack>
    </Paper>
  );
}
