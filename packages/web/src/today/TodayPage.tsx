import { useState } from 'react';
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ApiError } from '../shared/api/client';
import { newIdempotencyKey } from '../shared/api/ids';
import type { DoseEventView, LogDoseInput, TodaySlot } from '../shared/api/types';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { Loading } from '../shared/components/Loading';
import { Page } from '../shared/components/Page';
import { useFormatters } from '../shared/format';
import { routes } from '../shared/layout/routes';
import { AsNeededSummary } from './AsNeededSummary';
import { DoseCard } from './DoseCard';
import { MyAlerts } from './MyAlerts';
import { TodayTaperCard } from '../taper/TodayTaperCard';
import { DeletionNotice } from '../portability/DeletionNotice';
import { MissedDoseNote } from '../supply/MissedDoseNote';
import { RefillReminderCard } from '../supply/RefillReminderCard';
import { NextCheckups } from '../checkups/NextCheckups';
import { DueQuestionnaires } from '../questionnaires/DueQuestionnaires';
import { FirstDoseLearn } from '../learn/FirstDoseLearn';
import { ExercisesToday } from '../exercises/ExercisesToday';
import { DuplicateDialog, existingFromDetails } from './DuplicateDialog';
import { ExtraDoseDialog } from './ExtraDoseDialog';
import { SkipDialog } from './SkipDialog';
import { TakenEarlierDialog } from './TakenEarlierDialog';
import { useLogDose, useTodayQuery, type TodayData } from './useToday';
import { useOfflineQueue } from '../offline/OfflineQueue';
import { describe, slotKeyOf } from '../offline/queue';
import { SavedCopyNote } from '../offline/SavedCopyNote';
import { SyncStatus } from '../offline/SyncStatus';

const ALREADY_LOGGED = 'STEADY_ERR_ALREADY_LOGGED';

type Dialog =
  | { type: 'earlier'; slot: TodaySlot; key: string }
  | { type: 'skip'; slot: TodaySlot; key: string }
  | { type: 'extra'; key: string }
  | { type: 'duplicate'; input: LogDoseInput; existing: DoseEventView | null };

function headingIdFor(slotKey: string | null): string {
  return slotKey === null ? 'extra-doses' : `dose-${slotKey.replace(/[^\w-]/g, '-')}`;
}

export function TodayPage() {
  const { t } = useTranslation();
  const today = useTodayQuery();
  return (
    <Page title={t('today.title')}>
      {today.isPending ? (
        <Loading />
      ) : today.isError ? (
        <ErrorAlert error={today.error} title={t('errors.loadFailed')} />
      ) : (
        <TodayContent today={today.data} />
      )}
    </Page>
  );
}

