import { Button, Checkbox, Group, SegmentedControl, Stack, Tabs, Text } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useBookings } from '../../api/bookings.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { Page } from '../../components/Page.js';
import { PlanDayButton } from '../assistant/PlanDayDialog.js';
import { isCalendarDay } from '../../lib/dates.js';
import { readStored, writeStored } from '../../lib/storage.js';
import { canAtCentre } from '../../session/access.js';
import { useSignedInSession } from '../../session/SignedInSession.js';
import { useCurrentCentre } from '../../session/useCurrentCentre.js';
import { addDays, longDay, mondayOf, todayIn, type Arrangement } from './calendar.js';
import { DayView, WeekView } from './SessionViews.js';
import { Separations } from './Separations.js';
import './timetable.css';

type Span = 'day' | 'week';

interface ViewChoice {
  span: Span;
  by: Arrangement;
  cancelled: boolean;
}

// How the timetable was last looked at on this device; the day itself is in the address, to share.
const VIEW_KEY = 'neutral-ground.timetable-view';

function loadView(): ViewChoice {
  try {
    const stored = JSON.parse(readStored('local', VIEW_KEY) ?? '{}') as Partial<ViewChoice>;
    return {
      span: stored.span === 'week' ? 'week' : 'day',
      by: stored.by === 'staff' ? 'staff' : 'room',
      cancelled: stored.cancelled === true,
    };
  } catch {
    return { span: 'day', by: 'room', cancelled: false };
  }
}

/** The centre's sessions for a day or a week, by room or by supervisor; and the adults kept apart. */
export function TimetablePage() {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const { centre } = useCurrentCentre();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'apart' ? 'apart' : 'sessions';

  return (
    <Page title={t('timetable.title')}>
      {centre && canAtCentre(session, centre.id, 'timetable:read') ? (
        <Tabs
          value={tab}
          keepMounted={false}
          onChange={(value) =>
            setParams(
              (current) => {
                const next = new URLSearchParams(current);
                if (value === 'apart') next.set('tab', 'apart');
                else next.delete('tab');
                return next;
              },
              { replace: true },
            )
          }
        >
          <Tabs.List>
            <Tabs.Tab value="sessions">{t('timetable.tabs.sessions')}</Tabs.Tab>
            <Tabs.Tab value="apart">{t('timetable.tabs.apart')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="sessions" pt="md">
            <Sessions key={centre.id} centreId={centre.id} />
          </Tabs.Panel>
          <Tabs.Panel value="apart" pt="md">
            <Separations key={centre.id} centreId={centre.id} />
          </Tabs.Panel>
        </Tabs>
      ) : (
        <Text>{t('timetable.notHere', { centre: centre?.name ?? '' })}</Text>
      )}
    </Page>
  );
}

function Sessions({ centreId }: { centreId: string }) {
  const { t } = useTranslation();
  const { timeZone } = useCurrentCentre();
  const [params, setParams] = useSearchParams();
  const [view, setView] = useState<ViewChoice>(loadView);
  const asked = params.get('date');
  const day = isCalendarDay(asked) ? asked : todayIn(timeZone);
  const from = view.span === 'day' ? day : mondayOf(day);
  const to = view.span === 'day' ? day : addDays(from, 6);
  const bookings = useBookings(centreId, { from, to, includeCancelled: view.cancelled });

  const choose = (change: Partial<ViewChoice>) => {
    const next = { ...view, ...change };
    setView(next);
    writeStored('local', VIEW_KEY, JSON.stringify(next));
  };
  const goTo = (date: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set('date', date);
        return next;
      },
      { replace: true },
    );
  const step = view.span === 'day' ? 1 : 7;

  return (
    <Stack gap="md">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <DatePickerInput
          id="timetable-date"
          label={view.span === 'day' ? t('timetable.controls.day') : t('timetable.controls.week')}
          value={day}
          onChange={(value) => value && goTo(value)}
          valueFormat="ddd D MMMM YYYY"
          size="md"
          miw={240}
          hideOutsideDates
          previousLabel={t('dates.previous')}
          nextLabel={t('dates.next')}
          ariaLabels={{
            previousMonth: t('dates.previousMonth'),
            nextMonth: t('dates.nextMonth'),
            previousYear: t('dates.previousYear'),
            nextYear: t('dates.nextYear'),
            previousDecade: t('dates.previousDecade'),
            nextDecade: t('dates.nextDecade'),
            monthLevelControl: t('dates.chooseMonth'),
            yearLevelControl: t('dates.chooseYear'),
          }}
        />
        <Group gap="xs" wrap="wrap">
          <Button
            variant="default"
            leftSection={<IconChevronLeft size={18} aria-hidden="true" />}
            onClick={() => goTo(addDays(day, -step))}
          >
            {view.span === 'day' ? t('timetable.controls.previousDay') : t('timetable.controls.previousWeek')}
          </Button>
          <Button
            variant="default"
            rightSection={<IconChevronRight size={18} aria-hidden="true" />}
            onClick={() => goTo(addDays(day, step))}
          >
            {view.span === 'day' ? t('timetable.controls.nextDay') : t('timetable.controls.nextWeek')}
          </Button>
          <Button variant="subtle" onClick={() => goTo(todayIn(timeZone))}>
            {t('timetable.controls.today')}
          </Button>
          <PlanDayButton centreId={centreId} day={day} />
        </Group>
      </Group>
      <Group gap="lg" align="flex-end" wrap="wrap">
        <Stack gap={4}>
          <Text id="timetable-span-label" fw={500} size="sm">
            {t('timetable.controls.show')}
          </Text>
          <SegmentedControl
            aria-labelledby="timetable-span-label"
            value={view.span}
            onChange={(value) => choose({ span: value === 'week' ? 'week' : 'day' })}
            data={[
              { value: 'day', label: t('timetable.controls.oneDay') },
              { value: 'week', label: t('timetable.controls.wholeWeek') },
            ]}
          />
        </Stack>
        <Stack gap={4}>
          <Text id="timetable-by-label" fw={500} size="sm">
            {t('timetable.controls.arrange')}
          </Text>
          <SegmentedControl
            aria-labelledby="timetable-by-label"
            value={view.by}
            onChange={(value) => choose({ by: value === 'staff' ? 'staff' : 'room' })}
            data={[
              { value: 'room', label: t('timetable.controls.byRoom') },
              { value: 'staff', label: t('timetable.controls.byStaff') },
            ]}
          />
        </Stack>
        <Checkbox
          label={t('timetable.controls.showCancelled')}
          checked={view.cancelled}
          onChange={(event) => choose({ cancelled: event.currentTarget.checked })}
          mb={10}
        />
      </Group>
      {bookings.isPending ? (
        <Loading />
      ) : bookings.isError ? (
        <LoadError error={bookings.error} onRetry={() => void bookings.refetch()} />
      ) : view.span === 'day' ? (
        <DayView heading={longDay(day)} sessions={bookings.data.items} by={view.by} centreId={centreId} />
      ) : (
        <WeekView
          from={from}
          sessions={bookings.data.items}
          by={view.by}
          centreId={centreId}
          onDay={(date) => {
            choose({ span: 'day' });
            goTo(date);
          }}
        />
      )}
    </Stack>
  );
}
