/** Fixtures for the route-permission walk; see README.md here. */
export const publicRoutes: string[] = [
  // Anyone may create a referrer account: it shows nothing until the address is proven, and the answer
  // does not say whether the address already had one (rate-limited per connection, links per account).
  'POST /api/referrer-accounts',
  // The emailed link, with the password chosen at registration: the link is the credential.
  'POST /api/referrer-accounts/verify',
  // A new link for an unproven address; the same answer whether or not there is an account.
  'POST /api/referrer-accounts/verify/resend',
];
// The permission routes here take no body (invite-referrer is a POST without one).
export const validBodies: Record<string, unknown> = {};
