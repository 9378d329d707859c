import { useState } from 'react';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAlertsQuery } from '../alerts/useAlerts';
import { NotShared } from '../clinician/SharedSection';
import { isNotShared } from '../clinician/usePatients';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { Loading } from '../shared/components/Loading';
import { Note } from '../shared/components/Note';
import { StepsTable } from './StepsTable';
import { TaperChangeForm, actionsFor } from './TaperChangeForm';
import { TaperDispenseSection } from './TaperDispenseSection';
import { TaperPanel } from './TaperPanel';
import { TaperPlanner } from './TaperPlanner';
import { TaperPlanChart } from './TaperPreview';
import { TaperRequests } from './TaperRequests';
import { TaperHistory, TaperSummary } from './TaperSummary';
import type { TaperChangeAction, TaperView } from './types';
import { useTaperQuery } from './useTaper';
import { WithdrawalByStep } from './WithdrawalByStep';

const HEADING_ID = 'taper-heading';
/** The clinical engine's "withdrawal rising after a step" signal: a suggestion, never an action. */
const WITHDRAWAL_SIGNAL = 'SIG-WD-AFTER-STEP';

type Mode =
  | { kind: 'view' }
  | { kind: 'plan' }
  | { kind: 'change'; action: TaperChangeAction; requestId: string | null };

function TaperBody({
  patientId,
  taper,
  canChange,
  mode,
  setMode,
}: {
  patientId: string;
  taper: TaperView;
  canChange: boolean;
  mode: Mode;
  setMode: (mode: Mode) => void;
}) {
  const { t } = useTranslation();
  const alerts = useAlertsQuery(patientId, canChange);
  const withdrawalRising = (alerts.data ?? []).some((a) => a.signalId === WITHDRAWAL_SIGNAL);
  const ended = taper.status === 'followUp' || taper.status === 'finished';
  const view = () => {
    setMode({ kind: 'view' });
  };
  const answer = (action: TaperChangeAction, requestId: string | null) => {
    setMode({ kind: 'change', action, requestId });
  };
  return (
    <Stack gap="lg">
      <TaperSummary taper={taper} />
      {withdrawalRising && taper.status === 'active' && (
        <Note tone="warning" title={t('taper.suggestion.title')}>
          {t('taper.suggestion.text')}
        </Note>
      )}
      {canChange && mode.kind === 'view' && (
        <Group>
          {actionsFor(taper.status).map((action) => (
            <Button
              key={action}
              variant="default"
              onClick={() => {
                answer(action, null);
              }}
            >
              {t(`taper.actions.${action}`)}
            </Button>
          ))}
          {ended && (
            <Button
              onClick={() => {
                setMode({ kind: 'plan' });
              }}
            >
              {t('taper.planNew')}
            </Button>
          )}
        </Group>
      )}
      {canChange && mode.kind === 'change' && (
        <TaperChangeForm
          patientId={patientId}
          taper={taper}
          action={mode.action}
          requestId={mode.requestId}
          onDone={view}
          onCancel={view}
        />
      )}
      <TaperPanel id="taper-requests-heading" title={t('taper.requests.title')}>
        <TaperRequests
          patientId={patientId}
          requests={taper.requests}
          canChange={canChange}
          onAnswer={answer}
        />
      </TaperPanel>
      <TaperPanel id="taper-steps-heading" title={t('taper.steps.title')}>
        <TaperPlanChart plan={taper.current.plan} />
        <StepsTable
          steps={taper.current.plan.steps}
          label={t('taper.steps.label')}
          currentIndex={taper.currentStep?.index ?? null}
        />
      </TaperPanel>
      <WithdrawalByStep patientId={patientId} />
      <TaperDispenseSection patientId={patientId} />
      <TaperPanel id="taper-history-heading" title={t('taper.history.title')}>
        <TaperHistory taper={taper} />
      </TaperPanel>
    </Stack>
  );
}

/**
 * The Taper tab of a patient's page (issue 5): no taper → "Plan a taper" for a prescriber;
 * otherwise the plan in force, the patient's requests, the prescriber's changes, the history,
 * withdrawal check-ins by step and what to dispense.
 */
export function TaperTab({
  patientId,
  canChange,
  shared,
}: {
  readonly patientId: string;
  /** A prescriber with medications consent: may create, sign and change the taper. */
  readonly canChange: boolean;
  /** The patient shares medications with the viewer. */
  readonly shared: boolean;
}) {
  const { t } = useTranslation();
  const taper = useTaperQuery(patientId, shared);
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  const focusHeading = () => {
    setMode({ kind: 'view' });
    requestAnimationFrame(() => {
      document.getElementById(HEADING_ID)?.focus();
    });
  };

  if (canChange && mode.kind === 'plan') {
    return <TaperPlanner patientId={patientId} onDone={focusHeading} onCancel={focusHeading} />;
  }
  return (
    <section aria-labelledby={HEADING_ID}>
      <Stack gap="md">
        <Title order={2} fz="1.35rem" id={HEADING_ID} tabIndex={-1}>
          {t('taper.title')}
        </Title>
        {!shared ? (
          <NotShared />
        ) : taper.isPending ? (
          <Loading />
        ) : taper.isError ? (
          isNotShared(taper.error) ? (
            <NotShared />
          ) : (
            <ErrorAlert error={taper.error} title={t('errors.loadFailed')} />
          )
        ) : taper.data === null ? (
          <Stack gap="sm">
            <Text>{t('taper.none')}</Text>
            {canChange && (
              <Button
                w="fit-content"
                size="lg"
                onClick={() => {
                  setMode({ kind: 'plan' });
                }}
              >
                {t('taper.plan')}
              </Button>
            )}
          </Stack>
        ) : (
          <TaperBody
            patientId={patientId}
            taper={taper.data}
            canChange={canChange}
            mode={mode}
            setMode={setMode}
          />
        )}
      </Stack>
    </section>
  );
}
