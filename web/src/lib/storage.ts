/** Small, forgiving access to localStorage and sessionStorage: private browsing may refuse both. */

export const STORAGE_KEYS = {
  centre: 'neutral-ground.centre',
  auditFilter: 'neutral-ground.audit-filter',
  flash: 'neutral-ground.flash',
  /** The id and resume token of the referral being written on this device (no answers: those stay on the server). */
  referralDraft: 'neutral-ground.referral-draft',
  referralStatus: 'neutral-ground.referral-status',
} as const;

export function readStored(storage: 'local' | 'session', key: string): string | null {
  try {
    return (storage === 'local' ? window.localStorage : window.sessionStorage).getItem(key);
  } catch {
    return null;
  }
}

export function writeStored(storage: 'local' | 'session', key: string, value: string | null): void {
  try {
    const store = storage === 'local' ? window.localStorage : window.sessionStorage;
    if (value === null) store.removeItem(key);
    else store.setItem(key, value);
  } catch {
    // Remembering is a convenience; the page works without it.
  }
}
