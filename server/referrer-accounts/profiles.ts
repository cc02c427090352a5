/** What a referrer told us about themselves. Apart so that accepting an invitation can write it too. */
import { REFERRER_ROLES } from '../../shared/api/referrals.js';
import type { Executor } from '../platform/database.js';
import { latestReferrerDetails, saveProfile } from './repository.js';

type ReferrerRole = (typeof REFERRER_ROLES)[number];

const textOrNull = (value: unknown) =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

/**
 * An invited referrer's profile, from what their latest referral said about them (the invitation was
 * sent from a referral with this address).
 */
export async function profileFromReferrals(
  tx: Executor,
  account: { userId: string; organisationId: string; email: string },
): Promise<void> {
  const referrer = await latestReferrerDetails(tx, account.organisationId, account.email);
  const role = REFERRER_ROLES.find((r) => r === referrer?.role) ?? 'other_professional';
  await saveProfile(tx, account.userId, {
    organisation: textOrNull(referrer?.organisation),
    role: role satisfies ReferrerRole,
    phone: textOrNull(referrer?.phone),
  });
}
