/** Every route of the web app. */
export const routes = {
  today: '/',
  checkIn: '/check-in',
  history: '/history',
  medications: '/medications',
  careTeam: '/care-team',
  profile: '/profile',
  signIn: '/sign-in',
  register: '/register',
  join: '/join/:code',
  patients: '/patients',
  patient: '/patients/:id',
  invitePatient: '/invite',
  account: '/account',
  clinic: '/clinic',
} as const;

/** The join page of an invitation code. */
export const joinPath = (code: string): string => `/join/${encodeURIComponent(code)}`;

/** A linked patient's page in the clinician workspace. */
export const patientPath = (id: string): string => `/patients/${encodeURIComponent(id)}`;

/** Sign-in or register, coming back to the invitation afterwards. */
export const withJoin = (path: string, code: string): string =>
  `${path}?join=${encodeURIComponent(code)}`;
