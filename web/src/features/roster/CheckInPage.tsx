import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import {
  IconAlertTriangle,
  IconArmchair,
  IconArrowBackUp,
  IconArrowRight,
  IconClockExclamation,
  IconDoorEnter,
  IconFlame,
  IconLogin,
  IconLogout,
  IconRefresh,
} from '@tabler/icons-react';
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { RosterSession } from '../../../../shared/api/roster.js';
import { errorMessage } from '../../api/client.js';
import { useRecordMovement, useRoster, type Movement } from '../../api/roster.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { Notice } from '../../components/Notice.js';
import { Page } from '../../components/Page.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { canAtCentre } from '../../session/access.js';
import { useSignedInSession } from '../../session/SignedInSession.js';
import { useCurrentCentre } from '../../session/useCurrentCentre.js';
import { doorAction, lateness, type DoorAction, type RosterPerson } from './doorRules.js';
import { ON_SITE_PATH } from './paths.js';
import { RecordIncidentDialog } from '../session-records/RecordIncidentDialog.js';
import './roster.css';

dayjs.extend(utc);
dayjs.extend(timezone);

/** "Thursday 26 November 2026". */
export const sayDay = (date: string) => dayjs.utc(date).format('dddd D MMMM YYYY');

const FLAG_ICONS = {
  keep_apart: IconAlertTriangle,
  separate_entrance: IconDoorEnter,
  separate_waiting_room: IconArmchair,
} as const;

/** Today's sessions at the door, on a tablet: one large button per person for each arrival and departure. */
export function CheckInPage() {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const { centre } = useCurrentCentre();
  const allowed = centre !== null && canAtCentre(session, centre.id, 'roster:read');
  return (
    <Page
      title={t('roster.title')}
      action={
        centre &&
        canAtCentre(session, centre.id, 'roster:check-in') && (
          <Button
            component={Link}
            to={ON_SITE_PATH}
            variant="default"
            size="md"
            leftSection={<IconFlame size={20} aria-hidden="true" />}
          >
            {t('roster.onSiteLink')}
          </Button>
        )
      }
    >
      {allowed ? (
        <Roster
          key={centre.id}
          centreId={centre.id}
          mayTap={canAtCentre(session, centre.id, 'roster:check-in')}
          mayRecordIncident={canAtCentre(session, centre.id, 'incidents:record')}
        />
      ) : (
        <Text>{t('roster.notHere', { centre: centre?.name ?? '' })}</Text>
      )}
    </Page>
  );
}

interface Confirming {
  session: RosterSession;
  person: RosterPerson;
  before: { firstName: string; plannedDeparture: string };
}

/** A tap to take back: the person's check-in, or their check-out. */
interface Undoing {
  session: RosterSession;
  person: RosterPerson;
  kind: 'arrive' | 'leave';
}

