import { useState } from 'react';
import { Button, NativeSelect, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { getInstrument, INSTRUMENT_IDS, type InstrumentId } from '@steady/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { OptionGroup } from '../shared/components/OptionGroup';
import { useAssign, type Assignment } from './api';
import { CADENCE_DAYS, parseCadenceDays, type CadencePreset } from './logic';

const PRESETS: readonly CadencePreset[] = ['weekly', 'monthly', 'quarterly', 'custom'];

/** A clinician assigns an instrument with a cadence and a first due date (the patient's date). */
export function AssignForm({
  patientId,
  active,
  onAssigned,
}: {
  patientId: string;
  /** The active assignments: their instruments cannot be assigned twice. */
  active: readonly Assignment[];
  onAssigned: (title: string) => void;
}) {
  const { t } = useTranslation();
  const assign = useAssign(patientId);
  const taken = new Set(active.map((a) => a.instrumentId));
  const firstFree = INSTRUMENT_IDS.find((id) => !taken.has(id)) ?? INSTRUMENT_IDS[0] ?? 'peg';
  const [instrumentId, setInstrumentId] = useState<InstrumentId>(firstFree);
  const [preset, setPreset] = useState<CadencePreset>('weekly');
  const [customDays, setCustomDays] = useState('');
  const [startDate, setStartDate] = useState('');
  const [note, setNote] = useState('');
  const [customError, setCustomError] = useState(false);
  const chosen = taken.has(instrumentId) ? firstFree : instrumentId;

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const cadenceDays =
          preset === 'custom' ? parseCadenceDays(customDays) : CADENCE_DAYS[preset];
        if (cadenceDays === null) {
          setCustomError(true);
          return;
        }
        assign.mutate(
          {
            instrumentId: chosen,
            cadenceDays,
            ...(startDate === '' ? {} : { startDate }),
            note: note.trim() === '' ? null : note.trim(),
          },
          {
            onSuccess: () => {
              setNote('');
              setStartDate('');
              onAssigned(getInstrument(chosen)?.shortTitle ?? chosen);
            },
          },
        );
      }}
    >
      <Stack gap="md">
        <Title order={3} fz="1.125rem">
          {t('questionnaires.section.assignTitle')}
        </Title>
        <NativeSelect
          label={t('questionnaires.section.instrument')}
          value={chosen}
          data={INSTRUMENT_IDS.map((id) => {
            const title = getInstrument(id)?.title ?? id;
            return taken.has(id)
              ? {
                  value: id,
                  label: t('questionnaires.section.alreadyAssigned', { title }),
                  disabled: true,
                }
              : { value: id, label: title };
          })}
          onChange={(e) => {
            setInstrumentId(e.currentTarget.value as InstrumentId);
          }}
        />
        <OptionGroup
          legend={t('questionnaires.section.cadence')}
          options={PRESETS.map((p) => ({ value: p, label: t(`questionnaires.section.${p}`) }))}
          value={preset}
          onChange={(p) => {
            setPreset(p);
            setCustomError(false);
          }}
          columns={2}
        />
        {preset === 'custom' && (
          <TextInput
            label={t('questionnaires.section.customDays')}
            description={t('questionnaires.section.customDaysHint')}
            inputMode="numeric"
            value={customDays}
            error={customError ? t('questionnaires.section.customDaysError') : null}
            onChange={(e) => {
              setCustomDays(e.currentTarget.value);
              setCustomError(false);
            }}
          />
        )}
        <TextInput
          type="date"
          label={t('questionnaires.section.startDate')}
          description={t('questionnaires.section.startDateHint')}
          value={startDate}
          onChange={(e) => {
            setStartDate(e.currentTarget.value);
          }}
        />
        <Textarea
          label={
            <>
              {t('questionnaires.section.note')} <span>{t('common.optional')}</span>
            </>
          }
          description={t('questionnaires.section.noteHint')}
          autosize
          minRows={2}
          maxLength={500}
          value={note}
          onChange={(e) => {
            setNote(e.currentTarget.value);
          }}
        />
        {assign.isError && <ErrorAlert error={assign.error} />}
        <Button
          type="submit"
          loading={assign.isPending}
          disabled={taken.has(chosen)}
          w="fit-content"
        >
          {t('questionnaires.section.assign')}
        </Button>
      </Stack>
    </form>
  );
}
