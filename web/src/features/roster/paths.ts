/** Where the session day's pages live (the centre is the one being worked in). */
export const CHECK_IN_PATH = '/check-in';
export const ON_SITE_PATH = '/on-site';
