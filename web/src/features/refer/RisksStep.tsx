import { Button, Checkbox, Fieldset, NativeSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PROTECTIVE_ORDER_KINDS, RISK_FACTORS } from '../../../../shared/api/referrals.js';
import { DayInput } from '../../components/DayInput.js';
import { fullName, useReferralTerms } from '../../components/ReferralSections.js';
import { emptyProtectiveOrder, fieldId, unusedKey } from './answers.js';
import { field, type ReferralFormApi } from './form.js';

const MAX_ORDERS = 10;

/** Concerns, protective orders between two named adults, and what the centre should know. */
export function RisksStep({ form }: { form: ReferralFormApi }) {
  const { t } = useTranslation();
  const terms = useReferralTerms();
  const orders = form.values.risks.protectiveOrders;
  const adultOptions = [
    { value: '', label: t('refer.risks.choosePerson') },
    ...form.values.adults.map((adult, index) => ({
      value: adult.key,
      label: t('referralView.personWithRole', {
        name: fullName(adult) || t('refer.risks.adultNumber', { number: index + 1 }),
        role: terms.adultRole(adult.role),
      }),
    })),
  ];
  const kindOptions = [
    { value: '', label: t('refer.risks.chooseKind') },
    ...PROTECTIVE_ORDER_KINDS.map((kind) => ({ value: kind, label: terms.protectiveOrderKind(kind) })),
  ];
  const { id: _id, ...factors } = field(form, 'risks.factors');

  const add = () => {
    form.insertListItem(
      'risks.protectiveOrders',
      emptyProtectiveOrder(unusedKey(orders.map((item) => item.key))),
    );
    window.setTimeout(
      () => document.getElementById(fieldId(`risks.protectiveOrders.${orders.length}.kind`))?.focus(),
      0,
    );
  };
  const remove = (index: number) => {
    form.removeListItem('risks.protectiveOrders', index);
    window.setTimeout(() => document.getElementById('ref-risks-add')?.focus(), 0);
  };

  return (
    <Stack gap="lg">
      <Text>{t('refer.risks.intro')}</Text>
      <Checkbox.Group
        label={t('refer.risks.factors')}
        description={t('refer.risks.factorsHint')}
        {...factors}
      >
        <Stack gap="sm" mt="xs">
          {RISK_FACTORS.map((factor, index) => (
            <Checkbox
              key={factor}
              id={index === 0 ? fieldId('risks.factors') : undefined}
              value={factor}
              label={terms.riskFactor(factor)}
            />
          ))}
        </Stack>
      </Checkbox.Group>

      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('refer.risks.ordersTitle')}
        </Title>
        <Text>{t('refer.risks.ordersIntro')}</Text>
        {orders.map((order, index) => {
          const path = `risks.protectiveOrders.${index}`;
          const legend = t('refer.risks.orderLegend', { number: index + 1 });
          const protectedInput = field(form, `${path}.between.0`);
          return (
            <Fieldset key={order.key} legend={legend} className="form-group">
              <Stack gap="md">
                <NativeSelect
                  size="md"
                  label={t('refer.risks.kind')}
                  data={kindOptions}
                  {...field(form, `${path}.kind`)}
                />
                <NativeSelect
                  size="md"
                  label={t('refer.risks.protected')}
                  data={adultOptions}
                  {...protectedInput}
                  error={protectedInput.error ?? form.errors[`${path}.between`]}
                />
                <NativeSelect
                  size="md"
                  label={t('refer.risks.against')}
                  data={adultOptions}
                  {...field(form, `${path}.between.1`)}
                />
                <DayInput label={t('refer.risks.endsOn')} {...field(form, `${path}.endsOn`)} />
                <Textarea label={t('refer.risks.notes')} {...field(form, `${path}.notes`)} />
                <Button
                  variant="default"
                  size="sm"
                  className="button-wraps"
                  style={{ alignSelf: 'flex-start' }}
                  onClick={() => remove(index)}
                >
                  {t('refer.risks.remove', { number: index + 1 })}
                </Button>
              </Stack>
            </Fieldset>
          );
        })}
        {orders.length < MAX_ORDERS && (
          <Button
            id="ref-risks-add"
            variant="default"
            leftSection={<IconPlus size={18} aria-hidden="true" />}
            className="button-wraps"
            style={{ alignSelf: 'flex-start' }}
            onClick={add}
          >
            {orders.length === 0 ? t('refer.risks.addFirst') : t('refer.risks.addAnother')}
          </Button>
        )}
      </Stack>

      <Textarea
        label={t('refer.risks.details')}
        description={t('refer.risks.detailsHint')}
        {...field(form, 'risks.details')}
      />
    </Stack>
  );
}