function TodayContent({ today }: { today: TodayData }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const logDose = useLogDose();
  const queue = useOfflineQueue();
  /** The note on a dose logged on this device and not yet sent, or null. */
  const pendingNote = (slotKey: string) => {
    const item = queue?.items.find((i) => i.error === null && slotKeyOf(i) === slotKey);
    return item === undefined
      ? null
      : t('offline.pendingDose', { time: fmt.time(describe(item).at) });
  };
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const send = (input: LogDoseInput) => {
    logDose.mutate(input, {
      onSuccess: (result) => {
        setDialog(null);
        setAnnouncement(result.queued ? t('offline.queuedToast') : t('today.loggedToast'));
        // The pressed button is gone once the slot is logged: put focus on the dose it belongs to.
        window.setTimeout(() => document.getElementById(headingIdFor(input.slotKey))?.focus(), 300);
      },
      onError: (error) => {
        if (error instanceof ApiError && error.code === ALREADY_LOGGED) {
          setDialog({ type: 'duplicate', input, existing: existingFromDetails(error.details) });
        }
      },
    });
  };

  const failed =
    logDose.isError &&
    !(logDose.error instanceof ApiError && logDose.error.code === ALREADY_LOGGED);
  const dialogError = dialog !== null && failed ? logDose.error : null;
  const cardError = (slotKey: string | null) =>
    dialog === null && failed && logDose.variables.slotKey === slotKey ? logDose.error : null;
  const regimen = today.regimen;

  return (
    <>
      <Text size="lg" mt={-8}>
        {fmt.localDateLong(today.date)}
      </Text>
      {today.savedAt !== undefined && <SavedCopyNote savedAt={today.savedAt} />}
      <div role="status" className="sd-visually-hidden">
        {announcement}
      </div>
      <SyncStatus />
      <MyAlerts />
      <DeletionNotice />
      <TodayTaperCard />
      <RefillReminderCard />

      {regimen === null ? (
        <Card withBorder radius="md" p="lg">
          <Stack>
            <Title order={2}>{t('today.emptyTitle')}</Title>
            <Text>{t('today.emptyBody')}</Text>
            <Button component={Link} href={routes.medications} size="lg">
              {t('today.emptyAction')}
            </Button>
          </Stack>
        </Card>
      ) : (
        <section aria-labelledby="doses-heading">
          <Title order={2} id="doses-heading" className="sd-visually-hidden">
            {t('today.dosesHeading')}
          </Title>
          <Stack gap="md">
            {today.slots.length === 0 && <Text>{t('today.noDosesToday')}</Text>}
            {today.slots.map((slot) => {
              const error = cardError(slot.key);
              return (
                <DoseCard
                  // A new entry remounts the card, closing its "Change" actions.
                  key={`${slot.key}:${slot.event?.id ?? ''}`}
                  headingId={headingIdFor(slot.key)}
                  slot={slot}
                  formulation={regimen.formulation}
                  busy={logDose.isPending && logDose.variables.slotKey === slot.key}
                  pendingNote={pendingNote(slot.key)}
                  onTaken={() => {
                    send({ idempotencyKey: newIdempotencyKey(), kind: 'taken', slotKey: slot.key });
                  }}
                  onTakenEarlier={() => {
                    logDose.reset();
                    setDialog({ type: 'earlier', slot, key: newIdempotencyKey() });
                  }}
                  onSkipped={() => {
                    logDose.reset();
                    setDialog({ type: 'skip', slot, key: newIdempotencyKey() });
                  }}
                >
                  {error !== null && (
                    <Stack gap="xs">
                      <ErrorAlert error={error} />
                      <Button
                        variant="default"
                        onClick={() => {
                          // Same idempotency key: a retry of the same action cannot log twice.
                          send(logDose.variables as LogDoseInput);
                        }}
                      >
                        {t('common.retry')}
                      </Button>
                    </Stack>
                  )}
                </DoseCard>
              );
            })}
          </Stack>
        </section>
      )}

      {regimen !== null && (
        <Card
          withBorder
          radius="md"
          p="md"
          component="section"
          aria-labelledby={headingIdFor(null)}
        >
          <Stack gap="sm">
            <Title order={2} fz="1.25rem" id={headingIdFor(null)} tabIndex={-1}>
              {regimen.asNeeded === null ? t('today.extraHeading') : t('today.asNeededTitle')}
            </Title>
            <AsNeededSummary asNeeded={today.asNeeded} />
            {today.extras.length > 0 && (
              <ul style={{ margin: 0, paddingLeft: '1.25rem' }}>
                {today.extras.map((e) => (
                  <li key={e.id}>
                    {e.reason === null
                      ? t('today.extraLine', {
                          amount: t('common.mg', { amount: fmt.number(e.amountMg) }),
                          time: fmt.time(e.takenAt),
                        })
                      : t('today.extraLineReason', {
                          amount: t('common.mg', { amount: fmt.number(e.amountMg) }),
                          time: fmt.time(e.takenAt),
                          reason: e.reason,
                        })}
                  </li>
                ))}
              </ul>
            )}
            {cardError(null) !== null && <ErrorAlert error={cardError(null)} />}
            <Button
              variant="outline"
              size="lg"
              onClick={() => {
                logDose.reset();
                setDialog({ type: 'extra', key: newIdempotencyKey() });
              }}
            >
              {t('today.extraDose')}
            </Button>
          </Stack>
        </Card>
      )}

      {regimen !== null && <MissedDoseNote />}
      <FirstDoseLearn today={today} />

      <DueQuestionnaires />
      <ExercisesToday />

      <NextCheckups />

      <Card withBorder radius="md" p="md">
        <Group justify="space-between">
          <Text size="lg" fw={600}>
            {t('today.checkinPrompt')}
          </Text>
          <Button component={Link} href={routes.checkIn} variant="light">
            {t('today.checkinAction')}
          </Button>
        </Group>
      </Card>

      {dialog?.type === 'earlier' && (
        <TakenEarlierDialog
          slot={dialog.slot}
          date={today.date}
          timeZone={today.timeZone}
          busy={logDose.isPending}
          error={dialogError}
          onClose={() => {
            setDialog(null);
          }}
          onSubmit={({ takenAt, amountMg }) => {
            send({
              idempotencyKey: dialog.key,
              kind: 'taken',
              slotKey: dialog.slot.key,
              takenAt,
              amountMg,
            });
          }}
        />
      )}
      {dialog?.type === 'skip' && (
        <SkipDialog
          slot={dialog.slot}
          busy={logDose.isPending}
          error={dialogError}
          onClose={() => {
            setDialog(null);
          }}
          onSubmit={(reason) => {
            send({
              idempotencyKey: dialog.key,
              kind: 'skipped',
              slotKey: dialog.slot.key,
              ...(reason === null ? {} : { reason }),
            });
          }}
        />
      )}
      {dialog?.type === 'extra' && (
        <ExtraDoseDialog
          asNeeded={today.asNeeded}
          date={today.date}
          timeZone={today.timeZone}
          busy={logDose.isPending}
          error={dialogError}
          onClose={() => {
            setDialog(null);
          }}
          onSubmit={({ takenAt, amountMg, reason }) => {
            send({
              idempotencyKey: dialog.key,
              kind: 'extra',
              slotKey: null,
              takenAt,
              amountMg,
              reason,
            });
          }}
        />
      )}
      {dialog?.type === 'duplicate' && (
        <DuplicateDialog
          existing={dialog.existing}
          busy={logDose.isPending}
          onClose={() => {
            setDialog(null);
          }}
          error={failed ? logDose.error : null}
          onConfirm={() => {
            send({ ...dialog.input, confirmDuplicate: true });
          }}
        />
      )}
    </>
  );
}
