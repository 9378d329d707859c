import { useDeferredValue, useMemo, useState } from 'react';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { localDateOf } from '@steady/core';
import { usePatientRegimenQuery } from '../clinician/usePatients';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { Loading } from '../shared/components/Loading';
import { Note } from '../shared/components/Note';
import { useFormatters } from '../shared/format';
import { ConfirmSignature } from './ConfirmSignature';
import { ConversionSection } from './ConversionSection';
import { FollowUpFields, OverrideFields, PaceFields, StartingDoses } from './PlannerFields';
import type { SetDraft } from './PlannerFields';
import { initialDraft, readDraft, type PlannerDraft } from './plannerDraft';
import { TaperPreview } from './TaperPreview';
import { useCreateTaper } from './useTaper';

const HEADING_ID = 'taper-planner-heading';

function PlannerForm({
  patientId,
  initial,
  onDone,
  onCancel,
}: {
  patientId: string;
  initial: PlannerDraft;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const create = useCreateTaper(patientId);
  const [draft, setDraft] = useState(initial);
  const [showErrors, setShowErrors] = useState(false);
  const [signing, setSigning] = useState(false);
  // The preview follows the inputs without blocking typing.
  const deferred = useDeferredValue(draft);
  const preview = useMemo(() => readDraft(deferred), [deferred]);
  const set: SetDraft = (key, value) => {
    setDraft((d) => ({ ...d, [key]: value }));
  };
  const current = readDraft(draft);
  const errors = showErrors && !current.ok ? current.errors : {};
  const fields = { draft, errors, set };

  return (
    // One column (the page is narrow on every screen): the inputs, the preview, then "Sign plan".
    <>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setShowErrors(true);
          if (current.ok) {
            create.reset();
            setSigning(true);
          }
        }}
      >
        <Stack gap="lg">
          <Note tone="warning">{t('taper.planner.note')}</Note>
          <StartingDoses {...fields} />
          <ConversionSection {...fields} />
          <PaceFields {...fields} />
          <OverrideFields {...fields} />
          <FollowUpFields {...fields} />
          {preview.ok ? (
            <TaperPreview plan={preview.plan} headingId="taper-preview-heading" />
          ) : (
            <Note tone="warning" title={t('taper.preview.title')}>
              {preview.planError === null
                ? t('taper.preview.waiting')
                : t('taper.planner.errors.engine', { message: preview.planError })}
            </Note>
          )}
          {showErrors && !current.ok && (
            <Text c="red.9" fw={600} role="alert">
              {current.planError === null
                ? t('taper.planner.errors.summary')
                : t('taper.planner.errors.engine', { message: current.planError })}
            </Text>
          )}
          <Group>
            <Button type="submit" size="lg">
              {t('taper.planner.sign')}
            </Button>
            <Button variant="default" size="lg" onClick={onCancel}>
              {t('taper.planner.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
      {signing && current.ok && (
        <ConfirmSignature
          title={t('taper.sign.titleCreate')}
          summary={
            <Text>
              {t('taper.sign.summaryCreate', {
                count: current.plan.steps.length,
                start: fmt.localDateFull(current.plan.inputs.startDate),
              })}
            </Text>
          }
          busy={create.isPending}
          error={create.isError ? create.error : null}
          onClose={() => {
            setSigning(false);
          }}
          onConfirm={(password) => {
            create.mutate({ ...current.body, password }, { onSuccess: onDone });
          }}
        />
      )}
    </>
  );
}

/**
 * The taper planner (issue 5 item 1): the prescriber's inputs on one side, the live preview
 * (chart, steps, guideline checks) on the other, then "Sign plan" with the password.
 */
export function TaperPlanner({
  patientId,
  onDone,
  onCancel,
}: {
  patientId: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const regimen = usePatientRegimenQuery(patientId);
  return (
    <section aria-labelledby={HEADING_ID}>
      <Stack gap="md">
        <Title order={2} fz="1.35rem" id={HEADING_ID} tabIndex={-1}>
          {t('taper.planner.title')}
        </Title>
        {regimen.isPending ? (
          <Loading />
        ) : regimen.isError ? (
          <ErrorAlert error={regimen.error} title={t('errors.loadFailed')} />
        ) : (
          <PlannerForm
            patientId={patientId}
            initial={initialDraft(
              regimen.data.current?.doses ?? [],
              regimen.data.current?.formulation ?? null,
              // The first step starts today in the patient's zone unless changed.
              localDateOf(new Date().toISOString(), fmt.timeZone),
            )}
            onDone={onDone}
            onCancel={onCancel}
          />
        )}
      </Stack>
    </section>
  );
}
