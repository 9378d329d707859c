import type { FormulationId } from '@steady/core';
import { useTranslation } from 'react-i18next';
import type { AlertSource } from '../shared/api/types';
import { useFormatters } from '../shared/format';

/** Words of this feature: formulation names, amounts ("12 tablets", "40 mL") and source lists. */
export function useSupplyText() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  return {
    name: (f: FormulationId) => t(`supply.formulation.${f}`),
    amount: (quantity: number, f: FormulationId) =>
      f === 'sol1'
        ? t('supply.amount.solution', { qty: fmt.number(quantity) })
        : t('supply.amount.tablets', { count: quantity, qty: fmt.number(quantity) }),
    sources: (sources: readonly AlertSource[]) =>
      sources
        .map((s) =>
          t('supply.sourceList', { id: s.id, status: s.status, locator: s.locator ?? '' }).trim(),
        )
        .join('; '),
  };
}
