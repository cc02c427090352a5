/**
 * The demo organisation: invented people and places, for trying the product. Sign-in details are in
 * the README; the two-factor secrets are fixed so that anyone can add them to an authenticator app.
 */
import type { Role } from '../../shared/access.js';

export const DEMO_PASSWORD = 'neutral-ground-demo';

export const DEMO_ORGANISATION = 'Riverside Family Contact (demo)';

export const DEMO_CENTRES = [
  {
    key: 'riverside',
    name: 'Riverside Contact Centre',
    timeZone: 'Europe/London',
    address: '12 Mill Lane, Riverside, RV1 2AB',
    phone: '01632 960 001',
    email: 'riverside@example.org',
    rooms: [
      {
        name: 'Main hall',
        capacity: 30,
        usage: 'shared',
        hasSeparateEntrance: false,
        accessibilityNotes: 'Step-free from the car park.',
      },
      {
        name: 'Garden room',
        capacity: 8,
        hasSeparateEntrance: true,
        hasSeparateWaitingRoom: true,
        accessibilityNotes: 'Own entrance from the side path.',
      },
      { name: 'Blue room', capacity: 6, hasSeparateEntrance: false, accessibilityNotes: null },
      {
        name: 'Family room',
        capacity: 6,
        hasSeparateEntrance: false,
        accessibilityNotes: 'Baby-changing and a quiet corner.',
      },
    ],
  },
  {
    key: 'hillview',
    name: 'Hillview Contact Centre',
    timeZone: 'Europe/London',
    address: 'Hillview Community Hall, 4 Church Street, Hillview, HV3 9XY',
    phone: '01632 960 002',
    email: 'hillview@example.org',
    rooms: [
      {
        name: 'Community hall',
        capacity: 24,
        usage: 'shared',
        hasSeparateEntrance: false,
        accessibilityNotes: 'Ramp at the front door.',
      },
      { name: 'Quiet room', capacity: 5, hasSeparateEntrance: true, accessibilityNotes: null },
    ],
  },
] as const;

/**
 * Each centre's alternative venues (with their rooms), opening sessions and closures. Opening sessions
 * without a venue are in the centre's own building. Alternate Saturdays count from Saturday 3 January 2026.
 */
export const DEMO_PREMISES = {
  riverside: {
    venues: [
      {
        name: 'Northgate Library community room',
        kind: 'library',
        address: 'Northgate Library, 2 Market Square, Northgate, NG1 4LB',
        accessibilityNotes: 'Lift to the first floor; accessible toilet next to the room.',
        rooms: [
          {
            name: 'Library community room',
            capacity: 10,
            hasSeparateEntrance: false,
            hasSeparateWaitingRoom: true,
            accessibilityNotes: 'Waiting area on the ground floor, by the children’s library.',
          },
        ],
      },
    ],
    openingSessions: [
      {
        name: 'Saturday supported',
        serviceType: 'supported',
        recurrence: { frequency: 'fortnightly', weekday: 6 },
        startTime: '10:00',
        endTime: '12:00',
        minimumStaff: 3,
        familiesPerVolunteer: 3,
      },
      {
        name: 'Tuesday supervised',
        serviceType: 'supervised',
        recurrence: { frequency: 'weekly', weekday: 2 },
        startTime: '16:00',
        endTime: '18:00',
        minimumStaff: 1,
        familiesPerVolunteer: 1,
      },
      {
        name: 'Thursday supervised',
        serviceType: 'supervised',
        recurrence: { frequency: 'weekly', weekday: 4 },
        startTime: '16:00',
        endTime: '18:00',
        minimumStaff: 1,
        familiesPerVolunteer: 1,
      },
    ],
  },
  hillview: {
    venues: [],
    openingSessions: [
      {
        name: 'Sunday supported',
        serviceType: 'supported',
        recurrence: { frequency: 'weekly', weekday: 0 },
        startTime: '13:00',
        endTime: '15:00',
        minimumStaff: 2,
        familiesPerVolunteer: 3,
      },
    ],
  },
} as const;
export const DEMO_SESSIONS_START = '2026-01-03';
/** Both centres close from Christmas Eve to 2 January. */
export const DEMO_CLOSURE = { reason: 'Christmas', from: '12-24', to: '01-02' } as const;
/** Whose training runs out within the month (a warning on the staff page); everyone else's is current. */
export const DEMO_TRAINING_EXPIRING = 'volunteer@example.org';

export interface DemoStaff {
  displayName: string;
  email: string;
  /** Base32; add it to an authenticator app by hand, or use the QR code in the README. */
  totpSecret: string;
  roles: { centre: 'riverside' | 'hillview' | null; role: Role }[];
}

export const DEMO_STAFF: DemoStaff[] = [
  {
    displayName: 'Alex Morgan',
    email: 'admin@example.org',
    totpSecret: 'DEMOADMINAAAAAAAAAAAAAAAAAAAAAAA',
    roles: [{ centre: null, role: 'organisation_admin' }],
  },
  {
    displayName: 'Priya Shah',
    email: 'coordinator@example.org',
    totpSecret: 'DEMOCOORDINATORAAAAAAAAAAAAAAAAA',
    roles: [{ centre: 'riverside', role: 'coordinator' }],
  },
  {
    displayName: 'Tom Okafor',
    email: 'hillview.coordinator@example.org',
    totpSecret: 'DEMOHILLVIEWAAAAAAAAAAAAAAAAAAAA',
    roles: [{ centre: 'hillview', role: 'coordinator' }],
  },
  {
    displayName: 'Grace Bell',
    email: 'supervisor@example.org',
    totpSecret: 'DEMOSUPERVISORAAAAAAAAAAAAAAAAAA',
    roles: [
      { centre: 'riverside', role: 'supervisor' },
      { centre: 'hillview', role: 'supervisor' },
    ],
  },
  {
    displayName: 'Sam Carter',
    email: 'volunteer@example.org',
    totpSecret: 'DEMOVOLUNTEERAAAAAAAAAAAAAAAAAAA',
    roles: [{ centre: 'riverside', role: 'volunteer' }],
  },
  {
    displayName: 'Dee Walsh',
    email: 'safeguarding@example.org',
    totpSecret: 'DEMOSAFEGUARDINGAAAAAAAAAAAAAAAA',
    roles: [{ centre: 'riverside', role: 'safeguarding_lead' }],
  },
];
