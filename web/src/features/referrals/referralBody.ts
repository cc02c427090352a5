/**
 * Reading the body a referrer sent, for showing. Tolerant on purpose: a field in an unexpected shape is left
 * out rather than hiding the whole referral, since the coordinator must see every risk that was given.
 */
import { z } from 'zod';
import type { ReferralView } from '../../components/ReferralSections.js';

const text = z.string().nullish().catch(undefined);
const flag = z.boolean().nullish().catch(undefined);
const part = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

const shownBody = z.object({
  referrer: part(z.object({ name: text, organisation: text, role: text, email: text, phone: text })),
  adults: part(
    z.array(
      z.object({
        key: text,
        role: text,
        firstName: text,
        lastName: text,
        relationshipToChildren: text,
        dateOfBirth: text,
        address: text,
        phone: text,
        email: text,
        solicitorName: text,
        solicitorEmail: text,
      }),
    ),
  ),
  children: part(z.array(z.object({ firstName: text, lastName: text, dateOfBirth: text, needs: text }))),
  courtOrder: part(
    z.object({
      kind: text,
      court: text,
      madeOn: text,
      caseNumber: text,
      endsOn: text,
      timeLimitAgreed: flag,
    }),
  ),
  risks: part(
    z.object({
      factors: part(z.array(z.string())),
      protectiveOrders: part(
        z.array(z.object({ kind: text, between: part(z.array(text)), endsOn: text, notes: text })),
      ),
      details: text,
    }),
  ),
  needs: part(
    z.object({ language: text, interpreterNeeded: flag, interpreterLanguage: text, accessNeeds: text }),
  ),
  serviceRequested: text,
  notes: text,
});

export function readReferralBody(body: unknown): ReferralView {
  const parsed = shownBody.safeParse(body);
  return parsed.success ? parsed.data : {};
}

/** "Hill", or "Hill and Okafor": the family name a case will be opened under. */
export function familyName(view: ReferralView): string {
  const fromChildren = (view.children ?? []).map((child) => child.lastName?.trim() ?? '');
  const fromAdults = (view.adults ?? []).map((adult) => adult.lastName?.trim() ?? '');
  const names = [...new Set(fromChildren.filter(Boolean))];
  if (names.length === 0) names.push(...fromAdults.filter(Boolean).slice(0, 1));
  return names.join(' and ');
}
