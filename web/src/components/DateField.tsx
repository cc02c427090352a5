import { DatePickerInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';

interface DateFieldProps {
  id: string;
  label: string;
  description?: string;
  /** Shown while empty; also names the date picker that opens from the field. */
  placeholder: string;
  /** A calendar day, YYYY-MM-DD. */
  value: string | null;
  onChange: (value: string | null) => void;
  error?: React.ReactNode;
}

/**
 * A date picker with names on its buttons and without the colours that fail contrast
 * (days outside the month are hidden; weekends are not coloured, see DatesProvider in App).
 */
export function DateField({ id, label, description, placeholder, value, onChange, error }: DateFieldProps) {
  const { t } = useTranslation();
  return (
    <DatePickerInput
      id={id}
      label={label}
      description={description}
      value={value}
      onChange={onChange}
      error={error}
      placeholder={placeholder}
      clearable
      clearButtonProps={{ 'aria-label': t('dates.clear', { field: label }) }}
      valueFormat="D MMMM YYYY"
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
