import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { Loading } from '../shared/components/Loading';
import { Page } from '../shared/components/Page';
import { HistoryChart } from './HistoryChart';
import { Timeline } from './Timeline';
import { HISTORY_DAYS, useHistoryQuery } from './useHistory';

export function HistoryPage() {
  const { t } = useTranslation();
  const history = useHistoryQuery();
  return (
    <Page title={t('history.title')}>
      {history.isPending ? (
        <Loading />
      ) : history.isError ? (
        <ErrorAlert error={history.error} title={t('errors.loadFailed')} />
      ) : (
        <>
          <HistoryChart daily={history.data.daily} days={HISTORY_DAYS} />
          <Timeline items={history.data.timeline} timeZone={history.data.timeZone} />
        </>
      )}
    </Page>
  );
}
