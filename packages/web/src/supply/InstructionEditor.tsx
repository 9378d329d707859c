import { useId, useState } from 'react';
import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { MAX_MISSED_DOSE_TEXT, missedDoseTextProblem } from '@steady/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { Note } from '../shared/components/Note';
import { useFormatters } from '../shared/format';
import { useSetInstruction, type Instruction, type InstructionResponse } from './api';
import { InstructionText } from './MissedDoseNote';

/** Who set an instruction and when, or that it is Steady's default. */
function Provenance({ instruction }: { instruction: Instruction }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  return (
    <Text size="sm" c="dimmed">
      {instruction.setAt === null
        ? t('supply.instruction.isDefault')
        : t('supply.instruction.setBy', {
            name: instruction.setBy?.displayName ?? '',
            date: fmt.dateTime(instruction.setAt),
          })}
    </Text>
  );
}

/**
 * The missed-dose instruction on a clinician's view of the patient: the one in force (with who and when, or
 * the default's sources), earlier ones, and — for a prescriber — a form with a live preview of
 * what the patient will see. Text that the server would refuse is flagged before saving.
 */
export function InstructionEditor({
  patientId,
  data,
  canSet,
}: {
  patientId: string;
  data: InstructionResponse;
  canSet: boolean;
}) {
  const { t } = useTranslation();
  const fieldId = useId();
  const save = useSetInstruction(patientId);
  const [draft, setDraft] = useState('');
  const trimmed = draft.trim();
  const problem = trimmed === '' ? null : missedDoseTextProblem(trimmed);
  const unsafe = problem === 'advises-double-dose' || problem === 'advises-stopping';
  return (
    <Stack gap="sm">
      <Text size="sm">{t('supply.instruction.intro')}</Text>
      <Text fw={600}>{t('supply.instruction.inForce')}</Text>
      <InstructionText instruction={data.instruction} />
      <Provenance instruction={data.instruction} />
      {canSet && (
        <form
          noValidate
          aria-label={t('supply.instruction.label')}
          onSubmit={(e) => {
            e.preventDefault();
            if (trimmed === '') return;
            save.mutate(trimmed, {
              onSuccess: () => {
                setDraft('');
              },
            });
          }}
        >
          <Stack gap="sm">
            <Textarea
              id={fieldId}
              label={t('supply.instruction.label')}
              autosize
              minRows={3}
              maxLength={MAX_MISSED_DOSE_TEXT}
              value={draft}
              error={unsafe ? t('supply.instruction.unsafe') : null}
              onChange={(e) => {
                setDraft(e.currentTarget.value);
                save.reset();
              }}
            />
            <Text fw={600}>{t('supply.instruction.preview')}</Text>
            {trimmed === '' ? (
              <Text c="dimmed">{t('supply.instruction.previewEmpty')}</Text>
            ) : (
              <Note>
                <InstructionText
                  instruction={{
                    text: trimmed,
                    isDefault: false,
                    sources: [],
                    setBy: null,
                    setAt: new Date().toISOString(),
                  }}
                />
              </Note>
            )}
            {save.isError && <ErrorAlert error={save.error} />}
            <Group>
              <Button type="submit" size="md" loading={save.isPending} disabled={trimmed === ''}>
                {t('supply.instruction.submit')}
              </Button>
              {save.isSuccess && (
                <Text role="status" size="sm">
                  {t('supply.instruction.saved')}
                </Text>
              )}
            </Group>
          </Stack>
        </form>
      )}
      {data.history.length > 0 && (
        <Stack gap={4}>
          <Text fw={600}>{t('supply.instruction.history')}</Text>
          {data.history.map((i) => (
            <Stack key={`${i.setAt ?? ''}-${i.text}`} gap={0}>
              <Text size="sm">{i.text}</Text>
              <Provenance instruction={i} />
            </Stack>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
