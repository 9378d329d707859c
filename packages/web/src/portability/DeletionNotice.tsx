import { Alert, Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useFormatters } from '../shared/format';
import { routes } from '../shared/layout/routes';
import { useDeletion } from './api';

/** On Today, while the account is set to be deleted: when, and the way to cancel. */
export function DeletionNotice() {
  const { t } = useTranslation();
  const format = useFormatters();
  const deletion = useDeletion().data?.deletion ?? null;
  if (deletion === null) return null;
  return (
    <Alert color="red" variant="light" title={t('portability.deletion.pendingTitle')}>
      {t('portability.deletion.pending', { date: format.dateTime(deletion.purgeAfter) })}{' '}
      <Anchor component={Link} href={routes.myData}>
        {t('portability.deletion.manage')}
      </Anchor>
    </Alert>
  );
}
