import { useState } from 'react';
import { Group, Paper, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { AlertBadge } from '../alerts/AlertBadge';
import type { ClinicianPatientRow } from '../shared/api/types';
import { CodeEntryForm } from '../shared/components/CodeEntryForm';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { Loading } from '../shared/components/Loading';
import { Page } from '../shared/components/Page';
import { useFormatters } from '../shared/format';
import { patientPath } from '../shared/layout/routes';
import { usePatientsQuery } from './usePatients';

function PatientRow({ patient }: { patient: ClinicianPatientRow }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const dose = !patient.consent.medications
    ? t('patients.doseHidden')
    : patient.currentDailyDoseMg === null
      ? t('patients.doseNone')
      : t('patients.dose', { amount: fmt.number(patient.currentDailyDoseMg) });
  const checkIn = !patient.consent.checkins
    ? t('patients.lastCheckInHidden')
    : patient.lastCheckInAt === null
      ? t('patients.lastCheckInNone')
      : t('patients.lastCheckIn', { when: fmt.dateTime(patient.lastCheckInAt) });
  const adherence = !patient.consent.medications
    ? t('patients.adherenceHidden')
    : patient.adherence7d == null
      ? t('patients.adherenceNone')
      : t('patients.adherence', {
          share: `${fmt.number(Math.round(patient.adherence7d * 100))} %`,
        });
  const trend = patient.painTrend;
  const pain = !patient.consent.checkins
    ? t('patients.painHidden')
    : trend?.recent == null
      ? t('patients.painNone')
      : t('patients.pain', {
          recent: fmt.number(trend.recent),
          previous: trend.previous === null ? '–' : fmt.number(trend.previous),
        });
  const alert = patient.topAlert ?? null;
  return (
    // The name is the link (and its accessible name); the whole card is its touch target.
    <li className="sd-row-card">
      <Link href={patientPath(patient.id)} className="sd-row-card__link">
        {patient.displayName}
      </Link>
      {alert === null ? (
        <Text size="sm">{t('patients.alertNone')}</Text>
      ) : (
        <Group gap="xs">
          <AlertBadge severity={alert.severity} crisis={alert.crisis} />
          <Text size="sm" fw={600}>
            {alert.title}
          </Text>
        </Group>
      )}
      <Text size="sm" c="dimmed">
        {t('patients.since', { date: fmt.dateOf(patient.since) })}
      </Text>
      <Text>{dose}</Text>
      <Text>{adherence}</Text>
      <Text>{checkIn}</Text>
      <Text>{pain}</Text>
    </li>
  );
}

export function PatientsPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const patients = usePatientsQuery(q);

  return (
    <Page title={t('patients.title')}>
      <TextInput
        type="search"
        label={t('patients.search')}
        description={t('patients.searchHint')}
        value={search}
        onChange={(e) => {
          setSearch(e.currentTarget.value);
        }}
      />
      <section aria-label={t('patients.title')}>
        {patients.isPending ? (
          <Loading />
        ) : patients.isError ? (
          <ErrorAlert error={patients.error} title={t('errors.loadFailed')} />
        ) : patients.data.length === 0 ? (
          <Paper withBorder p="md" radius="md">
            <Text>{q === '' ? t('patients.empty') : t('patients.noMatch', { q })}</Text>
          </Paper>
        ) : (
          <ul className="sd-row-list" aria-busy={patients.isFetching}>
            {patients.data.map((p) => (
              <PatientRow key={p.id} patient={p} />
            ))}
          </ul>
        )}
      </section>
      <CodeEntryForm intro={t('patients.codeIntro')} />
    </Page>
  );
}
