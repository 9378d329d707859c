import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Discipline, Role } from './api/types';

const DISCIPLINE_SET: ReadonlySet<string> = new Set<Discipline>([
  'prescriber',
  'physical_therapist',
  'psychologist',
  'pharmacist',
]);

export function isDiscipline(value: string | null): value is Discipline {
  return value !== null && DISCIPLINE_SET.has(value);
}

interface Person {
  readonly displayName: string;
  readonly role: Role;
  readonly discipline: string | null;
  readonly clinicName?: string | null;
}

/** Plain words for who someone is in a care team: "Prescriber", "Caregiver", "Patient"… */
export function useMemberWords() {
  const { t } = useTranslation();
  const kind = useCallback(
    (p: Pick<Person, 'role' | 'discipline'>): string => {
      switch (p.role) {
        case 'patient':
          return t('member.patient');
        case 'caregiver':
          return t('member.caregiver');
        case 'admin':
          return t('member.admin');
        case 'clinician':
          return isDiscipline(p.discipline) ? t(`member.${p.discipline}`) : t('member.clinician');
      }
    },
    [t],
  );
  /** "Dr. Rivera (Prescriber, Riverside Pain Clinic)". */
  const who = useCallback(
    (p: Person): string =>
      p.clinicName
        ? t('member.whoWithClinic', { name: p.displayName, kind: kind(p), clinic: p.clinicName })
        : t('member.who', { name: p.displayName, kind: kind(p) }),
    [t, kind],
  );
  return { kind, who };
}
