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
import { routes } from './routes';

export type NavKey =
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

export interface NavTab {
  readonly href: string;
  readonly key: NavKey;
  readonly Icon: ComponentType;
}

const patientTabs: readonly NavTab[] = [
  { href: routes.today, key: 'today', Icon: TodayIcon },
  { href: routes.checkIn, key: 'checkin', Icon: CheckInIcon },
  { href: routes.history, key: 'history', Icon: HistoryIcon },
  { href: routes.medications, key: 'medications', Icon: MedicationsIcon },
  { href: routes.careTeam, key: 'careTeam', Icon: CareTeamIcon },
  { href: routes.profile, key: 'profile', Icon: ProfileIcon },
];

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
      return [patients, invite, account];
    // Caregivers are invited by patients; only clinicians may invite patients (the API says so).
    case 'caregiver':
      return [patients, account];
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

/** Whether a tab is the current page (a patient's page counts as "Patients"). */
export function isCurrent(tab: NavTab, location: string): boolean {
  if (tab.href === routes.today) return location === routes.today;
  return location === tab.href || location.startsWith(`${tab.href}/`);
}
