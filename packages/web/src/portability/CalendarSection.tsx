import { Alert, Anchor, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CopyField } from '../shared/components/CopyField';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { Loading } from '../shared/components/Loading';
import { useFormatters } from '../shared/format';
import {
  useCalendarFeed,
  useCreateFeed,
  useRevokeFeed,
  type CalendarFeed,
  type CreatedFeed,
} from './api';

const HEADING_ID = 'calendar-heading';
const HOW_ID = 'calendar-how-heading';

/** Plain steps per calendar app (keys of `portability.calendar.<app>.steps`). */
const APPS = {
  google: ['s1', 's2', 's3', 's4'],
  apple: ['s1', 's2', 's3'],
  outlook: ['s1', 's2', 's3'],
} as const;

/** The i18n key of one step: each app has its own number of steps. */
type StepKey = {
  [A in keyof typeof APPS]: `portability.calendar.${A}.steps.${(typeof APPS)[A][number]}`;
}[keyof typeof APPS];

function HowToSubscribe() {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" component="section" aria-labelledby={HOW_ID}>
      <Title order={3} fz="1.15rem" id={HOW_ID}>
        {t('portability.calendar.howHeading')}
      </Title>
      {(['google', 'apple', 'outlook'] as const).map((app) => (
        <div key={app}>
          <Title order={4} fz="1rem">
            {t(`portability.calendar.${app}.name`)}
          </Title>
          <List type="ordered" spacing={4} mt={4}>
            {APPS[app].map((step) => (
              <List.Item key={step}>
                {t(`portability.calendar.${app}.steps.${step}` as StepKey)}
              </List.Item>
            ))}
          </List>
        </div>
      ))}
      <Text size="sm" c="dimmed">
        {t('portability.calendar.refreshNote')}
      </Text>
    </Stack>
  );
}

/** The link just made: shown this once, with a copy button and a webcal:// link for phones. */
function NewLink({ created }: { created: CreatedFeed }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Text fw={600}>{t('portability.calendar.created')}</Text>
      <CopyField
        label={t('portability.calendar.newLinkLabel')}
        value={created.url}
        copyLabel={t('portability.calendar.copy')}
        look="mono"
      />
      <Text size="sm">{t('portability.calendar.shownOnce')}</Text>
      <Anchor
        href={created.webcalUrl}
        mih={44}
        style={{ display: 'inline-flex', alignItems: 'center' }}
      >
        {t('portability.calendar.openInApp')}
      </Anchor>
    </Stack>
  );
}

function FeedStatus({ feed }: { feed: CalendarFeed }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Text>
      {t('portability.calendar.active', { date: format.dateOf(feed.createdAt) })}{' '}
      {feed.lastFetchedAt === null
        ? t('portability.calendar.neverFetched')
        : t('portability.calendar.lastFetched', { date: format.dateTime(feed.lastFetchedAt) })}
    </Text>
  );
}

export function CalendarSection() {
  const { t } = useTranslation();
  const state = useCalendarFeed();
  const create = useCreateFeed();
  const revoke = useRevokeFeed();
  const created = create.data;
  // The link is shown only while it is the feed in force (not after turning it off).
  const showLink =
    created !== undefined && state.data?.feed?.id === created.feed.id && !revoke.isPending;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={HEADING_ID}>
      <Stack gap="md">
        <Title order={2} fz="1.35rem" id={HEADING_ID}>
          {t('portability.calendar.heading')}
        </Title>
        {state.isPending ? (
          <Loading />
        ) : state.isError ? (
          <ErrorAlert error={state.error} title={t('errors.loadFailed')} />
        ) : (
          <>
            <Text>{t('portability.calendar.intro', { weeks: state.data.weeks })}</Text>
            <Alert color="yellow" variant="light" title={t('portability.calendar.warningTitle')}>
              {t('portability.calendar.warning')}
            </Alert>
            {state.data.feed === null ? (
              <Text>{t('portability.calendar.none')}</Text>
            ) : (
              <FeedStatus feed={state.data.feed} />
            )}
            {showLink && <NewLink created={created} />}
            {(create.isError || revoke.isError) && (
              <ErrorAlert error={create.error ?? revoke.error} />
            )}
            <Group gap="sm">
              <Button
                mih={44}
                loading={create.isPending}
                aria-describedby={state.data.feed === null ? undefined : 'calendar-rotate-hint'}
                onClick={() => {
                  create.mutate();
                }}
              >
                {state.data.feed === null
                  ? t('portability.calendar.create')
                  : t('portability.calendar.rotate')}
              </Button>
              {state.data.feed !== null && (
                <Button
                  variant="outline"
                  color="red"
                  mih={44}
                  loading={revoke.isPending}
                  onClick={() => {
                    revoke.mutate();
                  }}
                >
                  {t('portability.calendar.revoke')}
                </Button>
              )}
            </Group>
            {state.data.feed !== null && (
              <Text size="sm" id="calendar-rotate-hint">
                {t('portability.calendar.rotateHint')}
              </Text>
            )}
            <div role="status">
              {revoke.isSuccess && state.data.feed === null && (
                <Text fw={600}>{t('portability.calendar.revoked')}</Text>
              )}
            </div>
            <HowToSubscribe />
          </>
        )}
      </Stack>
    </Paper>
  );
}
