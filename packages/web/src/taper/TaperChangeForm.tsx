import { useState } from 'react';
import {
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isLocalDate } from '@steady/core';
import type { TaperReductionMethod } from '@steady/core';
import { parseAmount } from '../shared/parse';
import { ConfirmSignature } from './ConfirmSignature';
import type { TaperChangeAction, TaperChangeBody, TaperView, TaperViewStatus } from './types';
import { useChangeTaper } from './useTaper';

/** The changes a prescriber may sign, by status (the engine refuses the others). */
export function actionsFor(status: TaperViewStatus): TaperChangeAction[] {
  if (status === 'active') return ['hold', 'slowDown', 'stepBack', 'endAtMaintenance'];
  if (status === 'paused') return ['resume', 'stepBack', 'endAtMaintenance'];
  return [];
}

const withPace = (action: TaperChangeAction) => action === 'slowDown' || action === 'resume';

/**
 * One change to the taper (hold, slow down, step back, resume, end at maintenance): from when,
 * why (required), for a slower pace the new interval and/or percent; signed with the password.
 */
export function TaperChangeForm({
  patientId,
  taper,
  action,
  requestId,
  onDone,
  onCancel,
}: {
  patientId: string;
  taper: TaperView;
  action: TaperChangeAction;
  requestId: string | null;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const change = useChangeTaper(patientId);
  const inputs = taper.current.plan.inputs;
  const [on, setOn] = useState<string>(taper.today);
  const [reason, setReason] = useState('');
  const [interval, setInterval] = useState(String(inputs.intervalDays));
  const [percent, setPercent] = useState(
    inputs.method.kind === 'percent' ? String(inputs.method.percent) : '',
  );
  const [showErrors, setShowErrors] = useState(false);
  const [signing, setSigning] = useState(false);
  const headingId = `taper-change-${action}`;

  const intervalDays = Number(interval);
  const intervalOk = Number.isInteger(intervalDays) && intervalDays >= 1 && intervalDays <= 365;
  const pct = parseAmount(percent);
  const method: TaperReductionMethod | undefined =
    pct !== null && pct < 100 ? { kind: 'percent', percent: pct } : undefined;
  const errors = {
    on: !isLocalDate(on),
    reason: reason.trim() === '',
    interval: withPace(action) && !intervalOk,
    percent: withPace(action) && percent.trim() !== '' && method === undefined,
  };
  const valid = !Object.values(errors).some(Boolean);
  const body: Omit<TaperChangeBody, 'password'> = {
    action,
    on,
    reason: reason.trim(),
    ...(withPace(action) ? { intervalDays, ...(method === undefined ? {} : { method }) } : {}),
    ...(requestId === null ? {} : { requestId }),
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={headingId}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setShowErrors(true);
          if (valid) {
            change.reset();
            setSigning(true);
          }
        }}
      >
        <Stack gap="sm">
          <Title order={3} fz="1.15rem" id={headingId}>
            {t(`taper.actions.${action}`)}
          </Title>
          <Text size="sm">{t(`taper.change.hint.${action}`)}</Text>
          <TextInput
            type="date"
            label={t('taper.change.on')}
            value={on}
            error={showErrors && errors.on ? t('taper.change.errors.on') : null}
            onChange={(e) => {
              setOn(e.currentTarget.value);
            }}
          />
          {withPace(action) && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('taper.planner.interval')}
                inputMode="numeric"
                value={interval}
                error={
                  showErrors && errors.interval ? t('taper.planner.errors.intervalDays') : null
                }
                onChange={(e) => {
                  setInterval(e.currentTarget.value);
                }}
              />
              <TextInput
                label={t('taper.change.percent')}
                inputMode="decimal"
                value={percent}
                error={showErrors && errors.percent ? t('taper.planner.errors.percent') : null}
                onChange={(e) => {
                  setPercent(e.currentTarget.value);
                }}
              />
            </SimpleGrid>
          )}
          <Textarea
            label={t('taper.change.reason')}
            required
            autosize
            minRows={2}
            value={reason}
            error={showErrors && errors.reason ? t('taper.change.errors.reason') : null}
            onChange={(e) => {
              setReason(e.currentTarget.value);
            }}
          />
          <Group>
            <Button type="submit">{t('taper.change.sign')}</Button>
            <Button variant="default" onClick={onCancel}>
              {t('taper.planner.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
      {signing && (
        <ConfirmSignature
          title={t('taper.sign.titleChange', { action: t(`taper.actions.${action}`) })}
          summary={<Text>{t('taper.sign.summaryChange', { reason: reason.trim() })}</Text>}
          busy={change.isPending}
          error={change.isError ? change.error : null}
          onClose={() => {
            setSigning(false);
          }}
          onConfirm={(password) => {
            change.mutate({ ...body, password }, { onSuccess: onDone });
          }}
        />
      )}
    </Paper>
  );
}
