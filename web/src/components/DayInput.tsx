import { DateInput } from '@mantine/dates';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isCalendarDay, parseTypedDay } from '../lib/dates.js';

interface DayInputProps {
  id: string;
  label: string;
  description?: string;
  /**
   * YYYY-MM-DD once the text is a real day; otherwise the text as typed, so nothing typed is lost and the
   * form's check can say what is wrong with it. Empty when nothing is typed.
   */
  value?: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  error?: ReactNode;
}

/**
 * A day typed as 14/03/2016, with a calendar to pick from for those who prefer one. For dates people know
 * by heart, such as a date of birth, typing is quicker than paging through a calendar. The calendar's
 * buttons are named and its colours pass contrast, as in DateField.
 */
export function DayInput({ id, label, description, value = '', onChange, onBlur, error }: DayInputProps) {
  const { t } = useTranslation();
  return (
    <DateInput
      id={id}
      size="md"
      label={label}
      description={description ?? t('dates.typedHint')}
      placeholder={t('dates.typedPlaceholder')}
      value={isCalendarDay(value) ? value : null}
      valueFormat="DD/MM/YYYY"
      dateParser={parseTypedDay}
      // Keep what was typed even when it is not a date yet; the check beside the field explains.
      fixOnBlur={false}
      allowDeselect
      onInput={(event) => {
        const text = event.currentTarget.value;
        onChange(text.trim() === '' ? '' : (parseTypedDay(text) ?? text));
      }}
      onChange={(day) => onChange(day ?? '')}
      onBlur={onBlur}
      error={error}
      autoComplete="off"
      inputMode="numeric"
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
  );
}
