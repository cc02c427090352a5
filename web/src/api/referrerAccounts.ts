/**
 * Referrer accounts: registering and confirming the address, a signed-in referrer's own referrals and
 * profile, and a coordinator's invitation from a referral.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  emailVerified,
  ownReferralList,
  ownReferralView,
  referrerInvited,
  referrerProfileView,
  registrationAnswer,
  type referrerRegistrationBody,
  type resendVerificationBody,
  type verifyEmailBody,
} from '../../../shared/api/referrer-accounts.js';
import type { SessionView } from '../../../shared/api/auth.js';
import { useSession } from './auth.js';
import { apiRequest } from './client.js';

export function useRegisterReferrer() {
  return useMutation({
    mutationFn: (body: z.output<typeof referrerRegistrationBody>) =>
      apiRequest('/referrer-accounts', { method: 'POST', body, schema: registrationAnswer }),
  });
}

export function useVerifyEmail() {
  return useMutation({
    mutationFn: (body: z.output<typeof verifyEmailBody>) =>
      apiRequest('/referrer-accounts/verify', { method: 'POST', body, schema: emailVerified }),
  });
}

export function useResendVerification() {
  return useMutation({
    mutationFn: (body: z.output<typeof resendVerificationBody>) =>
      apiRequest('/referrer-accounts/verify/resend', { method: 'POST', body, schema: registrationAnswer }),
  });
}

export function useOwnReferrals() {
  return useQuery({
    queryKey: ['my', 'referrals'],
    queryFn: () => apiRequest('/my/referrals', { schema: ownReferralList }),
  });
}

export function useOwnReferral(id: string) {
  return useQuery({
    queryKey: ['my', 'referrals', id],
    queryFn: () => apiRequest(`/my/referrals/${encodeURIComponent(id)}`, { schema: ownReferralView }),
    retry: false,
  });
}

/** A person signed in with a referrer account (the outside role; it grants nothing at any centre). */
export function isReferrerSession(session: SessionView | undefined): boolean {
  return session?.stage === 'signed-in' && session.organisationRoles.includes('referrer');
}

/**
 * The signed-in referrer's details, to fill in the referral form; nothing for anyone else. `pending`
 * until it is known which, so the form opens once with the right answers.
 */
export function useReferrerProfile() {
  const session = useSession();
  const referrer = isReferrerSession(session.data);
  const profile = useQuery({
    queryKey: ['my', 'profile'],
    queryFn: () => apiRequest('/my/profile', { schema: referrerProfileView }),
    enabled: referrer,
    retry: false,
    staleTime: 60_000,
  });
  return {
    pending: session.isPending || (referrer && profile.isPending),
    isReferrer: referrer,
    // A profile that cannot be read only means the form starts empty.
    profile: referrer && profile.isSuccess ? profile.data : null,
  };
}

export function useInviteReferrer(centreId: string, referralId: string) {
  return useMutation({
    mutationFn: () =>
      apiRequest(`/centres/${centreId}/referrals/${referralId}/invite-referrer`, {
        method: 'POST',
        schema: referrerInvited,
      }),
  });
}
