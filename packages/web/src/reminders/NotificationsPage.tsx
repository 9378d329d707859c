import { useEffect, useRef, useState } from 'react';
import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { threadsPath } from '../messages/paths';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { Loading } from '../shared/components/Loading';
import { Note } from '../shared/components/Note';
import { Page } from '../shared/components/Page';
import { useFormatters } from '../shared/format';
import { routes } from '../shared/layout/routes';
import { useUser } from '../shared/session';
import {
  useMarkNotificationsRead,
  useNotificationsQuery,
  useTakenFromReminder,
  type NotificationView,
  type TakenOutcome,
} from './api';
import { groupByDay, relativeDay, takenCards, unreadIds, type DayGroup } from './logic';
import './reminders.css';

/** The "Taken" button of a dose reminder. */
function TakenAction({
  n,
  time,
  onDone,
}: {
  n: NotificationView;
  time: string;
  onDone: (outcome: TakenOutcome) => void;
}) {
  const { t } = useTranslation();
  const taken = useTakenFromReminder(n.patientId);
  return (
    <Stack gap="xs">
      <Button
        className="sd-notif-taken"
        size="lg"
        fullWidth
        loading={taken.isPending}
        aria-label={t('reminders.centre.takenLabel', { time })}
        onClick={() => {
          if (n.slotKey === null) return;
          taken.mutate(n.slotKey, { onSuccess: onDone });
        }}
      >
        {t('reminders.centre.taken')}
      </Button>
      {taken.isError && (
        <ErrorAlert error={taken.error} title={t('reminders.centre.takenFailed')} />
      )}
    </Stack>
  );
}

const OUTCOME_KEY = {
  taken: 'reminders.centre.loggedTaken',
  already: 'reminders.centre.alreadyLogged',
  queued: 'reminders.centre.queued',
} as const satisfies Record<TakenOutcome, string>;

/** Where the dose of a reminder stands: what "Taken" just did, else the slot's state. */
function DoseLine({
  n,
  outcome,
  withButton,
  time,
  onDone,
}: {
  n: NotificationView;
  outcome: TakenOutcome | null;
  withButton: boolean;
  time: string;
  onDone: (outcome: TakenOutcome) => void;
}) {
  const { t } = useTranslation();
  if (outcome !== null) {
    return (
      <Text fw={600} role="status">
        {outcome === 'queued' ? '' : '✓ '}
        {t(OUTCOME_KEY[outcome])}
      </Text>
    );
  }
  switch (n.dose?.status) {
    case 'taken':
      return <Text fw={600}>✓ {t('reminders.centre.loggedTaken')}</Text>;
    case 'skipped':
      return <Text fw={600}>{t('reminders.centre.loggedSkipped')}</Text>;
    case 'pending':
      return withButton ? (
        <TakenAction n={n} time={time} onDone={onDone} />
      ) : (
        <Text fw={600}>{t('reminders.centre.notLogged')}</Text>
      );
    case undefined:
      return null;
  }
}

function NotificationCard({
  n,
  isNew,
  withButton,
}: {
  n: NotificationView;
  isNew: boolean;
  withButton: boolean;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const user = useUser();
  // Kept here, not in the button: the refreshed list drops the button once the dose is logged.
  const [outcome, setOutcome] = useState<TakenOutcome | null>(null);
  const time = n.localTime === null ? '' : fmt.localTime(n.localTime);
  const name = n.patientName ?? t('reminders.centre.caregiverSomeone');
  const title =
    n.kind === 'caregiver'
      ? t('reminders.centre.caregiver', { name, time })
      : n.kind === 'test'
        ? t('reminders.centre.test')
        : t(n.kind === 'dose' ? 'reminders.centre.dose' : 'reminders.centre.again', { time });
  return (
    <Card withBorder radius="md" p="md" className="sd-notif-card" data-new={isNew || undefined}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Text fw={700} fz="lg">
            {title}
          </Text>
          {isNew && (
            <Badge color="blue.8" variant="filled" style={{ flexShrink: 0 }}>
              {t('reminders.centre.new')}
            </Badge>
          )}
        </Group>
        {(n.kind === 'dose' || n.kind === 'again') && n.amountMg !== null && (
          <Text>{t('reminders.centre.amount', { amount: fmt.number(n.amountMg) })}</Text>
        )}
        <Text size="sm" c="dimmed">
          {t('reminders.centre.receivedAt', { time: fmt.time(n.createdAt) })}
        </Text>
        {n.silent && (
          <Text size="sm" c="gray.8">
            <Text span fw={700} size="sm">
              {t('reminders.centre.quiet')}
            </Text>
            {' — '}
            {t('reminders.centre.quietHelp')}
          </Text>
        )}
        <DoseLine n={n} outcome={outcome} withButton={withButton} time={time} onDone={setOutcome} />
        {n.kind === 'caregiver' && (
          <Anchor component={Link} href={threadsPath(user, n.patientId)} fw={600}>
            {t('reminders.centre.message', { name })}
          </Anchor>
        )}
      </Stack>
    </Card>
  );
}

function DaySection({
  group,
  fresh,
  buttons,
}: {
  group: DayGroup;
  fresh: ReadonlySet<string>;
  buttons: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const relative = relativeDay(group.date, new Date().toISOString(), fmt.timeZone);
  const heading =
    relative === null ? fmt.localDateLong(group.date) : t(`reminders.centre.${relative}`);
  const id = `notif-day-${group.date}`;
  return (
    <section aria-labelledby={id}>
      <Title order={2} fz="1.25rem" id={id} mb="xs">
        {heading}
      </Title>
      <ul className="sd-notif-list">
        {group.items.map((n) => (
          <li key={n.id}>
            <NotificationCard n={n} isNew={fresh.has(n.id)} withButton={buttons.has(n.id)} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * `/notifications`: every reminder and notice, newest first by local day — whether or not push
 * reached a device. Opening it marks what it shows read (the ones new on this visit keep their
 * "New" mark until the page is left).
 */
export function NotificationsPage() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const query = useNotificationsQuery();
  const markRead = useMarkNotificationsRead();
  const { mutate } = markRead;
  const sent = useRef(new Set<string>());
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());

  const items = query.data?.notifications;
  useEffect(() => {
    if (items === undefined) return;
    const ids = unreadIds(items).filter((id) => !sent.current.has(id));
    if (ids.length === 0) return;
    for (const id of ids) sent.current.add(id);
    setFresh((old) => new Set([...old, ...ids]));
    mutate(ids);
  }, [items, mutate]);

  const buttons = items === undefined ? new Set<string>() : takenCards(items);

  return (
    <Page title={t('reminders.centre.title')}>
      <Anchor component={Link} href={routes.reminders} fw={600} w="fit-content">
        {t('reminders.centre.settingsLink')}
      </Anchor>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorAlert error={query.error} title={t('reminders.centre.loadFailed')} />
      ) : query.data.notifications.length === 0 ? (
        <Note title={t('reminders.centre.emptyTitle')}>{t('reminders.centre.emptyBody')}</Note>
      ) : (
        <Stack gap="lg">
          {groupByDay(query.data.notifications, fmt.timeZone).map((group) => (
            <DaySection key={group.date} group={group} fresh={fresh} buttons={buttons} />
          ))}
        </Stack>
      )}
    </Page>
  );
}
