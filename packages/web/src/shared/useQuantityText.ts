import { useTranslation } from 'react-i18next';
import type { FormulationId } from '@steady/core';
import { useFormatters } from './format';
import { isSolution, quantityFor, strengthOf } from './formulation';

/** "1½ tablets of 5 mg" / "2.5 mL of oral solution" for an amount in mg. */
export function useQuantityText(): (amountMg: number, formulation: FormulationId) => string {
  const { t } = useTranslation();
  const fmt = useFormatters();
  return (amountMg, formulation) => {
    const { display, count } = quantityFor(amountMg, formulation, fmt.number);
    return isSolution(formulation)
      ? t('units.solution', { qty: display })
      : t('units.tablets', { count, qty: display, strength: strengthOf(formulation) });
  };
}
