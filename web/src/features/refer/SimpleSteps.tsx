/** The steps with a handful of questions each: the centre, the referrer, needs, and the service. */
import { Checkbox, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { REFERRER_ROLES, SERVICES } from '../../../../shared/api/referrals.js';
import { usePublicCentres } from '../../api/referrals.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { fieldId } from './answers.js';
import { checkbox, field, type ReferralFormApi } from './form.js';

export function CentreStep({ form }: { form: ReferralFormApi }) {
  const { t } = useTranslation();
  const centres = usePublicCentres();
  if (centres.isPending) return <Loading />;
  if (centres.isError) return <LoadError error={centres.error} onRetry={() => void centres.refetch()} />;
  if (centres.data.items.length === 0) return <Text>{t('refer.centre.none')}</Text>;
  const { id: _id, ...input } = field(form, 'centreId');
  return (
    <Stack>
      <Text>{t('refer.centre.intro')}</Text>
      <Text>{t('refer.centre.saved')}</Text>
      <Radio.Group label={t('refer.centre.label')} {...input}>
        <Stack gap="sm" mt="xs">
          {centres.data.items.map((centre, index) => (
            <Radio
              key={centre.id}
              id={index === 0 ? fieldId('centreId') : undefined}
              value={centre.id}
              label={centre.name}
              size="md"
            />
          ))}
        </Stack>
      </Radio.Group>
    </Stack>
  );
}

export function AboutYouStep({ form }: { form: ReferralFormApi }) {
  const { t } = useTranslation();
  const { id: _id, ...role } = field(form, 'referrer.role');
  return (
    <Stack>
      <TextInput label={t('refer.aboutYou.name')} autoComplete="name" {...field(form, 'referrer.name')} />
      <Radio.Group label={t('refer.aboutYou.role')} {...role}>
        <Stack gap="sm" mt="xs">
          {REFERRER_ROLES.map((value, index) => (
            <Radio
              key={value}
              id={index === 0 ? fieldId('referrer.role') : undefined}
              value={value}
              label={t(`referralTerms.referrerRoles.${value}`)}
              size="md"
            />
          ))}
        </Stack>
      </Radio.Group>
      <TextInput
        label={t('refer.aboutYou.organisation')}
        description={t('refer.aboutYou.organisationHint')}
        autoComplete="organization"
        {...field(form, 'referrer.organisation')}
      />
      <TextInput
        label={t('refer.aboutYou.email')}
        description={t('refer.aboutYou.emailHint')}
        type="email"
        autoComplete="email"
        spellCheck={false}
        {...field(form, 'referrer.email')}
      />
      <TextInput
        label={t('refer.aboutYou.phone')}
        type="tel"
        autoComplete="tel"
        {...field(form, 'referrer.phone')}
      />
    </Stack>
  );
}

export function NeedsStep({ form }: { form: ReferralFormApi }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Text>{t('refer.needs.intro')}</Text>
      <TextInput
        label={t('refer.needs.language')}
        description={t('refer.needs.languageHint')}
        {...field(form, 'needs.language')}
      />
      <Checkbox label={t('refer.needs.interpreterNeeded')} {...checkbox(form, 'needs.interpreterNeeded')} />
      {form.values.needs.interpreterNeeded && (
        <TextInput
          label={t('refer.needs.interpreterLanguage')}
          {...field(form, 'needs.interpreterLanguage')}
        />
      )}
      <Textarea
        label={t('refer.needs.accessNeeds')}
        description={t('refer.needs.accessNeedsHint')}
        {...field(form, 'needs.accessNeeds')}
      />
    </Stack>
  );
}

export function ServiceStep({ form }: { form: ReferralFormApi }) {
  const { t } = useTranslation();
  const { id: _id, ...service } = field(form, 'serviceRequested');
  return (
    <Stack>
      <Radio.Group label={t('refer.service.label')} {...service}>
        <Stack gap="md" mt="xs">
          {SERVICES.map((value, index) => (
            <Radio
              key={value}
              id={index === 0 ? fieldId('serviceRequested') : undefined}
              value={value}
              label={t(`referralTerms.services.${value}`)}
              description={t(`referralTerms.serviceHints.${value}`)}
              size="md"
            />
          ))}
        </Stack>
      </Radio.Group>
      <Textarea
        label={t('refer.service.notes')}
        description={t('refer.service.notesHint')}
        {...field(form, 'notes')}
      />
    </Stack>
  );
}
