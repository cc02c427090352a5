/** The adults and the children: each in its own group of questions, others added and removed. */
import { Button, Fieldset, Stack, Textarea, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DayInput } from '../../components/DayInput.js';
import { Notice } from '../../components/Notice.js';
import { fullName } from '../../components/ReferralSections.js';
import { emptyAdult, emptyChild, unusedKey, type AdultAnswers } from './answers.js';
import { field, type ReferralFormApi } from './form.js';

const MAX_ADULTS = 8;
const MAX_CHILDREN = 10;

function focusSoon(id: string) {
  // After React has drawn the new or remaining group.
  window.setTimeout(() => document.getElementById(id)?.focus(), 0);
}

export function AdultsStep({ form }: { form: ReferralFormApi }) {
  const { t } = useTranslation();
  const adults = form.values.adults;

  const add = () => {
    const key = unusedKey(adults.map((adult) => adult.key));
    form.insertListItem('adults', emptyAdult(key, 'other_attendee'));
    focusSoon(`ref-adults-${adults.length}-firstName`);
  };
  const remove = (index: number) => {
    const removed = adults[index]?.key;
    form.removeListItem('adults', index);
    // A protective order cannot be between someone no longer in the referral.
    form.setFieldValue(
      'risks.protectiveOrders',
      form.values.risks.protectiveOrders.map((order) => ({
        ...order,
        between: order.between.map((key) => (key === removed ? '' : key)) as [string, string],
      })),
    );
    focusSoon('ref-adults-add');
  };

  return (
    <Stack gap="lg">
      <Notice title={t('refer.adults.privacyTitle')}>{t('refer.adults.privacy')}</Notice>
      {adults.map((adult, index) => (
        <AdultQuestions
          key={adult.key}
          form={form}
          adult={adult}
          index={index}
          onRemove={adult.role === 'other_attendee' ? () => remove(index) : undefined}
        />
      ))}
      {adults.length < MAX_ADULTS && (
        <Button
          id="ref-adults-add"
          variant="default"
          leftSection={<IconPlus size={18} aria-hidden="true" />}
          className="button-wraps"
          style={{ alignSelf: 'flex-start' }}
          onClick={add}
        >
          {t('refer.adults.add')}
        </Button>
      )}
    </Stack>
  );
}

function AdultQuestions({
  form,
  adult,
  index,
  onRemove,
}: {
  form: ReferralFormApi;
  adult: AdultAnswers;
  index: number;
  onRemove?: () => void;
}) {
  const { t } = useTranslation();
  const path = `adults.${index}`;
  const legend =
    adult.role === 'other_attendee'
      ? t('refer.adults.otherLegend', { number: index - 1 })
      : t(`refer.adults.legend.${adult.role}`);
  return (
    <Fieldset legend={legend} className="form-group">
      <Stack gap="md">
        {adult.role === 'other_attendee' && <div>{t('refer.adults.otherHint')}</div>}
        <TextInput label={t('refer.person.firstName')} {...field(form, `${path}.firstName`)} />
        <TextInput label={t('refer.person.lastName')} {...field(form, `${path}.lastName`)} />
        <TextInput
          label={t('refer.adults.relationship')}
          description={t('refer.adults.relationshipHint')}
          {...field(form, `${path}.relationshipToChildren`)}
        />
        <DayInput label={t('refer.adults.dateOfBirth')} {...field(form, `${path}.dateOfBirth`)} />
        <Textarea label={t('refer.adults.address')} minRows={3} {...field(form, `${path}.address`)} />
        <TextInput label={t('refer.adults.phone')} type="tel" {...field(form, `${path}.phone`)} />
        <TextInput
          label={t('refer.adults.email')}
          type="email"
          spellCheck={false}
          {...field(form, `${path}.email`)}
        />
        <TextInput
          label={t('refer.adults.solicitorName')}
          description={t('refer.adults.solicitorNameHint')}
          {...field(form, `${path}.solicitorName`)}
        />
        <TextInput
          label={t('refer.adults.solicitorEmail')}
          type="email"
          spellCheck={false}
          {...field(form, `${path}.solicitorEmail`)}
        />
        {onRemove && (
          <Button
            variant="default"
            size="sm"
            className="button-wraps"
            style={{ alignSelf: 'flex-start' }}
            onClick={onRemove}
          >
            {t('refer.adults.remove', { name: fullName(adult) || legend })}
          </Button>
        )}
      </Stack>
    </Fieldset>
  );
}

export function ChildrenStep({ form }: { form: ReferralFormApi }) {
  const { t } = useTranslation();
  const children = form.values.children;

  const add = () => {
    form.insertListItem('children', emptyChild(unusedKey(children.map((child) => child.key))));
    focusSoon(`ref-children-${children.length}-firstName`);
  };
  const remove = (index: number) => {
    form.removeListItem('children', index);
    focusSoon('ref-children-add');
  };

  return (
    <Stack gap="lg">
      <div>{t('refer.children.intro')}</div>
      {children.map((child, index) => {
        const path = `children.${index}`;
        const legend = t('refer.children.legend', { number: index + 1 });
        return (
          <Fieldset key={child.key} legend={legend} className="form-group">
            <Stack gap="md">
              <TextInput label={t('refer.person.firstName')} {...field(form, `${path}.firstName`)} />
              <TextInput label={t('refer.person.lastName')} {...field(form, `${path}.lastName`)} />
              <DayInput label={t('refer.children.dateOfBirth')} {...field(form, `${path}.dateOfBirth`)} />
              <Textarea
                label={t('refer.children.needs')}
                description={t('refer.children.needsHint')}
                {...field(form, `${path}.needs`)}
              />
              {children.length > 1 && (
                <Button
                  variant="default"
                  size="sm"
                  className="button-wraps"
                  style={{ alignSelf: 'flex-start' }}
                  onClick={() => remove(index)}
                >
                  {t('refer.children.remove', { name: fullName(child) || legend })}
                </Button>
              )}
            </Stack>
          </Fieldset>
        );
      })}
      {children.length < MAX_CHILDREN && (
        <Button
          id="ref-children-add"
          variant="default"
          leftSection={<IconPlus size={18} aria-hidden="true" />}
          className="button-wraps"
          style={{ alignSelf: 'flex-start' }}
          onClick={add}
        >
          {t('refer.children.add')}
        </Button>
      )}
    </Stack>
  );
}