function Roster({
  centreId,
  mayTap,
  mayRecordIncident,
}: {
  centreId: string;
  mayTap: boolean;
  mayRecordIncident: boolean;
}) {
  const { t } = useTranslation();
  const { timeZone } = useCurrentCentre();
  const roster = useRoster(centreId);
  const record = useRecordMovement(centreId);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  const [undoing, setUndoing] = useState<Undoing | null>(null);

  const tap = (session: RosterSession, person: RosterPerson, kind: Movement['kind']) => {
    setFailure(null);
    record.mutate(
      { bookingId: session.bookingId, personId: person.personId, kind },
      {
        onSuccess: (answer) => {
          const now = answer.session.people.find((p) => p.personId === person.personId);
          const time = (kind === 'arrive' ? now?.arrivedAt : now?.leftAt) ?? '';
          setAnnouncement(
            [t(`roster.done.${kind}`, { name: person.firstName, time }), answer.prompt]
              .filter(Boolean)
              .join(' '),
          );
          setConfirming(null);
          setUndoing(null);
        },
        onError: (error) => {
          setAnnouncement(null);
          setFailure(errorMessage(error));
          setConfirming(null);
          setUndoing(null);
        },
      },
    );
  };

  if (roster.isPending) return <Loading />;
  if (roster.isError) return <LoadError error={roster.error} onRetry={() => void roster.refetch()} />;
  const { date, sessions } = roster.data;
  const updatedAt = dayjs(roster.dataUpdatedAt).tz(timeZone).format('HH:mm');

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="center" wrap="wrap" gap="sm">
        <Stack gap={2}>
          <Text size="lg" fw={600}>
            {t('roster.today', { day: sayDay(date) })}
          </Text>
          <Text size="sm">{t('roster.updated', { time: updatedAt })}</Text>
        </Stack>
        <Button
          variant="default"
          leftSection={<IconRefresh size={18} aria-hidden="true" />}
          loading={roster.isFetching}
          onClick={() => void roster.refetch()}
        >
          {t('roster.refresh')}
        </Button>
      </Group>

      {/* What the last tap did, and who goes next: announced as it changes. */}
      <div role="status" aria-live="polite" className="door-announcement">
        {announcement && (
          <Notice tone="success" role="none">
            {announcement}
          </Notice>
        )}
      </div>
      {failure && (
        <Alert color="red.9" variant="outline" role="alert" icon={<IconAlertTriangle aria-hidden="true" />}>
          {failure}
        </Alert>
      )}

      <Text>{sessions.length === 0 ? t('roster.none') : t('roster.count', { count: sessions.length })}</Text>
      {sessions.map((session) => (
        <SessionCard
          key={session.bookingId}
          centreId={centreId}
          session={session}
          mayTap={mayTap}
          mayRecordIncident={mayRecordIncident}
          pendingPersonId={record.isPending ? (record.variables?.personId ?? null) : null}
          busy={record.isPending}
          onTap={(person, action) => {
            if (action.kind === 'arrive') tap(session, person, 'arrive');
            else if (action.kind === 'leave' && action.before) {
              setConfirming({ session, person, before: action.before });
            } else if (action.kind === 'leave') tap(session, person, 'leave');
          }}
          onUndo={(person, kind) => setUndoing({ session, person, kind })}
        />
      ))}

      <ConfirmDialog
        opened={confirming !== null}
        title={confirming ? t('roster.outOfOrder.title', { name: confirming.person.firstName }) : ''}
        message={
          confirming
            ? t('roster.outOfOrder.message', {
                name: confirming.person.firstName,
                next: confirming.before.firstName,
                time: confirming.before.plannedDeparture,
              })
            : ''
        }
        confirmLabel={confirming ? t('roster.outOfOrder.confirm', { name: confirming.person.firstName }) : ''}
        destructive
        pending={record.isPending}
        error={null}
        onConfirm={() => confirming && tap(confirming.session, confirming.person, 'leave')}
        onClose={() => setConfirming(null)}
      />
      <ConfirmDialog
        opened={undoing !== null}
        title={
          undoing
            ? t(undoing.kind === 'arrive' ? 'roster.undo.titleArrive' : 'roster.undo.titleLeave', {
                name: undoing.person.firstName,
              })
            : ''
        }
        message={
          undoing
            ? t(undoing.kind === 'arrive' ? 'roster.undo.messageArrive' : 'roster.undo.messageLeave', {
                name: undoing.person.firstName,
                time: (undoing.kind === 'arrive' ? undoing.person.arrivedAt : undoing.person.leftAt) ?? '',
              })
            : ''
        }
        confirmLabel={
          undoing?.kind === 'arrive' ? t('roster.undo.confirmArrive') : t('roster.undo.confirmLeave')
        }
        pending={record.isPending}
        error={null}
        onConfirm={() => undoing && tap(undoing.session, undoing.person, `undo-${undoing.kind}`)}
        onClose={() => setUndoing(null)}
      />
    </Stack>
  );
}

