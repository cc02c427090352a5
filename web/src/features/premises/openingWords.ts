import type { TFunction } from 'i18next';
import type { OpeningOccurrenceView, OpeningSessionView } from '../../../../shared/api/venues.js';
import { formatDay } from '../../lib/dates.js';

/** "Every other Saturday", "Every Tuesday", "On 3 January 2027 and 17 January 2027". */
export function repeatInWords(t: TFunction, recurrence: OpeningSessionView['recurrence']): string {
  if (recurrence.frequency === 'dates') {
    return t('openingTimes.words.dates', { dates: recurrence.dates.map(formatDay).join(', ') });
  }
  const day = t(`openingTimes.weekdays.${recurrence.weekday}` as 'openingTimes.weekdays.0');
  return recurrence.frequency === 'weekly'
    ? t('openingTimes.words.weekly', { day })
    : t('openingTimes.words.fortnightly', { day });
}

/** "Every other Saturday, 10:00 to 12:00, Riverside Contact Centre — supported". */
export function sessionInWords(t: TFunction, session: OpeningSessionView): string {
  return t('openingTimes.words.session', {
    repeat: repeatInWords(t, session.recurrence),
    start: session.startTime,
    end: session.endTime,
    venue: session.venueName,
    service: t(`openingTimes.services.${session.serviceType}`),
  });
}

/** "10:00 to 12:00". */
export function timesInWords(t: TFunction, occurrence: Pick<OpeningOccurrenceView, 'startTime' | 'endTime'>) {
  return t('openingTimes.words.times', { start: occurrence.startTime, end: occurrence.endTime });
}
