import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SIDE_EFFECT_KEYS, localDateOf } from '@steady/core';
import type { CheckInView, DoseEventView, TimelineItem } from '../shared/api/types';
import { useFormatters } from '../shared/format';
import { isActivityKey } from '../shared/activities';

interface DayGroup {
  date: string;
  firstAt: string;
  items: TimelineItem[];
}

/** Groups newest-first items by the patient's local date. */
function groupByDay(items: readonly TimelineItem[], timeZone: string): DayGroup[] {
  const groups: DayGroup[] = [];
  for (const item of items) {
    const date = localDateOf(item.at, timeZone);
    const last = groups.at(-1);
    if (last?.date === date) last.items.push(item);
    else groups.push({ date, firstAt: item.at, items: [item] });
  }
  return groups;
}

function DoseEntry({ event, superseded }: { event: DoseEventView; superseded: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const amount = fmt.number(event.amountMg);
  const title =
    event.kind === 'taken'
      ? t('history.dose.taken', { amount })
      : event.kind === 'extra'
        ? t('history.dose.extra', { amount })
        : t('history.dose.skipped');
  const slotTime = event.slotKey?.split('T')[1];
  return (
    <Stack gap={2}>
      <Group gap="xs">
        <Text fw={700} className={superseded ? 'sd-superseded' : undefined}>
          {t('common.timeAndText', { time: fmt.time(event.takenAt), text: title })}
        </Text>
        {event.supersedes !== null && (
          <Badge color="gray.8" tt="none">
            {t('history.correction')}
          </Badge>
        )}
      </Group>
      {slotTime !== undefined && (
        <Text size="sm">{t('history.scheduledFor', { time: fmt.localTime(slotTime) })}</Text>
      )}
      {event.reason !== null && (
        <Text size="sm">{t('history.reason', { reason: event.reason })}</Text>
      )}
      {superseded && (
        <Text size="sm" fs="italic">
          {t('history.corrected')}
        </Text>
      )}
    </Stack>
  );
}

function CheckInEntry({ checkIn }: { checkIn: CheckInView }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const effects = SIDE_EFFECT_KEYS.filter((k) => checkIn.sideEffects[k] !== 'none').map((k) =>
    t('history.sideEffectItem', {
      name: t(`checkin.sideEffect.${k}`),
      severity: t(`checkin.severity.${checkIn.sideEffects[k]}`).toLowerCase(),
    }),
  );
  if (checkIn.otherSideEffect !== null) {
    effects.push(
      t('history.sideEffectItem', {
        name: checkIn.otherSideEffect.text,
        severity: t(`checkin.severity.${checkIn.otherSideEffect.severity}`).toLowerCase(),
      }),
    );
  }
  const activities = checkIn.activities.map((a) =>
    isActivityKey(a) ? t(`checkin.activity.${a}`) : a,
  );
  return (
    <Stack gap={2}>
      <Text fw={700}>
        {t('common.timeAndText', {
          time: fmt.time(checkIn.at),
          text: t('history.checkinLine', { pain: checkIn.pain, spasm: checkIn.spasm }),
        })}
      </Text>
      {effects.length > 0 && (
        <Text size="sm">{t('history.sideEffectsLine', { list: effects.join(', ') })}</Text>
      )}
      {checkIn.fall !== 'none' && (
        <Text size="sm">
          {t('history.fallLine', { fall: t(`checkin.fallOption.${checkIn.fall}`) })}
        </Text>
      )}
      {checkIn.breathingProblem && (
        <Text size="sm" fw={700} c="red.9">
          {t('history.breathingLine')}
        </Text>
      )}
      {activities.length > 0 && (
        <Text size="sm">{t('history.activitiesLine', { list: activities.join(', ') })}</Text>
      )}
      {checkIn.note !== null && (
        <Text size="sm">{t('history.noteLine', { note: checkIn.note })}</Text>
      )}
    </Stack>
  );
}

/** Doses and check-ins, newest first, grouped by local day, with local times. */
export function Timeline({
  items,
  timeZone,
}: {
  items: readonly TimelineItem[];
  timeZone: string;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const superseded = new Set(
    items.flatMap((i) =>
      i.type === 'dose' && i.event.supersedes !== null ? [i.event.supersedes] : [],
    ),
  );
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="timeline-heading">
      <Title order={2} fz="1.25rem" id="timeline-heading" mb="sm">
        {t('history.timelineHeading')}
      </Title>
      {items.length === 0 ? (
        <Text>{t('history.timelineEmpty')}</Text>
      ) : (
        <Stack gap="md">
          {groupByDay(items, timeZone).map((group) => (
            <div key={group.date}>
              <Title order={3} fz="1.05rem" c="gray.8">
                {fmt.dayOf(group.firstAt)}
              </Title>
              <ul className="sd-timeline">
                {group.items.map((item) => (
                  <li key={item.type === 'dose' ? item.event.id : item.checkIn.id}>
                    {item.type === 'dose' ? (
                      <DoseEntry event={item.event} superseded={superseded.has(item.event.id)} />
                    ) : (
                      <CheckInEntry checkIn={item.checkIn} />
                    )}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
