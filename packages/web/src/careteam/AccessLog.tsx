import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AccessLogEntry } from '../shared/api/types';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { Loading } from '../shared/components/Loading';
import { useFormatters } from '../shared/format';
import { useMemberWords } from '../shared/memberKind';
import { collapseEntries, isView } from './accessLog';
import { useAccessLogQuery } from './useCareTeam';

function EntryText({ entry }: { entry: AccessLogEntry }) {
  const { t } = useTranslation();
  const words = useMemberWords();
  const who = t('member.who', { name: entry.actor.displayName, kind: words.kind(entry.actor) });
  const view = isView(entry.action);
  if (entry.category === null) {
    return <>{view ? t('accessLog.viewedAny', { who }) : t('accessLog.changedAny', { who })}</>;
  }
  const category = t(`consent.category.${entry.category}.inline`);
  return (
    <>
      {view ? t('accessLog.viewed', { who, category }) : t('accessLog.changed', { who, category })}
    </>
  );
}

/** Who viewed or changed what, and when: newest first, in the patient's time zone. */
export function AccessLog() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const log = useAccessLogQuery();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="access-log-heading">
      <Stack gap="sm">
        <Title order={2} fz="1.35rem" id="access-log-heading">
          {t('accessLog.heading')}
        </Title>
        <Text>{t('accessLog.intro', { zone: fmt.timeZone })}</Text>
        {log.isPending ? (
          <Loading />
        ) : log.isError ? (
          <ErrorAlert error={log.error} title={t('errors.loadFailed')} />
        ) : log.data.length === 0 ? (
          <Text c="dimmed">{t('accessLog.empty')}</Text>
        ) : (
          <ul className="sd-timeline">
            {collapseEntries(log.data).map(({ entry, count }, i) => (
              <li key={`${entry.at}-${entry.actor.id}-${entry.action}-${String(i)}`}>
                <Text fw={600}>
                  <EntryText entry={entry} />
                </Text>
                <Text size="sm" c="dimmed">
                  <time dateTime={entry.at}>{fmt.dateTime(entry.at)}</time>
                  {count > 1 && ` · ${t('accessLog.times', { count })}`}
                </Text>
              </li>
            ))}
          </ul>
        )}
      </Stack>
    </Paper>
  );
}
