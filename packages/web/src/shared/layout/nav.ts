import type { ComponentType } from 'react';
import type { SessionUser } from '../api/types';
import {
  CareTeamIcon,
  CheckInIcon,
  ClinicIcon,
  HistoryIcon,
  InviteIcon,
  MedicationsIcon,
  PatientsIcon,
  ProfileIcon,
  TodayIcon,
} from './icons';
import {
  CheckupsIcon,
  GoalsIcon,
  InsightsIcon,
  LearnIcon,
  MoreIcon,
  TechniquesIcon,
} from './navIcons';
import { MessagesTabIcon, MessagesTabLabel } from '../../messages/MessagesNav';
import { MyDataIcon } from '../../portability/MyDataIcon';
import { routes } from './routes';

/** Pages of issue 8 (and Check-ups, new to the bar): labelled in `learn.nav`. */
type NewNavKey = 'techniques' | 'more' | 'goals' | 'insights' | 'learn' | 'checkups';
/** Pages labelled in their own feature's i18n file. */
type FeatureNavKey = 'taper' | 'myData';
/** Labelled in `app.nav`. */
type AppNavKey =
  | 'today'
  | 'checkin'
  | 'history'
  | 'medications'
  | 'careTeam'
  | 'profile'
  | 'patients'
  | 'invitePatient'
  | 'clinic'
  | 'account';

export type NavKey = AppNavKey | NewNavKey | FeatureNavKey;

const NEW_KEYS: readonly NewNavKey[] = [
  'techniques',
  'more',
  'goals',
  'insights',
  'learn',
  'checkups',
];
const isNew = (key: NavKey): key is NewNavKey => (NEW_KEYS as readonly string[]).includes(key);

/** The i18n key of a nav entry's label. */
export function labelKeyOf(
  key: NavKey,
):
  | `app.nav.${AppNavKey}`
  | `learn.nav.${NewNavKey}`
  | 'taperPatient.nav.title'
  | 'portability.nav.myData' {
  if (key === 'taper') return 'taperPatient.nav.title';
  if (key === 'myData') return 'portability.nav.myData';
  return isNew(key) ? `learn.nav.${key}` : `app.nav.${key}`;
}

interface BaseTab {
  readonly href: string;
  readonly Icon: ComponentType;
  /** Other pages that count as this tab (the pages listed under More). */
  readonly also?: readonly string[];
}

/** A tab is labelled by `labelKeyOf(key)`, or renders its own label (Messages: with the unread count). */
export type NavTab =
  | (BaseTab & { readonly key: NavKey; readonly Label?: undefined })
  | (BaseTab & { readonly key: 'messages'; readonly Label: ComponentType });

const messages: NavTab = {
  href: routes.messages,
  key: 'messages',
  Icon: MessagesTabIcon,
  Label: MessagesTabLabel,
};

/** A row of the More page: a page visited less often than the five tabs. */
export type MoreKey =
  | 'history'
  | 'medications'
  | 'taper'
  | 'goals'
  | 'insights'
  | 'learn'
  | 'checkups'
  | 'careTeam'
  | 'profile'
  | 'myData';

/** The i18n key of a More row's one-line summary. */
export function summaryKeyOf(
  key: MoreKey,
):
  | `learn.more.${Exclude<MoreKey, 'taper' | 'myData'>}`
  | 'taperPatient.nav.summary'
  | 'portability.nav.summary' {
  if (key === 'myData') return 'portability.nav.summary';
  return key === 'taper' ? 'taperPatient.nav.summary' : `learn.more.${key}`;
}

export interface MoreItem {
  readonly key: MoreKey;
  readonly href: string;
  readonly Icon: ComponentType;
}

/** The patient's More page, in order of how often it is likely needed. */
export const MORE_ITEMS: readonly MoreItem[] = [
  { key: 'history', href: routes.history, Icon: HistoryIcon },
  { key: 'medications', href: routes.medications, Icon: MedicationsIcon },
  { key: 'taper', href: routes.taper, Icon: MedicationsIcon },
  { key: 'goals', href: routes.goals, Icon: GoalsIcon },
  { key: 'insights', href: routes.insights, Icon: InsightsIcon },
  { key: 'learn', href: routes.learn, Icon: LearnIcon },
  { key: 'checkups', href: routes.checkups, Icon: CheckupsIcon },
  { key: 'careTeam', href: routes.careTeam, Icon: CareTeamIcon },
  { key: 'profile', href: routes.profile, Icon: ProfileIcon },
  { key: 'myData', href: routes.myData, Icon: MyDataIcon },
];

/** Five tabs fit a 360 px phone with 72 px targets; everything else is one tap away in More. */
const patientTabs: readonly NavTab[] = [
  { href: routes.today, key: 'today', Icon: TodayIcon },
  { href: routes.checkIn, key: 'checkin', Icon: CheckInIcon, also: [routes.questionnaire] },
  { href: routes.techniques, key: 'techniques', Icon: TechniquesIcon },
  messages,
  {
    href: routes.more,
    key: 'more',
    Icon: MoreIcon,
    also: [...MORE_ITEMS.map((i) => i.href), routes.reminders, routes.notifications],
  },
];

/** A link in the header, for pages visited rarely. */
export interface HeaderLink {
  readonly href: string;
  readonly key: NavKey;
}

/** The patient's profile is a row of More now; the header keeps the low-energy switch. */
export function headerLinksFor(_user: SessionUser): readonly HeaderLink[] {
  return [];
}

const patients: NavTab = { href: routes.patients, key: 'patients', Icon: PatientsIcon };
const invite: NavTab = { href: routes.invitePatient, key: 'invitePatient', Icon: InviteIcon };
const clinic: NavTab = { href: routes.clinic, key: 'clinic', Icon: ClinicIcon };
const account: NavTab = { href: routes.account, key: 'account', Icon: ProfileIcon };

/** The tabs a user sees: patients get their daily tools, everyone else the workspace. */
export function tabsFor(user: SessionUser): readonly NavTab[] {
  switch (user.role) {
    case 'patient':
      return patientTabs;
    case 'clinician':
      return [patients, messages, invite, account];
    // Caregivers are invited by patients; only clinicians may invite patients (the API says so).
    case 'caregiver':
      return [patients, messages, account];
    // A clinic administrator manages accounts; patients link with clinicians, not with the admin.
    case 'admin':
      return [clinic, account];
  }
}

/** Where the brand link and "home" lead. */
export function homeFor(user: SessionUser): string {
  if (user.role === 'patient') return routes.today;
  return user.role === 'admin' ? routes.clinic : routes.patients;
}

/** `location` is `href` or a page under it (`/learn/x` under `/learn`). */
function within(href: string, location: string): boolean {
  if (href.includes('/:')) return location.startsWith(href.slice(0, href.indexOf('/:') + 1));
  return location === href || location.startsWith(`${href}/`);
}

/** Whether a tab is the current page (a patient's page counts as "Patients", Learn as "More"). */
export function isCurrent(tab: NavTab, location: string): boolean {
  if (tab.href === routes.today) return location === routes.today;
  return within(tab.href, location) || (tab.also ?? []).some((href) => within(href, location));
}
