import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BookingView } from '../../../../shared/api/bookings.js';
import { useBookings } from '../../api/bookings.js';
import { canAtCentre } from '../../session/access.js';
import { useSignedInSession } from '../../session/SignedInSession.js';
import { useCurrentCentre } from '../../session/useCurrentCentre.js';
import { addDays, longDay, todayIn } from '../timetable/calendar.js';

/** How far back the case page offers sessions to write about: eight weeks. */
export const RECENT_DAYS = 56;

/** The case's sessions of the last eight weeks up to today that went ahead (not cancelled). */
export function useRecentSessions(centreId: string, caseId: string) {
  const session = useSignedInSession();
  const { timeZone } = useCurrentCentre();
  const [to] = useState(() => todayIn(timeZone));
  const from = addDays(to, -RECENT_DAYS);
  const bookings = useBookings(
    centreId,
    { from, to, caseId },
    { enabled: canAtCentre(session, centreId, 'timetable:read') },
  );
  const items = (bookings.data?.items ?? []).filter((booking) => booking.status === 'booked');
  return { query: bookings, items };
}

/** "Saturday 5 December 2026, 10:00 to 12:00". */
export function useSessionLabel() {
  const { t } = useTranslation();
  return (session: { date: string; startTime: string; endTime: string }) =>
    t('sessionRecords.session', {
      day: longDay(session.date),
      start: session.startTime,
      end: session.endTime,
    });
}

/** Whether the session has started (a record of it can be written). */
export const hasStarted = (booking: Pick<BookingView, 'startsAt'>) =>
  Date.parse(booking.startsAt) <= Date.now();
