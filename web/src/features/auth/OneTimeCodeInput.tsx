import { TextInput } from '@mantine/core';
import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';

/** The code as typed, without spaces. */
export function codeBody(values: { code: string }): { code: string } {
  // Some apps show the code as "123 456"; people type it that way.
  return { code: values.code.replace(/\s+/g, '') };
}

/** The 6-digit code from an authenticator app: numeric keypad on phones, filled in by the browser. */
export function OneTimeCodeInput(props: Omit<ComponentProps<typeof TextInput>, 'label'>) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t('fields.code')}
      description={t('fields.codeHint')}
      autoComplete="one-time-code"
      inputMode="numeric"
      spellCheck={false}
      styles={{ wrapper: { maxWidth: 220 } }}
      {...props}
    />
  );
}
