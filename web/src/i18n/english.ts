/**
 * English: en.json holds the shell and the first areas; each later area keeps its own top-level
 * namespaces in en/<area>.json (so that areas built side by side do not edit one file). A namespace
 * lives in exactly one file.
 */
import en from './en.json' with { type: 'json' };
import assistant from './en/assistant.json' with { type: 'json' };
import bookings from './en/bookings.json' with { type: 'json' };
import caseRecord from './en/caseRecord.json' with { type: 'json' };
import files from './en/files.json' with { type: 'json' };
import referrerAccount from './en/referrerAccount.json' with { type: 'json' };
import roster from './en/roster.json' with { type: 'json' };
import rota from './en/rota.json' with { type: 'json' };
import sanctions from './en/sanctions.json' with { type: 'json' };
import sessionRecords from './en/sessionRecords.json' with { type: 'json' };
import venues from './en/venues.json' with { type: 'json' };

export const english = {
  ...en,
  ...assistant,
  ...bookings,
  ...caseRecord,
  ...files,
  ...referrerAccount,
  ...roster,
  ...rota,
  ...sanctions,
  ...sessionRecords,
  ...venues,
};
export type English = typeof english;
