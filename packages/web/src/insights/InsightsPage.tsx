import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { Loading } from '../shared/components/Loading';
import { Page } from '../shared/components/Page';
import { useUser } from '../shared/session';
import { useInsightsQuery } from './api';
import { InsightList } from './InsightList';
import { Text } from '@mantine/core';

const DAYS = 90;

/** "What helps me": the patient's own associations, each with its range and counts. */
export function InsightsPage() {
  const { t } = useTranslation();
  const user = useUser();
  const insights = useInsightsQuery(user.id, DAYS);
  return (
    <Page title={t('insights.title')}>
      <Text>{t('insights.intro', { days: DAYS })}</Text>
      {insights.isPending ? (
        <Loading />
      ) : insights.isError ? (
        <ErrorAlert error={insights.error} title={t('errors.loadFailed')} />
      ) : (
        <InsightList data={insights.data} level={2} />
      )}
    </Page>
  );
}
