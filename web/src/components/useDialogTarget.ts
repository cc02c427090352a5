import { useCallback, useState } from 'react';

/**
 * The record a dialog is about. Closing keeps the record, so the dialog's title and text stay put while
 * it fades out instead of going blank.
 */
export function useDialogTarget<T>() {
  const [state, setState] = useState<{ target: T | null; opened: boolean }>({ target: null, opened: false });
  const open = useCallback((target: T) => setState({ target, opened: true }), []);
  const close = useCallback(() => setState((current) => ({ ...current, opened: false })), []);
  return { target: state.target, opened: state.opened, open, close };
}
