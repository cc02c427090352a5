import { Checkbox, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ORDER_KINDS } from '../../../../shared/api/referrals.js';
import { DayInput } from '../../components/DayInput.js';
import { fieldId } from './answers.js';
import { CourtOrderFile } from './CourtOrderFile.js';
import { checkbox, field, type ReferralFormApi } from './form.js';

/** Whether a court order covers contact, and its details; a final order needs its time limit agreed. */
export function CourtOrderStep({ form }: { form: ReferralFormApi }) {
  const { t } = useTranslation();
  const kind = form.values.courtOrder.kind;
  const { id: _id, ...kindInput } = field(form, 'courtOrder.kind');

  return (
    <Stack>
      <Radio.Group label={t('refer.courtOrder.kind')} {...kindInput}>
        <Stack gap="sm" mt="xs">
          {ORDER_KINDS.map((value, index) => (
            <Radio
              key={value}
              id={index === 0 ? fieldId('courtOrder.kind') : undefined}
              value={value}
              label={t(`refer.courtOrder.kinds.${value}`)}
              size="md"
            />
          ))}
        </Stack>
      </Radio.Group>
      {(kind === 'interim' || kind === 'final') && (
        <>
          <TextInput
            label={t('refer.courtOrder.court')}
            description={t('refer.courtOrder.courtHint')}
            {...field(form, 'courtOrder.court')}
          />
          <DayInput label={t('refer.courtOrder.madeOn')} {...field(form, 'courtOrder.madeOn')} />
          <TextInput label={t('refer.courtOrder.caseNumber')} {...field(form, 'courtOrder.caseNumber')} />
          <DayInput
            label={kind === 'final' ? t('refer.courtOrder.endsOn') : t('refer.courtOrder.endsOnOptional')}
            {...field(form, 'courtOrder.endsOn')}
          />
        </>
      )}
      {kind === 'final' && (
        <Stack gap="xs">
          <Text>{t('refer.courtOrder.timeLimitExplained')}</Text>
          <Checkbox
            label={t('refer.courtOrder.timeLimitAgreed')}
            {...checkbox(form, 'courtOrder.timeLimitAgreed')}
          />
        </Stack>
      )}
      <CourtOrderFile orderGiven={kind === 'interim' || kind === 'final'} />
    </Stack>
  );
}
