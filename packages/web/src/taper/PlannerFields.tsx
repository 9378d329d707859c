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
import type { FormulationId, TaperDistributionRule } from '@steady/core';
import { CheckGroup } from '../shared/components/CheckGroup';
import { Note } from '../shared/components/Note';
import { OptionGroup } from '../shared/components/OptionGroup';
import { FORMULATIONS } from '../shared/formulation';
import type { DraftErrors, PlannerDraft } from './plannerDraft';

export type SetDraft = <K extends keyof PlannerDraft>(key: K, value: PlannerDraft[K]) => void;

interface FieldsProps {
  draft: PlannerDraft;
  errors: DraftErrors;
  set: SetDraft;
}

/** The starting doses (prefilled from the regimen in force): one time and amount per row. */
export function StartingDoses({ draft, errors, set }: FieldsProps) {
  const { t } = useTranslation();
  const nextRowId = Math.max(0, ...draft.doses.map((r) => r.rowId)) + 1;
  const setRow = (rowId: number, patch: { time?: string; amount?: string }) => {
    set(
      'doses',
      draft.doses.map((r) => (r.rowId === rowId ? { ...r, ...patch } : r)),
    );
  };
  return (
    <fieldset className="sd-options">
      <legend>{t('taper.planner.doses')}</legend>
      <Text size="sm" mb="xs">
        {t('taper.planner.dosesHint')}
      </Text>
      <Stack gap="sm">
        {draft.doses.map((row, index) => (
          <Group key={row.rowId} align="flex-end" gap="sm">
            <TextInput
              type="time"
              label={t('taper.planner.doseTime', { n: index + 1 })}
              value={row.time}
              style={{ flex: 1, minWidth: '8rem' }}
              onChange={(e) => {
                setRow(row.rowId, { time: e.currentTarget.value });
              }}
            />
            <TextInput
              label={t('taper.planner.doseAmount', { n: index + 1 })}
              inputMode="decimal"
              value={row.amount}
              style={{ flex: 1, minWidth: '8rem' }}
              onChange={(e) => {
                setRow(row.rowId, { amount: e.currentTarget.value });
              }}
            />
            {draft.doses.length > 1 && (
              <Button
                variant="subtle"
                color="red.9"
                c="red.9"
                mih={44}
                aria-label={t('taper.planner.removeDoseAria', { n: index + 1 })}
                onClick={() => {
                  set(
                    'doses',
                    draft.doses.filter((r) => r.rowId !== row.rowId),
                  );
                }}
              >
                {t('taper.planner.removeDose')}
              </Button>
            )}
          </Group>
        ))}
        {errors.doses && (
          <Text c="red.9" fw={600} size="sm" role="alert">
            {t('taper.planner.errors.doses')}
          </Text>
        )}
        <Button
          variant="default"
          w="fit-content"
          mih={44}
          onClick={() => {
            set('doses', [...draft.doses, { rowId: nextRowId, time: '', amount: '' }]);
          }}
        >
          {t('taper.planner.addDose')}
        </Button>
      </Stack>
    </fieldset>
  );
}

