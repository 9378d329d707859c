/** Every route of the web app. */
export const routes = {
  today: '/',
  checkIn: '/check-in',
  history: '/history',
  medications: '/medications',
  careTeam: '/care-team',
  checkups: '/check-ups',
  profile: '/profile',
  signIn: '/sign-in',
  register: '/register',
  join: '/join/:code',
  patients: '/patients',
  patient: '/patients/:id',
  invitePatient: '/invite',
  account: '/account',
  clinic: '/clinic',
  messages: '/messages',
  messageThread: '/messages/:threadId',
  patientMessages: '/patients/:id/messages',
  patientMessageThread: '/patients/:id/messages/:threadId',
  questionnaire: '/questionnaires/:instrumentId',
  techniques: '/techniques',
  technique: '/techniques/:techniqueId',
  goals: '/goals',
  insights: '/insights',
  learn: '/learn',
  learnArticle: '/learn/:articleId',
  more: '/more',
  /** The patient's taper: current step, next step, progress, explanations, requests. */
  taper: '/taper',
  /** The patient's data: exports, calendar feed, account deletion. */
  myData: '/my-data',
  /** The notification centre: every reminder, whether or not push reached a device. */
  notifications: '/notifications',
  /** Reminder settings and this person's push devices. */
  reminders: '/reminders',
} as const;

/** The page where the patient answers one questionnaire. */
export const questionnairePath = (instrumentId: string): string =>
  `/questionnaires/${encodeURIComponent(instrumentId)}`;

/** The join page of an invitation code. */
export const joinPath = (code: string): string => `/join/${encodeURIComponent(code)}`;

/** One technique of the library. */
export const techniquePath = (techniqueId: string): string =>
  `/techniques/${encodeURIComponent(techniqueId)}`;

/** One Learn article. */
export const learnPath = (articleId: string): string => `/learn/${encodeURIComponent(articleId)}`;

/** A linked patient's page in the clinician workspace. */
export const patientPath = (id: string): string => `/patients/${encodeURIComponent(id)}`;

/** Sign-in or register, coming back to the invitation afterwards. */
export const withJoin = (path: string, code: string): string =>
  `${path}?join=${encodeURIComponent(code)}`;
