import { useState } from 'react';
import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { localDateOf } from '@steady/core';
import { draftFrom } from '../medications/regimenDraft';
import { RegimenForm } from '../medications/RegimenForm';
import { RegimenSummary } from '../medications/RegimenSummary';
import { useSaveRegimen } from '../medications/useMedications';
import { VersionHistory } from '../medications/VersionHistory';
import type { RegimenResponse } from '../shared/api/types';
import { useFormatters } from '../shared/format';
import { SharedSection } from './SharedSection';
import { usePatientRegimenQuery } from './usePatients';

const HEADING_ID = 'patient-regimen-heading';

function RegimenBody({
  data,
  patientId,
  canChange,
}: {
  data: RegimenResponse;
  patientId: string;
  canChange: boolean;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const save = useSaveRegimen(patientId);
  const [editing, setEditing] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  return (
    <Stack gap="lg">
      <div role="status" className="sd-visually-hidden">
        {announcement}
      </div>
      {data.current === null ? (
        <Text>{t('patient.noRegimen')}</Text>
      ) : (
        <RegimenSummary regimen={data.current} />
      )}
      {canChange &&
        (editing ? (
          <RegimenForm
            // The start date defaults to today in the patient's zone (the formatters' zone here).
            initial={draftFrom(data.current, localDateOf(new Date().toISOString(), fmt.timeZone))}
            note={t('patient.prescriberNote')}
            busy={save.isPending}
            error={save.isError ? save.error : null}
            onCancel={() => {
              setEditing(false);
            }}
            onSubmit={(input) => {
              save.mutate(input, {
                onSuccess: () => {
                  setEditing(false);
                  setAnnouncement(t('patient.regimenSaved'));
                  document.getElementById(HEADING_ID)?.focus();
                },
              });
            }}
          />
        ) : (
          <Button
            variant="default"
            w="fit-content"
            onClick={() => {
              save.reset();
              setEditing(true);
              // The button gives way to the form: continue in its first field.
              requestAnimationFrame(() => {
                document
                  .getElementById(HEADING_ID)
                  ?.closest('section')
                  ?.querySelector('select')
                  ?.focus();
              });
            }}
          >
            {t('patient.changeRegimen')}
          </Button>
        ))}
      <VersionHistory versions={data.versions} wording="changed" />
    </Stack>
  );
}

/** The patient's regimen (needs `medications` consent); a prescriber can post a new version. */
export function PatientRegimen({
  patientId,
  canChange,
}: {
  patientId: string;
  canChange: boolean;
}) {
  const { t } = useTranslation();
  const regimen = usePatientRegimenQuery(patientId);
  return (
    <SharedSection id={HEADING_ID} title={t('patient.regimenHeading')} query={regimen}>
      {(data) => <RegimenBody data={data} patientId={patientId} canChange={canChange} />}
    </SharedSection>
  );
}
