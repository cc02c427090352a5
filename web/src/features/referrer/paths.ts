/** Where a referrer's pages live. */
export const MY_REFERRALS_PATH = '/my/referrals';
export const REGISTER_PATH = '/referrer/register';