function SessionCard({
  centreId,
  session,
  mayTap,
  mayRecordIncident,
  pendingPersonId,
  busy,
  onTap,
  onUndo,
}: {
  centreId: string;
  session: RosterSession;
  mayTap: boolean;
  mayRecordIncident: boolean;
  pendingPersonId: string | null;
  busy: boolean;
  onTap: (person: RosterPerson, action: DoorAction) => void;
  onUndo: (person: RosterPerson, kind: 'arrive' | 'leave') => void;
}) {
  const { t } = useTranslation();
  const headingId = `door-session-${session.bookingId}`;
  const someoneHere = session.people.some((p) => p.arrivedAt && !p.leftAt);
  const everyoneGone = session.people.every((p) => p.leftAt);
  return (
    <Paper component="section" withBorder p="md" aria-labelledby={headingId} className="door-session">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} size="h3" id={headingId}>
            {t('roster.session.heading', {
              start: session.startTime,
              end: session.endTime,
              room: session.room,
            })}
          </Title>
          <Text>
            {t('roster.session.details', {
              service: t(`roster.service.${session.serviceType}`),
              venue: session.venue,
            })}
            {session.supervisor && ` · ${t('roster.session.supervisor', { name: session.supervisor })}`}
          </Text>
        </Stack>
        {session.nextToLeave && someoneHere && (
          <Paper withBorder p="sm" className="door-next">
            <Group gap="xs" wrap="nowrap">
              <IconArrowRight size={22} aria-hidden="true" />
              <Text fw={700}>
                {t('roster.session.nextToLeave', {
                  name: session.nextToLeave.firstName,
                  time: session.nextToLeave.plannedDeparture,
                })}
              </Text>
            </Group>
          </Paper>
        )}
        {everyoneGone && <Text fw={600}>{t('roster.session.allGone')}</Text>}
        {mayRecordIncident && <IncidentAction centreId={centreId} session={session} />}
        <Stack component="ul" gap="sm" className="door-people" aria-label={t('roster.session.people')}>
          {session.people.map((person) => (
            <PersonRow
              key={person.personId}
              session={session}
              person={person}
              mayTap={mayTap}
              pending={pendingPersonId === person.personId}
              busy={busy}
              onTap={onTap}
              onUndo={onUndo}
            />
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}

function PersonRow({
  session,
  person,
  mayTap,
  pending,
  busy,
  onTap,
  onUndo,
}: {
  session: RosterSession;
  person: RosterPerson;
  mayTap: boolean;
  pending: boolean;
  busy: boolean;
  onTap: (person: RosterPerson, action: DoorAction) => void;
  onUndo: (person: RosterPerson, kind: 'arrive' | 'leave') => void;
}) {
  const { t } = useTranslation();
  const action = doorAction(session, person);
  const adult = session.people.find((p) => p.personId === person.broughtByPersonId);
  const late = lateness(person);
  const reasonId = `door-reason-${session.bookingId}-${person.personId}`;
  const reason =
    action.kind === 'needs_adult'
      ? action.leaving
        ? t('roster.action.needsAdultLeaving', { adult: action.adult })
        : t('roster.action.needsAdultArriving', { adult: action.adult })
      : action.kind === 'children_first'
        ? t('roster.action.childrenFirst', {
            name: person.firstName,
            children: action.children.join(` ${t('roster.and')} `),
          })
        : null;
  const leaving = action.kind === 'leave' || (action.kind !== 'arrive' && person.arrivedAt !== null);
  // The last tap can be taken back, if it was a mistake: the check-out, or else the check-in.
  const undoable = person.leftAt ? 'leave' : person.arrivedAt ? 'arrive' : null;
  const label =
    action.kind === 'gone'
      ? t('roster.action.gone', { name: person.firstName })
      : leaving
        ? t('roster.action.leave', { name: person.firstName })
        : t('roster.action.arrive', { name: person.firstName });

  return (
    <Paper component="li" withBorder p="md" className="door-person">
      <Group justify="space-between" align="center" gap="md" wrap="wrap">
        <Stack gap={4} className="door-person-details">
          <Text size="xl" fw={700}>
            {person.firstName}
          </Text>
          <Text>
            {person.kind === 'adult'
              ? t('roster.person.adult')
              : adult
                ? t('roster.person.child', { adult: adult.firstName })
                : t('roster.person.childAlone')}
            {' · '}
            {t('roster.person.planned', { arrives: person.plannedArrival, leaves: person.plannedDeparture })}
          </Text>
          {person.flags.length > 0 && (
            <Group gap="xs" aria-label={t('roster.flags.label')} role="group">
              {person.flags.map((flag) => {
                const Icon = FLAG_ICONS[flag];
                return (
                  <StatusBadge
                    key={flag}
                    tone={flag === 'keep_apart' ? 'bad' : 'info'}
                    icon={<Icon size={16} aria-hidden="true" />}
                  >
                    {t(`roster.flags.${flag}`)}
                  </StatusBadge>
                );
              })}
            </Group>
          )}
          <Text fw={600}>
            {person.leftAt
              ? t('roster.person.left', { time: person.leftAt })
              : person.arrivedAt
                ? `${t('roster.person.arrived', { time: person.arrivedAt })}, ${
                    late ? t('roster.person.late', { count: late }) : t('roster.person.onTime')
                  }`
                : t('roster.person.notArrived')}
            {late !== null && !person.leftAt && (
              <IconClockExclamation size={18} aria-hidden="true" className="door-late-icon" />
            )}
          </Text>
          {reason && (
            <Text id={reasonId} className="door-reason">
              {reason}
            </Text>
          )}
          {mayTap && undoable && (
            <Button
              variant="subtle"
              size="md"
              className="door-undo"
              style={{ alignSelf: 'flex-start' }}
              leftSection={<IconArrowBackUp size={18} aria-hidden="true" />}
              aria-label={t(undoable === 'leave' ? 'roster.undo.leaveFor' : 'roster.undo.arriveFor', {
                name: person.firstName,
              })}
              disabled={busy}
              onClick={() => onUndo(person, undoable)}
            >
              {t(undoable === 'leave' ? 'roster.undo.leave' : 'roster.undo.arrive')}
            </Button>
          )}
        </Stack>
        {mayTap && (
          <Button
            size="xl"
            className="door-button"
            // The expected tap stands out: an arrival, or the departure due next.
            variant={
              action.kind === 'arrive' || (action.kind === 'leave' && action.before === null)
                ? 'filled'
                : 'default'
            }
            leftSection={
              leaving ? (
                <IconLogout size={24} aria-hidden="true" />
              ) : (
                <IconLogin size={24} aria-hidden="true" />
              )
            }
            disabled={action.kind === 'gone' || reason !== null || (busy && !pending)}
            loading={pending}
            aria-describedby={reason ? reasonId : undefined}
            onClick={() => onTap(person, action)}
          >
            {label}
          </Button>
        )}
      </Group>
    </Paper>
  );
}

/** Record an incident at this session: what happened, with whom, the action taken. */
function IncidentAction({ centreId, session }: { centreId: string; session: RosterSession }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <Group>
      <Button variant="default" size="md" onClick={() => setOpened(true)}>
        {t('roster.session.recordIncident')}
      </Button>
      <RecordIncidentDialog
        centreId={centreId}
        bookingId={session.bookingId}
        people={session.people.map((p) => ({ personId: p.personId, firstName: p.firstName }))}
        sessionLabel={t('roster.session.heading', {
          start: session.startTime,
          end: session.endTime,
          room: session.room,
        })}
        opened={opened}
        onClose={() => setOpened(false)}
      />
    </Group>
  );
}
