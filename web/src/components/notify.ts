import { notifications } from '@mantine/notifications';
import i18n from '../i18n/index.js';

/**
 * Confirms that something worked. Mantine renders each notice with role="alert", so screen readers
 * announce it as it appears.
 */
export function notifySuccess(message: string): void {
  notifications.show({
    message,
    color: 'teal.9',
    autoClose: 6000,
    closeButtonProps: { 'aria-label': i18n.t('common.closeNotice') },
  });
}
