/** Where the rota and one's own calendar feed live. */
export const ROTA_PATH = '/rota';
export const MY_CALENDAR_PATH = '/my/calendar';
