import { Checkbox, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EQUIVALENCE_DRUGS, EQUIVALENCE_TABLE_IDS, EQUIVALENCE_TABLES } from '@steady/core';
import type { EquivalenceTableId } from '@steady/core';
import { SourceList } from '../alerts/AlertDetails';
import { Note } from '../shared/components/Note';
import { useFormatters } from '../shared/format';
import type { SetDraft } from './PlannerFields';
import { conversionEstimate, type DraftErrors, type PlannerDraft } from './plannerDraft';

/**
 * Switching from another benzodiazepine (issue 5 item 7): the estimate from the table the
 * prescriber picks, with the reference's caveat. The prescriber sets the starting diazepam
 * doses above; Steady never converts by itself.
 */
export function ConversionSection({
  draft,
  errors,
  set,
}: {
  draft: PlannerDraft;
  errors: DraftErrors;
  set: SetDraft;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const c = draft.conversion;
  const estimate = c.enabled ? conversionEstimate(c) : null;
  const table = EQUIVALENCE_TABLES[c.tableId];
  const update = (patch: Partial<PlannerDraft['conversion']>) => {
    set('conversion', { ...c, ...patch });
  };
  const chosen = draft.doses.reduce((s, r) => s + (Number(r.amount.replace(',', '.')) || 0), 0);
  return (
    <Stack gap="sm">
      <Checkbox
        label={t('taper.conversion.enable')}
        checked={c.enabled}
        onChange={(e) => {
          update({ enabled: e.currentTarget.checked });
        }}
      />
      {c.enabled && (
        <fieldset className="sd-options">
          <legend>{t('taper.conversion.title')}</legend>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <NativeSelect
                label={t('taper.conversion.drug')}
                value={c.drug}
                data={EQUIVALENCE_DRUGS.filter((d) => d !== 'diazepam').map((d) => ({
                  value: d,
                  label: d,
                }))}
                error={errors.conversionDrug ? t('taper.conversion.notInTable') : null}
                onChange={(e) => {
                  update({ drug: e.currentTarget.value });
                }}
              />
              <TextInput
                label={t('taper.conversion.dailyMg')}
                inputMode="decimal"
                value={c.dailyMg}
                error={errors.conversionDailyMg ? t('taper.conversion.dailyMgError') : null}
                onChange={(e) => {
                  update({ dailyMg: e.currentTarget.value });
                }}
              />
              <NativeSelect
                label={t('taper.conversion.table')}
                value={c.tableId}
                data={EQUIVALENCE_TABLE_IDS.map((id) => ({
                  value: id,
                  label: EQUIVALENCE_TABLES[id].name,
                }))}
                onChange={(e) => {
                  update({ tableId: e.currentTarget.value as EquivalenceTableId });
                }}
              />
            </SimpleGrid>
            <Text fw={600} role="status">
              {estimate === null
                ? t('taper.conversion.noEstimate')
                : t('taper.conversion.estimate', { summary: estimate.summary })}
            </Text>
            <Note tone="warning" title={t('taper.conversion.caveatTitle')}>
              {table.caveat}
              <SourceList sources={table.sources} />
            </Note>
            <Text size="sm">
              {t('taper.conversion.chosen', { amount: fmt.number(Math.round(chosen * 100) / 100) })}
            </Text>
          </Stack>
        </fieldset>
      )}
    </Stack>
  );
}
