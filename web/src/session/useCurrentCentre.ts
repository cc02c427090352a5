import { useLocalStorage } from '@mantine/hooks';
import type { CentreAccess } from '../../../shared/api/auth.js';
import { DEFAULT_TIME_ZONE } from '../lib/dates.js';
import { STORAGE_KEYS } from '../lib/storage.js';
import { useSignedInSession } from './SignedInSession.js';

/**
 * The centre the person is working in, chosen in the header and remembered on this device.
 * Falls back to their first centre when the remembered one is no longer theirs.
 */
export function useCurrentCentre(): {
  centre: CentreAccess | null;
  timeZone: string;
  centres: CentreAccess[];
  setCentreId: (id: string) => void;
} {
  const session = useSignedInSession();
  const [storedId, setStoredId] = useLocalStorage<string | null>({
    key: STORAGE_KEYS.centre,
    defaultValue: null,
    getInitialValueInEffect: false,
  });
  const centre = session.centres.find((item) => item.id === storedId) ?? session.centres[0] ?? null;
  return {
    centre,
    timeZone: centre?.timeZone ?? DEFAULT_TIME_ZONE,
    centres: session.centres,
    setCentreId: setStoredId,
  };
}

/** The time zone to show an event in: its own centre's when the person can see it, else the current one. */
export function useTimeZoneFor(): (centreId: string | null | undefined) => string {
  const session = useSignedInSession();
  const { timeZone } = useCurrentCentre();
  return (centreId) => session.centres.find((item) => item.id === centreId)?.timeZone ?? timeZone;
}
