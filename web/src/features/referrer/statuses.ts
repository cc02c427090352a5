import type { OwnReferralView } from '../../../../shared/api/referrer-accounts.js';
import type { Tone } from '../../components/StatusBadge.js';

/** The colour repeats what the words say; it is never the only signal. */
export const STATUS_TONE: Record<OwnReferralView['status'], Tone> = {
  new: 'info',
  awaiting_information: 'neutral',
  accepted: 'good',
  declined: 'bad',
};
