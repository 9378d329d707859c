import { List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  TAPER_DEFAULT_INTERVAL_DAYS,
  TAPER_DEFAULT_REDUCTION_PERCENT,
  TAPER_GUIDELINE_MAX_REDUCTION_PER_14_DAYS,
} from '@steady/core';
import type { TaperPlan, TaperWarning } from '@steady/core';
import { SourceList } from '../alerts/AlertDetails';
import { Note } from '../shared/components/Note';

function WarningItem({ warning }: { warning: TaperWarning }) {
  const { t } = useTranslation();
  return (
    <List.Item>
      <Text span fw={700}>
        {warning.severity === 'warning' ? t('taper.checks.warning') : t('taper.checks.info')}
        {warning.stepIndex !== null && ` · ${t('taper.checks.step', { n: warning.stepIndex + 1 })}`}
        :
      </Text>{' '}
      {warning.message}
      <SourceList sources={warning.sources} />
    </List.Item>
  );
}

/**
 * The guideline the plan is checked against and what the engine found, each with its sources.
 * Warnings come first and stay visible; notes about rounding are folded away.
 */
export function GuidelineChecks({ plan }: { plan: TaperPlan }) {
  const { t } = useTranslation();
  const warnings = plan.warnings.filter((w) => w.severity === 'warning');
  const infos = plan.warnings.filter((w) => w.severity === 'info');
  return (
    <Stack gap="sm">
      <Text>
        {t('taper.checks.guideline', {
          pace: TAPER_DEFAULT_REDUCTION_PERCENT.value,
          interval: TAPER_DEFAULT_INTERVAL_DAYS.value,
          max: TAPER_GUIDELINE_MAX_REDUCTION_PER_14_DAYS.value,
        })}
      </Text>
      <SourceList sources={TAPER_GUIDELINE_MAX_REDUCTION_PER_14_DAYS.sources} />
      {warnings.length === 0 ? (
        <Note>{t('taper.checks.noWarnings')}</Note>
      ) : (
        <Note tone="warning" title={t('taper.checks.warnings', { count: warnings.length })}>
          <List spacing="xs">
            {warnings.map((w, i) => (
              <WarningItem key={`${w.code}-${String(i)}`} warning={w} />
            ))}
          </List>
        </Note>
      )}
      {infos.length > 0 && (
        <details className="sd-details">
          <summary>{t('taper.checks.infos', { count: infos.length })}</summary>
          <List spacing="xs" size="sm">
            {infos.map((w, i) => (
              <WarningItem key={`${w.code}-${String(i)}`} warning={w} />
            ))}
          </List>
        </details>
      )}
    </Stack>
  );
}
