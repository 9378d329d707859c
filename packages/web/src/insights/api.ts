/** Types and the query of GET /api/patients/:patientId/insights (docs/beyond-the-pill/insights.md). */
import { useQuery } from '@tanstack/react-query';
import { apiPath } from '../shared/api/client';
import { useApi } from '../shared/api/context';

export type InsightOutcome =
  | 'pain-in-session'
  | 'tension-in-session'
  | 'pain-same-day'
  | 'pain-next-day'
  | 'drowsiness-same-day';

export interface Interval {
  readonly lower: number;
  readonly upper: number;
  readonly level: number;
}

export interface InsightEffect {
  readonly outcome: InsightOutcome;
  readonly comparison: 'before-after' | 'days';
  readonly status: 'ok' | 'insufficient-data' | 'no-variation';
  readonly lagDays: number;
  readonly scaleMax: 10 | 3;
  readonly n: number;
  readonly nWith: number | null;
  readonly nWithout: number | null;
  readonly minimum: { readonly pairedDays: number; readonly perGroup: number };
  readonly needed: {
    readonly pairedDays: number;
    readonly withFactor: number | null;
    readonly withoutFactor: number | null;
  } | null;
  readonly estimate: number | null;
  readonly ci: Interval | null;
  readonly hedgesG: number | null;
  readonly wording: string;
}

export interface InsightFactor {
  readonly id: string;
  readonly kind: 'technique' | 'activity' | 'dose-timing';
  readonly key: string;
  readonly days: number;
  readonly effects: readonly InsightEffect[];
}

export interface Insights {
  readonly timeZone: string;
  readonly from: string;
  readonly to: string;
  readonly minimum: { readonly pairedDays: number; readonly perGroup: number };
  readonly disclaimer: string;
  readonly hidden: readonly string[];
  readonly factors: readonly InsightFactor[];
}

export const insightKeys = {
  all: ['insights'] as const,
  patient: (patientId: string, days: number) => ['insights', patientId, days] as const,
};

export function useInsightsQuery(patientId: string, days = 90) {
  const api = useApi();
  return useQuery({
    queryKey: insightKeys.patient(patientId, days),
    queryFn: () =>
      api.get<Insights>(`${apiPath`/api/patients/${patientId}/insights`}?days=${String(days)}`),
    retry: false,
  });
}