/** Formulations, reduction method, interval, goal, start date, distribution, liquid switch. */
export function PaceFields({ draft, errors, set }: FieldsProps) {
  const { t } = useTranslation();
  const err = (field: keyof DraftErrors) =>
    errors[field] ? t(`taper.planner.errors.${field}`) : null;
  return (
    <Stack gap="md">
      <CheckGroup<FormulationId>
        legend={t('taper.planner.formulations')}
        options={FORMULATIONS.map((f) => ({ value: f, label: t(`formulation.${f}`) }))}
        values={draft.formulations}
        onChange={(values) => {
          set('formulations', values);
        }}
      />
      {errors.formulations && (
        <Text c="red.9" fw={600} size="sm" role="alert">
          {t('taper.planner.errors.formulations')}
        </Text>
      )}
      <OptionGroup<PlannerDraft['methodKind']>
        legend={t('taper.planner.method')}
        columns={2}
        options={[
          { value: 'percent', label: t('taper.planner.methodPercent') },
          { value: 'fixed', label: t('taper.planner.methodFixed') },
        ]}
        value={draft.methodKind}
        onChange={(v) => {
          set('methodKind', v);
        }}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {draft.methodKind === 'percent' ? (
          <TextInput
            label={t('taper.planner.percent')}
            description={t('taper.planner.percentHint')}
            inputMode="decimal"
            value={draft.percent}
            error={err('percent')}
            onChange={(e) => {
              set('percent', e.currentTarget.value);
            }}
          />
        ) : (
          <TextInput
            label={t('taper.planner.fixedMg')}
            inputMode="decimal"
            value={draft.fixedMg}
            error={err('fixedMg')}
            onChange={(e) => {
              set('fixedMg', e.currentTarget.value);
            }}
          />
        )}
        <TextInput
          label={t('taper.planner.interval')}
          description={t('taper.planner.intervalHint')}
          inputMode="numeric"
          value={draft.intervalDays}
          error={err('intervalDays')}
          onChange={(e) => {
            set('intervalDays', e.currentTarget.value);
          }}
        />
      </SimpleGrid>
      <OptionGroup<PlannerDraft['goalKind']>
        legend={t('taper.planner.goal')}
        columns={2}
        options={[
          { value: 'stop', label: t('taper.planner.goalStop') },
          { value: 'maintenance', label: t('taper.planner.goalMaintenance') },
        ]}
        value={draft.goalKind}
        onChange={(v) => {
          set('goalKind', v);
        }}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {draft.goalKind === 'maintenance' && (
          <TextInput
            label={t('taper.planner.maintenanceMg')}
            inputMode="decimal"
            value={draft.maintenanceMg}
            error={err('maintenanceMg')}
            onChange={(e) => {
              set('maintenanceMg', e.currentTarget.value);
            }}
          />
        )}
        <TextInput
          type="date"
          label={t('taper.planner.startDate')}
          description={t('taper.planner.startDateHint')}
          value={draft.startDate}
          error={err('startDate')}
          onChange={(e) => {
            set('startDate', e.currentTarget.value);
          }}
        />
        <NativeSelect
          label={t('taper.planner.distribution')}
          value={draft.distribution}
          data={(['largest-first', 'last-dose-longest'] as const).map((d) => ({
            value: d,
            label: t(`taper.planner.distributions.${d}`),
          }))}
          onChange={(e) => {
            set('distribution', e.currentTarget.value as TaperDistributionRule);
          }}
        />
      </SimpleGrid>
      <Checkbox
        label={t('taper.planner.switchToLiquid')}
        description={t('taper.planner.switchToLiquidHint')}
        checked={draft.switchToLiquid}
        onChange={(e) => {
          set('switchToLiquid', e.currentTarget.checked);
        }}
      />
    </Stack>
  );
}

/** Faster than the guideline's 25 % per 2 weeks: only with a stated reason, clearly flagged. */
export function OverrideFields({ draft, errors, set }: FieldsProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Checkbox
        label={t('taper.planner.override')}
        checked={draft.override}
        onChange={(e) => {
          set('override', e.currentTarget.checked);
        }}
      />
      {draft.override && (
        <>
          <Note tone="warning" title={t('taper.planner.overrideWarningTitle')}>
            {t('taper.planner.overrideWarning')}
          </Note>
          <TextInput
            label={t('taper.planner.overrideMax')}
            inputMode="decimal"
            value={draft.overrideMax}
            error={errors.overrideMax ? t('taper.planner.errors.overrideMax') : null}
            onChange={(e) => {
              set('overrideMax', e.currentTarget.value);
            }}
          />
          <Textarea
            label={t('taper.planner.overrideReason')}
            required
            autosize
            minRows={2}
            value={draft.overrideReason}
            error={errors.overrideReason ? t('taper.planner.errors.overrideReason') : null}
            onChange={(e) => {
              set('overrideReason', e.currentTarget.value);
            }}
          />
        </>
      )}
    </Stack>
  );
}

/** Withdrawal check-ins after each step and the follow-up phase: Steady defaults, adjustable. */
export function FollowUpFields({ draft, errors, set }: FieldsProps) {
  const { t } = useTranslation();
  const err = (field: 'checkInDays' | 'followUpMonths' | 'followUpIntervalDays') =>
    errors[field] ? t(`taper.planner.errors.${field}`) : null;
  return (
    <fieldset className="sd-options">
      <legend>{t('taper.planner.checkIns')}</legend>
      <Text size="sm" mb="xs">
        {t('taper.planner.checkInsHint')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t('taper.planner.checkInDays')}
          description={t('taper.planner.steadyDefault')}
          value={draft.checkInDays}
          error={err('checkInDays')}
          onChange={(e) => {
            set('checkInDays', e.currentTarget.value);
          }}
        />
        <TextInput
          label={t('taper.planner.followUpMonths')}
          description={t('taper.planner.steadyDefault')}
          inputMode="numeric"
          value={draft.followUpMonths}
          error={err('followUpMonths')}
          onChange={(e) => {
            set('followUpMonths', e.currentTarget.value);
          }}
        />
        <TextInput
          label={t('taper.planner.followUpInterval')}
          description={t('taper.planner.steadyDefault')}
          inputMode="numeric"
          value={draft.followUpIntervalDays}
          error={err('followUpIntervalDays')}
          onChange={(e) => {
            set('followUpIntervalDays', e.currentTarget.value);
          }}
        />
      </SimpleGrid>
    </fieldset>
  );
}
