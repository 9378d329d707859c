import { useId, useState } from 'react';
import { NativeSelect, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { FORMULATION_IDS, type FormulationId } from '@steady/core';
import { useTranslation } from 'react-i18next';
import { useRecordDispensing } from './api';
import {
  dispensingFromDraft,
  initialDispensingDraft,
  type DispensingDraft,
  type DispensingErrors,
} from './forms';
import { NoteField, SubmitRow } from './FormParts';

/**
 * The form that records a dispensing, in the patient's zone. `initial` pre-fills it (the taper
 * view's "Record this dispensing"), `taperPlanId` links the record to the taper, and `onSaved`
 * lets a dialog close; without them it is the pharmacy workspace's blank form.
 */
export function DispensingForm({
  patientId,
  zone,
  initial,
  taperPlanId,
  onSaved,
  showTitle = true,
}: {
  patientId: string;
  zone: string;
  initial?: Partial<DispensingDraft>;
  taperPlanId?: string;
  onSaved?: () => void;
  /** False inside a dialog, whose own title names the form. */
  showTitle?: boolean;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const record = useRecordDispensing(patientId);
  const [draft, setDraft] = useState<DispensingDraft>(() => ({
    ...initialDispensingDraft(new Date().toISOString(), zone),
    ...initial,
  }));
  const [errors, setErrors] = useState<DispensingErrors>({});
  const [saved, setSaved] = useState(false);
  const change = (patch: Partial<DispensingDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setSaved(false);
  };
  const solution = draft.formulation === 'sol1';
  let quantityError: string | null = null;
  if (errors.quantity === 'step') {
    quantityError = solution
      ? t('pharmacy.dispensing.errors.stepSolution')
      : t('pharmacy.dispensing.errors.stepTablets');
  } else if (errors.quantity !== undefined) {
    quantityError = t(`pharmacy.dispensing.errors.${errors.quantity}`);
  }
  return (
    <form
      noValidate
      aria-labelledby={showTitle ? headingId : undefined}
      aria-label={showTitle ? undefined : t('pharmacy.dispensing.formTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        const result = dispensingFromDraft(draft, zone, Date.now());
        if ('errors' in result) {
          setErrors(result.errors);
          return;
        }
        setErrors({});
        const input = taperPlanId === undefined ? result.input : { ...result.input, taperPlanId };
        record.mutate(input, {
          onSuccess: () => {
            setDraft(initialDispensingDraft(new Date().toISOString(), zone));
            setSaved(true);
            onSaved?.();
          },
        });
      }}
    >
      <Stack gap="sm">
        {showTitle && (
          <Title order={3} fz="1.1rem" id={headingId}>
            {t('pharmacy.dispensing.formTitle')}
          </Title>
        )}
        <NativeSelect
          label={t('pharmacy.dispensing.formulation')}
          size="md"
          value={draft.formulation}
          data={FORMULATION_IDS.map((f) => ({ value: f, label: t(`pharmacy.formulation.${f}`) }))}
          onChange={(e) => {
            change({ formulation: e.currentTarget.value as FormulationId });
          }}
        />
        <TextInput
          label={
            solution
              ? t('pharmacy.dispensing.quantitySolution')
              : t('pharmacy.dispensing.quantityTablets')
          }
          description={
            solution
              ? t('pharmacy.dispensing.quantitySolutionHint')
              : t('pharmacy.dispensing.quantityTabletsHint')
          }
          size="md"
          required
          inputMode="decimal"
          value={draft.quantity}
          error={quantityError}
          onChange={(e) => {
            change({ quantity: e.currentTarget.value });
          }}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput
            type="date"
            label={t('pharmacy.dispensing.date')}
            description={t('pharmacy.dispensing.zoneHint', { zone })}
            size="md"
            required
            value={draft.date}
            error={
              errors.when === undefined
                ? null
                : errors.when === 'future'
                  ? t('pharmacy.dispensing.errors.whenFuture')
                  : t('pharmacy.dispensing.errors.whenInvalid')
            }
            onChange={(e) => {
              change({ date: e.currentTarget.value });
            }}
          />
          <TextInput
            type="time"
            label={t('pharmacy.dispensing.time')}
            size="md"
            required
            value={draft.time}
            onChange={(e) => {
              change({ time: e.currentTarget.value });
            }}
          />
        </SimpleGrid>
        <TextInput
          label={t('pharmacy.dispensing.daysSupply')}
          description={t('pharmacy.dispensing.daysSupplyHint')}
          size="md"
          inputMode="numeric"
          value={draft.daysSupply}
          error={
            errors.daysSupply === undefined ? null : t('pharmacy.dispensing.errors.daysSupply')
          }
          onChange={(e) => {
            change({ daysSupply: e.currentTarget.value });
          }}
        />
        <NoteField
          label={t('pharmacy.dispensing.note')}
          description={t('pharmacy.dispensing.noteHint')}
          maxLength={500}
          value={draft.note}
          onChange={(note) => {
            change({ note });
          }}
        />
        <SubmitRow
          mutation={record}
          label={t('pharmacy.dispensing.submit')}
          saved={saved ? t('pharmacy.dispensing.saved') : ''}
        />
      </Stack>
    </form>
  );
}
