import { useState } from 'react';
import { Alert, Button, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useSubmitCheckIn } from '../checkin/useCheckIn';
import { newIdempotencyKey } from '../shared/api/ids';
import type { TodayResponse, TodaySlot } from '../shared/api/types';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { Loading } from '../shared/components/Loading';
import { OptionGroup } from '../shared/components/OptionGroup';
import { Page } from '../shared/components/Page';
import { ScaleGroup } from '../shared/components/ScaleGroup';
import { useFormatters } from '../shared/format';
import { routes } from '../shared/layout/routes';
import { useLogDose, useTodayQuery } from '../today/useToday';
import { quickCheckInBody } from './state';
import type { LowEnergy } from './useLowEnergy';
import './lowenergy.css';

/** Low-energy mode: today's doses with extra-large buttons and a quick check-in, nothing else. */
export function LowEnergyHome({ lowEnergy }: { lowEnergy: LowEnergy }) {
  const { t } = useTranslation();
  const today = useTodayQuery();
  return (
    <div className="sd-lowenergy">
      <Page title={t('learn.lowEnergy.title')}>
        <Text size="lg">{t('learn.lowEnergy.on')}</Text>
        {lowEnergy.saveFailed && <Alert color="yellow">{t('learn.lowEnergy.saveFailed')}</Alert>}
        {today.isPending ? (
          <Loading />
        ) : today.isError ? (
          <ErrorAlert error={today.error} title={t('errors.loadFailed')} />
        ) : (
          <Doses today={today.data} />
        )}
        <QuickCheckIn />
        <Button
          className="sd-le-big"
          variant="outline"
          size="xl"
          onClick={() => {
            lowEnergy.set(false);
          }}
        >
          {t('learn.lowEnergy.backToFull')}
        </Button>
      </Page>
    </div>
  );
}

function Doses({ today }: { today: TodayResponse }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const logDose = useLogDose();
  const [done, setDone] = useState('');
  const slotText = (slot: TodaySlot) => {
    if (slot.status === 'taken') {
      return t('learn.lowEnergy.takenAt', { time: fmt.time(slot.event?.takenAt ?? slot.dueAt) });
    }
    return slot.status === 'skipped' ? t('learn.lowEnergy.skipped') : null;
  };
  return (
    <section aria-labelledby="le-doses">
      <Title order={2} id="le-doses" mb="sm">
        {t('learn.lowEnergy.doses')}
      </Title>
      <div role="status" className="sd-visually-hidden">
        {done}
      </div>
      {today.regimen === null ? (
        <Text>{t('learn.lowEnergy.noRegimen')}</Text>
      ) : today.slots.length === 0 ? (
        <Text>{t('learn.lowEnergy.noDoses')}</Text>
      ) : (
        <Stack gap="md">
          {logDose.isError && <ErrorAlert error={logDose.error} />}
          {today.slots.map((slot) => {
            const headingId = `le-dose-${slot.key.replace(/[^\w-]/g, '-')}`;
            const status = slotText(slot);
            return (
              <Card key={slot.key} withBorder radius="md" p="md" component="article">
                <Stack gap="sm">
                  <Title order={3} id={headingId} fz="1.5rem" tabIndex={-1}>
                    {fmt.localTime(slot.localTime)} ·{' '}
                    {t('common.mg', { amount: fmt.number(slot.amountMg) })}
                  </Title>
                  {status === null ? (
                    <Button
                      className="sd-le-big"
                      size="xl"
                      fullWidth
                      aria-describedby={headingId}
                      loading={logDose.isPending && logDose.variables.slotKey === slot.key}
                      onClick={() => {
                        logDose.mutate(
                          { idempotencyKey: newIdempotencyKey(), kind: 'taken', slotKey: slot.key },
                          {
                            onSuccess: (result) => {
                              setDone(
                                result.queued ? t('offline.queuedToast') : t('today.loggedToast'),
                              );
                              // The pressed button is gone: keep focus on its dose.
                              document.getElementById(headingId)?.focus();
                            },
                          },
                        );
                      }}
                    >
                      {t('learn.lowEnergy.tookIt')}
                    </Button>
                  ) : (
                    <Text size="xl" fw={700}>
                      {status}
                    </Text>
                  )}
                </Stack>
              </Card>
            );
          })}
        </Stack>
      )}
    </section>
  );
}

type Worry = 'no' | 'yes';

function QuickCheckIn() {
  const { t } = useTranslation();
  const submit = useSubmitCheckIn();
  const [pain, setPain] = useState<number | null>(null);
  const [spasm, setSpasm] = useState<number | null>(null);
  const [worry, setWorry] = useState<Worry | null>(null);
  const [key] = useState(newIdempotencyKey);
  const [tried, setTried] = useState(false);

  if (submit.isSuccess) {
    return (
      <Alert color="teal" role="status" title={t('learn.lowEnergy.quick.title')}>
        <Text size="lg">
          {submit.data.queued ? t('offline.queuedToast') : t('learn.lowEnergy.quick.saved')}
        </Text>
      </Alert>
    );
  }
  const pick = (v: number | null) => (tried && v === null ? t('learn.lowEnergy.quick.pick') : null);
  return (
    <Card withBorder radius="md" p="md" component="section" aria-labelledby="le-quick">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (pain === null || spasm === null || worry !== 'no') return;
          // The same key on a retry: a retried save cannot record the check-in twice.
          submit.mutate(quickCheckInBody(pain, spasm, key));
        }}
      >
        <Stack gap="lg">
          <Title order={2} id="le-quick">
            {t('learn.lowEnergy.quick.title')}
          </Title>
          <ScaleGroup
            legend={t('learn.lowEnergy.quick.pain')}
            low={t('learn.lowEnergy.quick.painLow')}
            high={t('learn.lowEnergy.quick.painHigh')}
            value={pain}
            onChange={setPain}
            error={pick(pain)}
          />
          <ScaleGroup
            legend={t('learn.lowEnergy.quick.spasm')}
            low={t('learn.lowEnergy.quick.spasmLow')}
            high={t('learn.lowEnergy.quick.spasmHigh')}
            value={spasm}
            onChange={setSpasm}
            error={pick(spasm)}
          />
          <OptionGroup<Worry>
            legend={t('learn.lowEnergy.quick.worrying')}
            columns={1}
            options={[
              { value: 'no', label: t('learn.lowEnergy.quick.worryingNo') },
              { value: 'yes', label: t('learn.lowEnergy.quick.worryingYes'), tone: 'warn' },
            ]}
            value={worry}
            onChange={setWorry}
            error={tried && worry === null ? t('learn.lowEnergy.quick.pick') : null}
          />
          {worry === 'yes' ? (
            <Stack gap="sm">
              <Text size="lg">{t('learn.lowEnergy.quick.worryingYesBody')}</Text>
              <Button component={Link} href={routes.checkIn} className="sd-le-big" size="xl">
                {t('learn.lowEnergy.quick.fullCheckIn')}
              </Button>
            </Stack>
          ) : (
            <>
              {submit.isError && <ErrorAlert error={submit.error} />}
              <Button type="submit" className="sd-le-big" size="xl" loading={submit.isPending}>
                {t('learn.lowEnergy.quick.save')}
              </Button>
            </>
          )}
        </Stack>
      </form>
    </Card>
  );
}
