import type { TaperDispense } from '@steady/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../shared/format';
import { strengthOf } from '../shared/formulation';
import { doseParts, type DispenseInterval, type SupplyLine } from './dispenseView';

export interface DispenseText {
  /** "2 tablets of 2 mg + half a tablet of 5 mg" for one dose. */
  pieces: (d: TaperDispense) => string;
  /** "14 tablets of 5 mg (14 of them split into 28 halves)" / "21 mL of oral solution". */
  supply: (line: SupplyLine) => string;
  /** "2 Mar 2026 to 15 Mar 2026 (14 days)", or open-ended. */
  dates: (interval: DispenseInterval) => string;
}

/** The words of the taper dispensing view, in the patient's zone and the reader's locale. */
export function useDispenseText(): DispenseText {
  const { t } = useTranslation();
  const fmt = useFormatters();
  return {
    pieces: (d) => {
      const parts = doseParts(d).map((p) =>
        p.kind === 'solution'
          ? t('taperDispense.pieces.solution', { ml: fmt.number(p.ml) })
          : p.kind === 'whole'
            ? t('taperDispense.pieces.whole', { count: p.count, mg: p.mg })
            : t('taperDispense.pieces.half', { count: p.count, mg: p.mg }),
      );
      return parts.length === 0
        ? t('taperDispense.pieces.nothing')
        : parts.join(t('taperDispense.pieces.join'));
    },
    supply: (line) => {
      if (line.formulation === 'sol1') {
        return t('taperDispense.supply.solution', { ml: fmt.number(line.quantity) });
      }
      const tablets = t('taperDispense.supply.tablets', {
        count: line.quantity,
        mg: strengthOf(line.formulation),
      });
      if (line.tabletsToSplit === 0) return tablets;
      const split = t('taperDispense.supply.split', {
        count: line.tabletsToSplit,
        halves: line.halfPieces,
      });
      return `${tablets} (${split})`;
    },
    dates: ({ step, days }) =>
      step.endDate === null
        ? t('taperDispense.openEnded', { from: fmt.localDateLong(step.startDate), count: days })
        : t('taperDispense.dates', {
            from: fmt.localDateLong(step.startDate),
            to: fmt.localDateLong(step.endDate),
            count: days,
          }),
  };
}
