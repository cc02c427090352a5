/** The centre's incident follow-ups still to do (the centre is the one being worked in). */
export const FOLLOW_UPS_PATH = '/follow-ups';
