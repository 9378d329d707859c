import { useState } from 'react';
import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FormulationId } from '@steady/core';
import type { RegimenInput } from '../shared/api/types';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { FORMULATIONS } from '../shared/formulation';
import { useQuantityText } from '../shared/useQuantityText';
import { parseAmount } from '../shared/parse';
import { type DraftErrors, type RegimenDraft, validateDraft } from './regimenDraft';
import { Note } from '../shared/components/Note';

interface Props {
  initial: RegimenDraft;
  busy: boolean;
  error: unknown;
  onSubmit: (input: RegimenInput) => void;
  onCancel: (() => void) | null;
  /** Replaces the patient-facing caution at the top (e.g. for a prescriber). */
  note?: string;
}

export function RegimenForm({ initial, busy, error, onSubmit, onCancel, note }: Props) {
  const { t } = useTranslation();
  const quantityText = useQuantityText();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<DraftErrors>({});
  const set = <K extends keyof RegimenDraft>(key: K, value: RegimenDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
  };
  const setRow = (rowId: number, patch: Partial<{ time: string; amount: string }>) => {
    setDraft((d) => ({
      ...d,
      doses: d.doses.map((r) => (r.rowId === rowId ? { ...r, ...patch } : r)),
    }));
  };
  const nextRowId = Math.max(0, ...draft.doses.map((r) => r.rowId)) + 1;

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const result = validateDraft(draft);
        if ('errors' in result) {
          setErrors(result.errors);
          return;
        }
        setErrors({});
        onSubmit(result.input);
      }}
    >
      <Stack gap="lg">
        <Note tone="warning">{note ?? t('medications.regimenNote')}</Note>
        <NativeSelect
          label={t('medications.form.formulation')}
          value={draft.formulation}
          data={FORMULATIONS.map((f) => ({ value: f, label: t(`formulation.${f}`) }))}
          onChange={(e) => {
            set('formulation', e.currentTarget.value as FormulationId);
          }}
        />

        <fieldset className="sd-options">
          <legend>{t('medications.form.dosesLegend')}</legend>
          <Stack gap="sm">
            {draft.doses.map((row, index) => {
              const rowErrors = errors.rows?.[row.rowId];
              const amountMg = parseAmount(row.amount);
              const n = index + 1;
              return (
                <fieldset key={row.rowId} className="sd-options">
                  <legend className="sd-visually-hidden">
                    {t('medications.form.doseLegend', { n })}
                  </legend>
                  <Group align="flex-start" gap="sm" wrap="nowrap">
                    <TextInput
                      type="time"
                      label={t('medications.form.doseTime')}
                      value={row.time}
                      error={rowErrors?.time ? t('medications.form.errors.time') : null}
                      style={{ flex: 1 }}
                      onChange={(e) => {
                        setRow(row.rowId, { time: e.currentTarget.value });
                      }}
                    />
                    <TextInput
                      label={t('medications.form.doseAmount')}
                      inputMode="decimal"
                      value={row.amount}
                      error={rowErrors?.amount ? t('medications.form.errors.amount') : null}
                      style={{ flex: 1 }}
                      onChange={(e) => {
                        setRow(row.rowId, { amount: e.currentTarget.value });
                      }}
                    />
                  </Group>
                  {amountMg !== null && (
                    <Text size="sm" mt={4}>
                      {t('medications.form.doseQuantity', {
                        quantity: quantityText(amountMg, draft.formulation),
                      })}
                    </Text>
                  )}
                  {draft.doses.length > 1 && (
                    <Button
                      variant="subtle"
                      color="red.9"
                      c="red.9"
                      size="sm"
                      mt={4}
                      aria-label={t('medications.form.removeDoseAria', { n })}
                      onClick={() => {
                        set(
                          'doses',
                          draft.doses.filter((r) => r.rowId !== row.rowId),
                        );
                      }}
                    >
                      {t('medications.form.removeDose')}
                    </Button>
                  )}
                </fieldset>
              );
            })}
            {errors.doses && (
              <Text c="red.9" fw={600} size="sm">
                {t('medications.form.errors.noDoses')}
              </Text>
            )}
            <Button
              variant="default"
              w="fit-content"
              onClick={() => {
                set('doses', [...draft.doses, { rowId: nextRowId, time: '', amount: '' }]);
              }}
            >
              {t('medications.form.addDose')}
            </Button>
          </Stack>
        </fieldset>

        <Checkbox
          label={t('medications.form.hasAsNeeded')}
          checked={draft.hasAsNeeded}
          onChange={(e) => {
            set('hasAsNeeded', e.currentTarget.checked);
          }}
        />
        {draft.hasAsNeeded && (
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label={t('medications.form.asNeededAmount')}
                inputMode="decimal"
                value={draft.asNeededAmount}
                onChange={(e) => {
                  set('asNeededAmount', e.currentTarget.value);
                }}
              />
              <TextInput
                label={t('medications.form.asNeededInterval')}
                inputMode="decimal"
                value={draft.asNeededInterval}
                onChange={(e) => {
                  set('asNeededInterval', e.currentTarget.value);
                }}
              />
              <TextInput
                label={t('medications.form.asNeededMax')}
                inputMode="numeric"
                value={draft.asNeededMax}
                onChange={(e) => {
                  set('asNeededMax', e.currentTarget.value);
                }}
              />
            </SimpleGrid>
            {errors.asNeeded && (
              <Text c="red.9" fw={600} size="sm">
                {t('medications.form.errors.asNeeded')}
              </Text>
            )}
          </Stack>
        )}

        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="date"
            label={t('medications.form.startDate')}
            required
            value={draft.startDate}
            error={errors.startDate ? t('medications.form.errors.startDate') : null}
            onChange={(e) => {
              set('startDate', e.currentTarget.value);
            }}
          />
          <TextInput
            type="date"
            label={
              <>
                {t('medications.form.endDate')} <span>{t('common.optional')}</span>
              </>
            }
            description={t('medications.form.endDateHint')}
            value={draft.endDate}
            error={errors.endDate ? t('medications.form.errors.endBeforeStart') : null}
            onChange={(e) => {
              set('endDate', e.currentTarget.value);
            }}
          />
        </SimpleGrid>
        <TextInput
          label={
            <>
              {t('medications.form.prescriber')} <span>{t('common.optional')}</span>
            </>
          }
          autoComplete="off"
          value={draft.prescriber}
          onChange={(e) => {
            set('prescriber', e.currentTarget.value);
          }}
        />
        <TextInput
          label={
            <>
              {t('medications.form.indication')} <span>{t('common.optional')}</span>
            </>
          }
          placeholder={t('medications.form.indicationHint')}
          value={draft.indication}
          onChange={(e) => {
            set('indication', e.currentTarget.value);
          }}
        />
        <Textarea
          label={t('medications.form.reason')}
          placeholder={t('medications.form.reasonHint')}
          required
          autosize
          minRows={2}
          value={draft.reason}
          error={errors.reason ? t('medications.form.errors.reason') : null}
          onChange={(e) => {
            set('reason', e.currentTarget.value);
          }}
        />
        {error !== null && <ErrorAlert error={error} />}
        <Group>
          <Button type="submit" size="lg" loading={busy}>
            {t('medications.form.submit')}
          </Button>
          {onCancel !== null && (
            <Button variant="default" size="lg" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
