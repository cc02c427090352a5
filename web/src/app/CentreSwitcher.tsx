import { Group, Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../components/notify.js';
import { useCurrentCentre } from '../session/useCurrentCentre.js';

/** Which centre the pages work in. A person with one centre just sees its name. */
export function CentreSwitcher({ id }: { id: string }) {
  const { t } = useTranslation();
  const { centre, centres, setCentreId } = useCurrentCentre();
  if (!centre) return null;

  if (centres.length === 1) {
    return (
      <Text size="sm">
        {t('shell.centre')}: <strong>{centre.name}</strong>
      </Text>
    );
  }

  return (
    <Group gap="xs" wrap="nowrap">
      <Text component="label" htmlFor={id} size="sm" fw={600}>
        {t('shell.centre')}
      </Text>
      <Select
        id={id}
        size="sm"
        w={220}
        data={centres.map((item) => ({ value: item.id, label: item.name }))}
        value={centre.id}
        allowDeselect={false}
        onChange={(value) => {
          const chosen = centres.find((item) => item.id === value);
          if (!chosen) return;
          setCentreId(chosen.id);
          notifySuccess(t('shell.centreChanged', { name: chosen.name }));
        }}
      />
    </Group>
  );
}
