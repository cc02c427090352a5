/**
 * On the case page: attendance per adult (sessions attended, late arrivals, cancellations and the late
 * ones, no-shows), and the recent sessions with who came. Those who check people in may record here that
 * an adult did not come, or undo it, as at the door.
 */
import { Alert, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowBackUp, IconUserX } from '@tabler/icons-react';
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttendanceView } from '../../../../shared/api/notices.js';
import { useAttendance, useNoShow } from '../../api/notices.js';
import { errorMessage } from '../../api/client.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { LabelledCell, StackedTable } from '../../components/StackedTable.js';
import { canAtCentre } from '../../session/access.js';
import { useSignedInSession } from '../../session/SignedInSession.js';
import { CaseSection } from './FamilySections.js';
import type { CaseDetail } from './types.js';

dayjs.extend(utc);

const HEADING = 'case-attendance-heading';

/** "Saturday 5 December 2026". */
const dayWords = (date: string) => dayjs.utc(date).format('dddd D MMMM YYYY');

type Session = AttendanceView['recentSessions'][number];
type SessionPerson = Session['people'][number];

export function AttendanceSection({ record }: { record: CaseDetail }) {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const attendance = useAttendance(record.centreId, record.id);
  const canRecord = record.status !== 'closed' && canAtCentre(session, record.centreId, 'roster:check-in');
  const noShow = useNoShow(record.centreId);
  const [said, setSaid] = useState<string | null>(null);

  const mark = (visit: Session, person: SessionPerson, undo: boolean) => {
    setSaid(null);
    noShow.mutate(
      { bookingId: visit.bookingId, personId: person.personId, undo },
      {
        onSuccess: () =>
          setSaid(
            t(undo ? 'attendance.undone' : 'attendance.recorded', {
              name: person.firstName,
              day: dayWords(visit.date),
            }),
          ),
      },
    );
  };

  let body;
  if (attendance.isPending) body = <Loading />;
  else if (attendance.isError)
    body = <LoadError error={attendance.error} onRetry={() => void attendance.refetch()} />;
  else {
    const view = attendance.data;
    const column = {
      adult: t('attendance.columns.adult'),
      attended: t('attendance.columns.attended'),
      lateArrivals: t('attendance.columns.lateArrivals'),
      cancellations: t('attendance.columns.cancellations'),
      noShows: t('attendance.columns.noShows'),
      session: t('attendance.sessionColumn'),
      whoCame: t('attendance.whoCame'),
    };
    body = (
      <>
        <Text>{t('attendance.intro', { hours: view.lateNoticeHours })}</Text>
        <StackedTable label={t('attendance.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{column.adult}</Table.Th>
              <Table.Th>{column.attended}</Table.Th>
              <Table.Th>{column.lateArrivals}</Table.Th>
              <Table.Th>{column.cancellations}</Table.Th>
              <Table.Th>{column.noShows}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {view.adults.map((adult) => (
              <Table.Tr key={adult.personId}>
                <LabelledCell label={column.adult}>{`${adult.firstName} ${adult.lastName}`}</LabelledCell>
                <LabelledCell label={column.attended}>{adult.attended}</LabelledCell>
                <LabelledCell label={column.lateArrivals}>{adult.lateArrivals}</LabelledCell>
                <LabelledCell label={column.cancellations}>
                  {t('attendance.cancellations', {
                    count: adult.cancellations,
                    late: adult.lateCancellations,
                  })}
                </LabelledCell>
                <LabelledCell label={column.noShows}>{adult.noShows}</LabelledCell>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </StackedTable>
        <Text>
          {t('attendance.others', {
            centre: view.cancelledByCentre,
            professional: view.cancelledByProfessional,
          })}
        </Text>
        <Title order={3} size="h4">
          {t('attendance.recent')}
        </Title>
        <div role="status">{said && <Text fw={600}>{said}</Text>}</div>
        {noShow.error && (
          <Alert color="red.9" variant="outline" role="alert">
            {errorMessage(noShow.error)}
          </Alert>
        )}
        {view.recentSessions.length === 0 ? (
          <Text>{t('attendance.recentNone')}</Text>
        ) : (
          <StackedTable label={t('attendance.recent')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{column.session}</Table.Th>
                <Table.Th>{column.whoCame}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {view.recentSessions.map((visit) => (
                <Table.Tr key={visit.bookingId}>
                  <LabelledCell label={column.session}>
                    {t('attendance.session', {
                      day: dayWords(visit.date),
                      start: visit.startTime,
                      end: visit.endTime,
                    })}
                  </LabelledCell>
                  <LabelledCell label={column.whoCame}>
                    <Stack gap={6}>
                      {visit.people.map((person) => (
                        <PersonLine
                          key={person.personId}
                          visit={visit}
                          person={person}
                          canRecord={canRecord}
                          pending={noShow.isPending}
                          onRecord={(undo) => mark(visit, person, undo)}
                        />
                      ))}
                    </Stack>
                  </LabelledCell>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </StackedTable>
        )}
      </>
    );
  }

  return (
    <CaseSection id={HEADING} title={t('attendance.title')}>
      {body}
    </CaseSection>
  );
}

function PersonLine({
  visit,
  person,
  canRecord,
  pending,
  onRecord,
}: {
  visit: Session;
  person: SessionPerson;
  canRecord: boolean;
  pending: boolean;
  onRecord: (undo: boolean) => void;
}) {
  const { t } = useTranslation();
  const day = dayWords(visit.date);
  const words =
    person.status === 'arrived'
      ? person.minutesLate
        ? t('attendance.status.arrivedLate', {
            name: person.firstName,
            time: person.arrivedAt,
            minutes: person.minutesLate,
          })
        : t('attendance.status.arrived', { name: person.firstName, time: person.arrivedAt })
      : t(`attendance.status.${person.status}`, { name: person.firstName, time: person.plannedArrival });
  return (
    <Group gap="sm" wrap="wrap">
      <Text>{words}</Text>
      {canRecord && person.status === 'not_recorded' && (
        <Button
          size="sm"
          variant="default"
          leftSection={<IconUserX size={18} aria-hidden="true" />}
          aria-label={t('attendance.recordNoShowFor', { name: person.firstName, day })}
          disabled={pending}
          onClick={() => onRecord(false)}
        >
          {t('attendance.recordNoShow')}
        </Button>
      )}
      {canRecord && person.status === 'no_show' && (
        <Button
          size="sm"
          variant="default"
          leftSection={<IconArrowBackUp size={18} aria-hidden="true" />}
          aria-label={t('attendance.undoFor', { name: person.firstName, day })}
          disabled={pending}
          onClick={() => onRecord(true)}
        >
          {t('attendance.undo')}
        </Button>
      )}
    </Group>
  );
}
