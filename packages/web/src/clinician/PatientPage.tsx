import { Anchor, Stack, Tabs, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearch } from 'wouter';
import { PatientChart } from '../chart/PatientChart';
import { PatientTimeline } from '../chart/PatientTimeline';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { Loading } from '../shared/components/Loading';
import { Note } from '../shared/components/Note';
import { Page } from '../shared/components/Page';
import { DisplayTimeZoneContext } from '../shared/format';
import { routes } from '../shared/layout/routes';
import { useUser } from '../shared/session';
import { PatientAlerts } from './PatientAlerts';
import { PatientRegimen } from './PatientRegimen';
import { PatientToday } from './PatientToday';
import { PatientMessagesSection } from '../messages/PatientMessagesSection';
import { QuestionnaireSection } from '../questionnaires/QuestionnaireSection';
import { CheckupsSection } from '../checkups/CheckupsSection';
import { ClinicianNotesSection } from '../notes/ClinicianNotesSection';
import { InsightsSection } from '../insights/InsightsSection';
import { ExercisesSection } from '../exercises/ExercisesSection';
import { RequestsReview } from './RequestsReview';
import { MedicationListWithFlags } from '../pharmacy/MedicationListWithFlags';
import { PharmacySection } from '../pharmacy/PharmacySection';
import { FhirImportSection } from '../fhir/FhirImportSection';
import { TaperTab } from '../taper/TaperTab';
import { PatientSupply } from '../supply/PatientSupply';
import { TaperDispenseSection } from '../taper/TaperDispenseSection';
import { usePatientHistoryQuery, usePatientRowQuery, usePatientTodayQuery } from './usePatients';

function BackLink() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} href={routes.patients} fw={600} w="fit-content">
      {t('patient.back')}
    </Anchor>
  );
}

/** One linked patient, read-only except what the member's role allows (a prescriber's regimen). */
export function PatientPage() {
  const { t } = useTranslation();
  const user = useUser();
  const { id } = useParams<{ id: string }>();
  const row = usePatientRowQuery(id);
  // The patient's own zone, so "today" and dose times read as the patient lives them.
  const today = usePatientTodayQuery(id);
  const history = usePatientHistoryQuery(id);
  const zone = today.data?.timeZone ?? history.data?.timeZone ?? null;

  if (row.isPending) return <Loading />;
  if (row.isError) return <ErrorAlert error={row.error} title={t('errors.loadFailed')} />;
  const patient = row.data;
  if (patient === null) {
    return (
      <Page title={t('patients.title')}>
        <Note tone="warning">{t('patient.notFound')}</Note>
        <BackLink />
      </Page>
    );
  }
  const clinician = user.role === 'clinician';
  const isPrescriber = clinician && user.discipline === 'prescriber';
  const isPharmacist = clinician && user.discipline === 'pharmacist';
  const meds = patient.consent.medications;

  return (
    <Page title={patient.displayName}>
      <BackLink />
      <DisplayTimeZoneContext value={zone}>
        {zone !== null && <Text size="sm">{t('patient.timesIn', { zone })}</Text>}
        <PatientTabs initial={isPharmacist && meds ? 'medications' : 'overview'}>
          {{
            // The chart on one screen: alerts, dose/pain/side effects/levels, questionnaire
            // trends, the medication list with its flags, and the clinicians' notes.
            overview: (
              <>
                {clinician && <PatientAlerts patientId={id} />}
                <PatientChart patientId={id} />
                <QuestionnaireSection patientId={id} />
                {clinician && meds && <MedicationListWithFlags patientId={id} />}
                <ClinicianNotesSection patientId={id} />
              </>
            ),
            medications: (
              <>
                {/* A pharmacist's page leads with their workspace; a prescriber's with the regimen. */}
                {isPharmacist && meds && <PharmacySection patientId={id} />}
                {isPharmacist && meds && <FhirImportSection patientId={id} audience="member" />}
                {isPharmacist && meds && <TaperDispenseSection patientId={id} />}
                <PatientRegimen patientId={id} canChange={isPrescriber && meds} />
                {isPrescriber && meds && <RequestsReview patientId={id} />}
                {isPrescriber && meds && <PharmacySection patientId={id} />}
                {meds && <PatientSupply patientId={id} canSetInstruction={isPrescriber} />}
                <PatientToday patientId={id} />
              </>
            ),
            taper: <TaperTab patientId={id} canChange={isPrescriber && meds} shared={meds} />,
            visits: <CheckupsSection patientId={id} />,
            messages: (
              <PatientMessagesSection
                patientId={id}
                name={patient.displayName}
                shared={patient.consent.messages}
              />
            ),
            techniques: (
              <>
                <ExercisesSection patientId={id} />
                <InsightsSection patientId={id} />
              </>
            ),
            log: <PatientTimeline patientId={id} />,
          }}
        </PatientTabs>
      </DisplayTimeZoneContext>
    </Page>
  );
}

const TABS = [
  'overview',
  'medications',
  'taper',
  'visits',
  'messages',
  'techniques',
  'log',
] as const;
type PatientTab = (typeof TABS)[number];

/**
 * The patient's page in tabs, so a busy clinician sees the chart first and the rest one tap
 * away. The open tab is in the address (`?tab=`), so a reload or a shared link keeps it.
 */
function PatientTabs({
  initial,
  children,
}: {
  initial: PatientTab;
  children: Readonly<Record<PatientTab, ReactNode>>;
}) {
  const { t } = useTranslation();
  const [location, navigate] = useLocation();
  const asked = new URLSearchParams(useSearch()).get('tab');
  const tab = TABS.find((name) => name === asked) ?? initial;
  return (
    <Tabs
      value={tab}
      onChange={(value) => {
        const next = TABS.find((name) => name === value);
        if (next !== undefined) navigate(`${location}?tab=${next}`, { replace: true });
      }}
      keepMounted={false}
    >
      <Tabs.List className="sd-patient-tabs">
        {TABS.map((name) => (
          <Tabs.Tab key={name} value={name}>
            {t(`patient.tabs.${name}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {TABS.map((name) => (
        <Tabs.Panel key={name} value={name} pt="md">
          <Stack gap="lg">{children[name]}</Stack>
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
