/** Every route of the web app. */
export const routes = {
  today: '/',
  checkIn: '/check-in',
  history: '/history',
  medications: '/medications',
  profile: '/profile',
  signIn: '/sign-in',
  register: '/register',
} as const;
