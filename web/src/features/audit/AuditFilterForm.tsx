import { Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { auditQuery, AUDIT_OUTCOMES } from '../../../../shared/api/audit.js';
import { DateField } from '../../components/DateField.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { useFormFeedback } from '../../components/useFormFeedback.js';
import { schemaErrors } from '../../lib/validation.js';
import { useCurrentCentre } from '../../session/useCurrentCentre.js';
import { ANY, EMPTY_FILTER, toQuery, type AuditFilterValues } from './auditFilter.js';

const FIELDS = [
  { name: 'from', id: 'audit-from' },
  { name: 'to', id: 'audit-to' },
  { name: 'action', id: 'audit-action' },
  { name: 'outcome', id: 'audit-outcome' },
  { name: 'centreId', id: 'audit-centre' },
  { name: 'resourceId', id: 'audit-record' },
];

interface AuditFilterFormProps {
  initial: AuditFilterValues;
  onApply: (values: AuditFilterValues) => void;
}

export function AuditFilterForm({ initial, onApply }: AuditFilterFormProps) {
  const { t } = useTranslation();
  const { centres, timeZone } = useCurrentCentre();
  const zoneFor = (values: AuditFilterValues) =>
    centres.find((centre) => centre.id === values.centreId)?.timeZone ?? timeZone;

  const form = useForm<AuditFilterValues>({
    initialValues: initial,
    validate: (values) => {
      const errors = schemaErrors(auditQuery, toQuery(values, zoneFor(values)));
      if (values.from && values.to && values.to < values.from) errors.to = t('audit.filter.toBeforeFrom');
      return errors;
    },
  });
  const feedback = useFormFeedback(form);

  const submit = form.onSubmit((values) => {
    feedback.clear();
    onApply(values);
  }, feedback.onInvalid);

  const outcomes = [
    { value: ANY, label: t('audit.filter.anyOutcome') },
    ...AUDIT_OUTCOMES.map((outcome) => ({ value: outcome, label: t(`audit.outcomes.${outcome}`) })),
  ];
  const centreOptions = [
    { value: ANY, label: t('audit.filter.anyCentre') },
    ...centres.map((centre) => ({ value: centre.id, label: centre.name })),
  ];

  return (
    <form onSubmit={submit} noValidate aria-labelledby="audit-filter-heading">
      <Stack>
        <ErrorSummary
          errors={form.errors}
          formError={feedback.formError}
          fields={FIELDS}
          attempt={feedback.attempt}
        />
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          <DateField
            id="audit-from"
            label={t('audit.filter.from')}
            placeholder={t('dates.anyDate')}
            value={form.values.from}
            onChange={(value) => form.setFieldValue('from', value)}
            error={form.errors.from}
          />
          <DateField
            id="audit-to"
            label={t('audit.filter.to')}
            placeholder={t('dates.anyDate')}
            value={form.values.to}
            onChange={(value) => form.setFieldValue('to', value)}
            error={form.errors.to}
          />
          <TextInput
            id="audit-action"
            label={t('audit.filter.action')}
            description={t('audit.filter.actionHint')}
            spellCheck={false}
            {...form.getInputProps('action')}
          />
          <Select
            id="audit-outcome"
            label={t('audit.filter.outcome')}
            data={outcomes}
            allowDeselect={false}
            {...form.getInputProps('outcome')}
          />
          <Select
            id="audit-centre"
            label={t('audit.filter.centre')}
            data={centreOptions}
            allowDeselect={false}
            {...form.getInputProps('centreId')}
          />
          <TextInput
            id="audit-record"
            label={t('audit.filter.record')}
            description={t('audit.filter.recordHint')}
            spellCheck={false}
            {...form.getInputProps('resourceId')}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit">{t('audit.filter.apply')}</Button>
          <Button
            variant="default"
            onClick={() => {
              form.setValues(EMPTY_FILTER);
              form.clearErrors();
              onApply(EMPTY_FILTER);
            }}
          >
            {t('audit.filter.clear')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
