/** Fixtures for the route-permission walk; see README.md here. */
export const publicRoutes: string[] = [
  // A copy of the court order attached to a referral draft: part of the public referral form, so anyone
  // with the draft's resume token may add or remove it (rate-limited per address). Staff see it only
  // once the referral is sent, and only with case-documents:read.
  'PUT /api/referrals/drafts/:draftId/court-order',
  'DELETE /api/referrals/drafts/:draftId/court-order',
];

/**
 * These routes take the file's raw bytes, not JSON: whatever is sent is read as bytes and the guard
 * refuses before anything looks at them. The walk sends this as JSON, which is just bytes here too.
 */
export const validBodies: Record<string, unknown> = {
  'PUT /api/centres/:centreId/cases/:caseId/court-orders/:orderId/file': '%PDF-1.4 a copy of the order',
};
