import { Badge, Button, Group, List, Stack, Text } from '@mantine/core';
import { TAPER_EXPLANATIONS, type SourceRef } from '@steady/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { Loading } from '../shared/components/Loading';
import { Note } from '../shared/components/Note';
import { Page } from '../shared/components/Page';
import { useFormatters } from '../shared/format';
import { useUser } from '../shared/session';
import { TAPER_CHECK_IN_PATH, visibleCheckIns } from './patientLogic';
import { TaperRequestForm } from './TaperRequestForm';
import { TaperPanel } from './TaperPanel';
import { TaperNow, TaperProgressBar } from './TodayTaperCard';
import type { TaperView } from './types';
import { useTaperCheckIns, type TaperCheckIn } from './useCheckIns';
import { useTaperQuery } from './useTaper';
import './taper.css';

const sourceText = (sources: readonly SourceRef[]) =>
  sources.map((s) => `${s.id} [${s.status}]`).join('; ');

function CheckInRow({ checkIn }: { checkIn: TaperCheckIn }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const date = fmt.localDateLong(checkIn.date);
  const status = t(`taperPatient.checkIns.status.${checkIn.status}`);
  return (
    <List.Item>
      <Group gap="xs" wrap="wrap">
        <Text>
          {checkIn.kind === 'followUp'
            ? t('taperPatient.checkIns.followUp', { date })
            : t('taperPatient.checkIns.step', {
                date,
                day: checkIn.daysAfterStep,
                n: (checkIn.stepIndex ?? 0) + 1,
              })}
        </Text>
        <Badge
          variant={checkIn.status === 'due' ? 'filled' : 'light'}
          color={checkIn.status === 'missed' ? 'dark' : 'blue'}
          size="lg"
        >
          {status}
        </Badge>
        {checkIn.status === 'due' && (
          <Button component={Link} href={TAPER_CHECK_IN_PATH} size="md">
            {t('taperPatient.card.checkInAction')}
          </Button>
        )}
      </Group>
    </List.Item>
  );
}

function CheckInList({ patientId, taper }: { patientId: string; taper: TaperView }) {
  const { t } = useTranslation();
  const checkIns = useTaperCheckIns(patientId);
  const days = taper.current.checkInDays.join(', ');
  return (
    <TaperPanel level={2} id="taper-checkins-heading" title={t('taperPatient.checkIns.heading')}>
      <Text>{t('taperPatient.checkIns.intro')}</Text>
      <Text size="sm">{t('taperPatient.checkIns.defaults', { days })}</Text>
      {checkIns.isPending ? (
        <Loading />
      ) : checkIns.isError ? (
        <ErrorAlert error={checkIns.error} />
      ) : checkIns.data.schedule.length === 0 ? (
        <Text>{t('taperPatient.checkIns.empty')}</Text>
      ) : (
        <CheckInItems schedule={checkIns.data.schedule} />
      )}
    </TaperPanel>
  );
}

function CheckInItems({ schedule }: { schedule: readonly TaperCheckIn[] }) {
  const { t } = useTranslation();
  const { earlier, shown, later } = visibleCheckIns(schedule);
  return (
    <>
      {earlier.length > 0 && (
        <details className="sd-taper-earlier">
          <summary>{t('taperPatient.checkIns.earlier', { count: earlier.length })}</summary>
          <List spacing="xs" mt="xs">
            {earlier.map((c) => (
              <CheckInRow key={c.date} checkIn={c} />
            ))}
          </List>
        </details>
      )}
      <List spacing="xs">
        {shown.map((c) => (
          <CheckInRow key={c.date} checkIn={c} />
        ))}
      </List>
      {later > 0 && <Text>{t('taperPatient.checkIns.upcomingMore', { count: later })}</Text>}
    </>
  );
}

/** Every signed version in plain words, newest first. */
function History({ taper }: { taper: TaperView }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  return (
    <TaperPanel level={2} id="taper-history-heading" title={t('taperPatient.history.heading')}>
      <List spacing="sm">
        {[...taper.versions].reverse().map((v) => (
          <List.Item key={v.version}>
            <Text fw={600}>
              {t(`taperPatient.history.${v.action}`, { date: fmt.localDateLong(v.effectiveDate) })}
            </Text>
            <Text>{t('taperPatient.history.reason', { reason: v.reason })}</Text>
            <Text size="sm">
              {t('taperPatient.history.signed', {
                name: v.signedBy.displayName,
                date: fmt.dateOf(v.signedAt),
              })}
            </Text>
          </List.Item>
        ))}
      </List>
    </TaperPanel>
  );
}

function TaperContent({ patientId, taper }: { patientId: string; taper: TaperView }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const goal = taper.current.plan.inputs.goal;
  return (
    <>
      <TaperPanel level={2} id="taper-now-heading" title={t('taperPatient.page.nowHeading')}>
        <TaperNow taper={taper} />
        <TaperProgressBar taper={taper} />
        <Text>
          {t('taperPatient.page.started', { mg: fmt.number(taper.progress.startDailyMg) })}{' '}
          {goal.kind === 'stop'
            ? t('taperPatient.page.goalStop')
            : t('taperPatient.page.goalMaintenance', { mg: fmt.number(goal.dailyMg) })}
        </Text>
      </TaperPanel>
      <CheckInList patientId={patientId} taper={taper} />
      <TaperPanel level={2} id="taper-about-heading" title={t('taperPatient.page.aboutHeading')}>
        {TAPER_EXPLANATIONS.map((e) => (
          <Stack key={e.key} gap={2}>
            <Text size="lg">{e.text}</Text>
            <Text size="sm">
              {t('taperPatient.page.sources')} {sourceText(e.sources)}
            </Text>
          </Stack>
        ))}
      </TaperPanel>
      <TaperRequestForm patientId={patientId} requests={taper.requests} />
      <History taper={taper} />
    </>
  );
}

/** `/taper`: the patient's plan, check-ins, explanations, requests and history. */
export function TaperPage() {
  const { t } = useTranslation();
  const { id: patientId } = useUser();
  const taper = useTaperQuery(patientId);
  return (
    <Page title={t('taperPatient.page.title')}>
      {taper.isPending ? (
        <Loading />
      ) : taper.isError ? (
        <ErrorAlert error={taper.error} />
      ) : taper.data === null ? (
        <Note>{t('taperPatient.page.none')}</Note>
      ) : (
        <TaperContent patientId={patientId} taper={taper.data} />
      )}
    </Page>
  );
}
