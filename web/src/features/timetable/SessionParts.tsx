import { Group, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { BookingView } from '../../../../shared/api/bookings.js';
import { StatusBadge } from '../../components/StatusBadge.js';

type SessionPerson = BookingView['people'][number];

/** "Laura H.": the timetable never needs more than a first name and an initial. */
export const shortName = (person: Pick<SessionPerson, 'firstName' | 'initial'>) =>
  person.initial ? `${person.firstName} ${person.initial}.` : person.firstName;

/** A safety flag in words and with an icon, never by colour alone. */
export function KeepApartFlag() {
  const { t } = useTranslation();
  return (
    <StatusBadge tone="bad" icon={<IconAlertTriangle size={14} aria-hidden="true" />}>
      {t('timetable.keepApart')}
    </StatusBadge>
  );
}

/**
 * Each person with their own arrival and departure, staggered as the plan says ("Laura H. 09:45–12:15"),
 * a child with the adult who brings them, and a flag on anyone kept apart from someone on site.
 */
export function SessionPeople({ session }: { session: BookingView }) {
  const { t } = useTranslation();
  const byId = new Map(session.people.map((person) => [person.personId, person]));
  const ordered = [...session.people].sort(
    (a, b) =>
      Number(a.role === 'child') - Number(b.role === 'child') || a.arrivesAt.localeCompare(b.arrivesAt),
  );
  if (ordered.length === 0) return null;
  return (
    <List spacing={2} listStyleType="none" ml={0} pl={0} aria-label={t('timetable.session.people')}>
      {ordered.map((person) => {
        const bringer = person.broughtByPersonId ? byId.get(person.broughtByPersonId) : undefined;
        return (
          <List.Item key={person.personId}>
            <Group gap={6} wrap="wrap">
              <Text size="sm">
                {person.role === 'child' && bringer
                  ? t('timetable.person.child', { name: shortName(person), adult: bringer.firstName })
                  : t('timetable.person.times', {
                      name: shortName(person),
                      arrives: person.arrives,
                      leaves: person.leaves,
                    })}
              </Text>
              {person.separated && <KeepApartFlag />}
            </Group>
          </List.Item>
        );
      })}
    </List>
  );
}

/** Who called the session off, why, and whether it was late. */
export function CancellationLine({ session }: { session: BookingView }) {
  const { t } = useTranslation();
  const cancellation = session.cancellation;
  if (!cancellation) return null;
  const person = session.people.find((p) => p.personId === cancellation.personId);
  const who =
    cancellation.by === 'party' && person
      ? t('timetable.cancelled.byParent', { name: shortName(person) })
      : t(`timetable.cancelled.by.${cancellation.by}`);
  return (
    <Group gap={6} wrap="wrap">
      <Text size="sm">{t('timetable.cancelled.line', { who, reason: cancellation.reason })}</Text>
      {cancellation.late && (
        <StatusBadge tone="refused">
          {t('timetable.cancelled.late', { count: Math.max(cancellation.noticeHours, 0) })}
        </StatusBadge>
      )}
    </Group>
  );
}
