import {
  Button,
  Checkbox,
  createTheme,
  Modal,
  NumberInput,
  PasswordInput,
  Select,
  Textarea,
  TextInput,
  type CSSVariablesResolver,
} from '@mantine/core';
import type { TFunction } from 'i18next';

/**
 * Mantine's defaults fail contrast in places (filled buttons at shade 6, the dimmed grey, error red).
 * These settings passed axe; see STACK-NOTES.md.
 */
export function buildTheme(t: TFunction) {
  return createTheme({
    primaryColor: 'blue',
    primaryShade: 8,
    focusRing: 'auto',
    defaultRadius: 'md',
    fontFamily:
      'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
    components: {
      // 44 px targets for people using a tablet at a busy session.
      Button: Button.extend({
        defaultProps: { size: 'md' },
        vars: (_theme, props) =>
          props.size === 'md' ? { root: { '--button-height': '2.75rem' } } : { root: {} },
      }),
      TextInput: TextInput.extend({ defaultProps: { size: 'md' } }),
      PasswordInput: PasswordInput.extend({
        defaultProps: {
          size: 'md',
          visibilityToggleFocusable: true,
          visibilityToggleButtonProps: { 'aria-label': t('fields.showPassword') },
        },
      }),
      Select: Select.extend({ defaultProps: { size: 'md' } }),
      Textarea: Textarea.extend({ defaultProps: { size: 'md', autosize: true, minRows: 3 } }),
      NumberInput: NumberInput.extend({ defaultProps: { size: 'md' } }),
      Checkbox: Checkbox.extend({ defaultProps: { size: 'md' } }),
      Modal: Modal.extend({
        defaultProps: {
          size: 'lg',
          closeButtonProps: { 'aria-label': t('common.close') },
          // The modal's <header> would otherwise count as a second banner landmark beside the app's.
          attributes: { header: { role: 'none' } },
        },
        styles: { title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-xl)' } },
      }),
    },
  });
}

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
  },
  dark: {},
});
