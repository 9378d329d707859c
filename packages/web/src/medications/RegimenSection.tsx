import { useState } from 'react';
import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { localDateOf } from '@steady/core';
import { hasActivePrescriber, useCareTeamQuery } from '../careteam/useCareTeam';
import { ApiError } from '../shared/api/client';
import type { RegimenResponse } from '../shared/api/types';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { Loading } from '../shared/components/Loading';
import { Note } from '../shared/components/Note';
import { useUser } from '../shared/session';
import { draftFrom } from './regimenDraft';
import { RegimenForm } from './RegimenForm';
import { PatientRegimenRequests } from './RegimenRequests';
import { RegimenSummary } from './RegimenSummary';
import { useRegimenQuery, useSaveRegimen } from './useMedications';
import { VersionHistory } from './VersionHistory';
import { LearnMoreLink } from '../learn/LearnMoreLink';

const HEADING_ID = 'regimen-heading';
export const REGIMEN_PRESCRIBED = 'STEADY_ERR_REGIMEN_PRESCRIBED';

const focusHeading = () => {
  document.getElementById(HEADING_ID)?.focus();
};

/** A linked prescriber owns the plan: the patient sees it, its history, and can ask for a change. */
function PrescribedRegimen({ data }: { data: RegimenResponse }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <Note title={t('requests.managedTitle')}>{t('requests.managedBody')}</Note>
      {data.current === null ? (
        <Text>{t('requests.noRegimenYet')}</Text>
      ) : (
        <RegimenSummary regimen={data.current} />
      )}
      <VersionHistory versions={data.versions} wording="changed" />
      {data.versions.length > 1 && <LearnMoreLink article="tapering" />}
      <PatientRegimenRequests />
    </Stack>
  );
}

/** No prescriber linked: the patient records the regimen as written on the prescription. */
function SelfRecordedRegimen({
  data,
  onSaved,
  onPrescribed,
}: {
  data: RegimenResponse;
  onSaved: () => void;
  onPrescribed: () => void;
}) {
  const { t } = useTranslation();
  const { timeZone } = useUser();
  const save = useSaveRegimen();
  const [editing, setEditing] = useState(false);
  const { current, versions } = data;
  const showForm = editing || current === null;
  return (
    <Stack gap="lg">
      {current === null ? (
        <Text>{t('medications.noRegimen')}</Text>
      ) : (
        <RegimenSummary regimen={current} />
      )}
      {showForm ? (
        <RegimenForm
          initial={draftFrom(current, localDateOf(new Date().toISOString(), timeZone))}
          busy={save.isPending}
          error={save.isError ? save.error : null}
          onCancel={
            current === null
              ? null
              : () => {
                  setEditing(false);
                }
          }
          onSubmit={(input) => {
            save.mutate(input, {
              onSuccess: () => {
                setEditing(false);
                onSaved();
              },
              onError: (error) => {
                // A prescriber joined since the page loaded: switch to the prescribed view.
                if (error instanceof ApiError && error.code === REGIMEN_PRESCRIBED) {
                  onPrescribed();
                }
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
          }}
        >
          {t('medications.changeRegimen')}
        </Button>
      )}
      <VersionHistory versions={versions} />
    </Stack>
  );
}

export function RegimenSection() {
  const { t } = useTranslation();
  const regimen = useRegimenQuery();
  const team = useCareTeamQuery();
  const [prescribedSeen, setPrescribedSeen] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const prescribed = prescribedSeen || (team.data !== undefined && hasActivePrescriber(team.data));

  let body: React.ReactNode;
  if (regimen.isPending || team.isPending) body = <Loading />;
  else if (regimen.isError)
    body = <ErrorAlert error={regimen.error} title={t('errors.loadFailed')} />;
  else if (prescribed) body = <PrescribedRegimen data={regimen.data} />;
  else
    body = (
      <SelfRecordedRegimen
        data={regimen.data}
        onSaved={() => {
          setAnnouncement(t('medications.regimenSaved'));
          focusHeading();
        }}
        onPrescribed={() => {
          setPrescribedSeen(true);
          void team.refetch();
          setAnnouncement(t('requests.managedTitle'));
          focusHeading();
        }}
      />
    );

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={HEADING_ID}>
      <Stack gap="md">
        <Title order={2} fz="1.35rem" id={HEADING_ID} tabIndex={-1}>
          {t('medications.regimenHeading')}
        </Title>
        <div role="status" className="sd-visually-hidden">
          {announcement}
        </div>
        {body}
      </Stack>
    </Paper>
  );
}
