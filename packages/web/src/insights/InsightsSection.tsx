import { useTranslation } from 'react-i18next';
import { SharedSection } from '../clinician/SharedSection';
import { useInsightsQuery } from './api';
import { InsightList } from './InsightList';

/** The patient's "What helps me" on the clinician's patient page ("Not shared" without consent). */
export function InsightsSection({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const insights = useInsightsQuery(patientId);
  return (
    <SharedSection id="insights-heading" title={t('insights.sectionTitle')} query={insights}>
      {(data) => <InsightList data={data} level={3} />}
    </SharedSection>
  );
}
