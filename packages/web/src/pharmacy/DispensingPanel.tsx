import { useState } from 'react';
import {
  Badge,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { addDays, type FormulationId } from '@steady/core';
import { useTranslation } from 'react-i18next';
import { useAlertsQuery } from '../alerts/useAlerts';
import { SharedSection } from '../clinician/SharedSection';
import { DialogForm } from '../shared/components/DialogForm';
import { Note } from '../shared/components/Note';
import { DisplayTimeZoneContext, useFormatters } from '../shared/format';
import {
  useDispensingQuery,
  useVoidDispensing,
  type Dispensing,
  type DispensingList,
  type SupplyEstimate,
  type SupplyProjection,
} from './api';
import { DispensingForm } from './DispensingForm';

const EARLY_REFILL = 'SIG-EARLY-REFILL';

function useAmountText(): (quantity: number, formulation: FormulationId) => string {
  const { t } = useTranslation();
  const fmt = useFormatters();
  return (quantity, formulation) =>
    formulation === 'sol1'
      ? t('pharmacy.amount.solution', { qty: fmt.number(quantity) })
      : t('pharmacy.amount.tablets', { count: quantity, qty: fmt.number(quantity) });
}

function Projection({
  title,
  p,
  supply,
}: {
  title: string;
  p: SupplyProjection;
  supply: SupplyEstimate;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  let lasts: string;
  if (p.daysCovered === null) lasts = t('pharmacy.supply.noSchedule');
  else if (p.runsOutOn === null) lasts = t('pharmacy.supply.beyond', { count: supply.horizonDays });
  else if (p.daysCovered === 0) lasts = t('pharmacy.supply.runsOutToday');
  else {
    // The last day covered is the day before the run-out day.
    lasts = t('pharmacy.supply.covers', {
      count: p.daysCovered,
      date: fmt.localDateLong(addDays(p.runsOutOn, -1)),
    });
  }
  return (
    <Paper withBorder p="sm" radius="md">
      <Text fw={700}>{title}</Text>
      <Text>{t('pharmacy.supply.onHand', { mg: fmt.number(p.onHandMg) })}</Text>
      <Text>{lasts}</Text>
    </Paper>
  );
}

function Supply({ supply }: { supply: SupplyEstimate | null }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  return (
    <Stack gap="xs">
      <Title order={3} fz="1.1rem">
        {t('pharmacy.supply.title')}
      </Title>
      {supply === null ? (
        <Text c="dimmed">{t('pharmacy.supply.none')}</Text>
      ) : (
        <>
          <Text size="sm">{t('pharmacy.supply.explain')}</Text>
          <Text size="sm">
            {t('pharmacy.supply.dispensed', {
              date: fmt.localDateFull(supply.firstDispensedOn),
              mg: fmt.number(supply.dispensedMg),
            })}
            {supply.dailyMg !== null &&
              ` ${t('pharmacy.supply.daily', { mg: fmt.number(supply.dailyMg) })}`}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Projection
              title={t('pharmacy.supply.asScheduled')}
              p={supply.asScheduled}
              supply={supply}
            />
            <Projection title={t('pharmacy.supply.asLogged')} p={supply.asLogged} supply={supply} />
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}

/** The running-out-early alert, when the caller may see one (alerts are for clinicians). */
function EarlyRefillNote({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const alerts = useAlertsQuery(patientId);
  const alert = alerts.data?.find((a) => a.signalId === EARLY_REFILL && a.present);
  if (alert === undefined) return null;
  return (
    <Note tone="warning" title={t('pharmacy.earlyRefill.title')}>
      {alert.clinicianText !== null && <Text>{alert.clinicianText}</Text>}
      <Text>{t('pharmacy.earlyRefill.seeAlerts')}</Text>
    </Note>
  );
}

function VoidDialog({
  patientId,
  dispensing,
  onClose,
}: {
  patientId: string;
  dispensing: Dispensing;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const voiding = useVoidDispensing(patientId);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <DialogForm
      title={t('pharmacy.dispensing.voidTitle')}
      onClose={onClose}
      error={voiding.isError ? voiding.error : null}
      busy={voiding.isPending}
      submitLabel={t('pharmacy.dispensing.voidSubmit')}
      onSubmit={() => {
        if (reason.trim() === '') {
          setMissing(true);
          return;
        }
        voiding.mutate(
          { dispensingId: dispensing.id, reason: reason.trim() },
          { onSuccess: onClose },
        );
      }}
    >
      <Text>{t('pharmacy.dispensing.voidIntro')}</Text>
      <Textarea
        label={t('pharmacy.dispensing.voidReason')}
        required
        data-autofocus
        maxLength={500}
        value={reason}
        error={missing ? t('pharmacy.dispensing.voidReasonRequired') : null}
        onChange={(e) => {
          setReason(e.currentTarget.value);
          setMissing(false);
        }}
      />
    </DialogForm>
  );
}

function History({
  patientId,
  dispensings,
  canWrite,
}: {
  patientId: string;
  dispensings: readonly Dispensing[];
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const amount = useAmountText();
  const [voiding, setVoiding] = useState<Dispensing | null>(null);
  return (
    <Stack gap="xs">
      <Title order={3} fz="1.1rem">
        {t('pharmacy.dispensing.historyTitle')}
      </Title>
      {dispensings.length === 0 ? (
        <Text c="dimmed">{t('pharmacy.dispensing.none')}</Text>
      ) : (
        <ul className="sd-timeline">
          {dispensings.map((d) => (
            <li key={d.id}>
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Stack gap={2}>
                  <Group gap="xs">
                    <Text fw={700} className={d.voided === null ? undefined : 'sd-superseded'}>
                      {t('pharmacy.dispensing.line', {
                        amount: amount(d.quantity, d.formulation),
                        formulation: t(`pharmacy.formulation.${d.formulation}`),
                        mg: fmt.number(d.totalMg),
                      })}
                    </Text>
                    {d.voided !== null && (
                      <Badge color="gray.8" tt="none">
                        {t('pharmacy.dispensing.voided')}
                      </Badge>
                    )}
                    {d.taperPlanId !== null && (
                      <Badge color="teal.9" tt="none">
                        {t('taperDispense.history.forTaper')}
                      </Badge>
                    )}
                  </Group>
                  <Text size="sm">
                    {t('pharmacy.dispensing.when', { date: fmt.dateTime(d.dispensedAt) })}
                    {d.daysSupply !== null &&
                      ` · ${t('pharmacy.dispensing.forDays', { count: d.daysSupply })}`}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {t('pharmacy.dispensing.recordedBy', { name: d.recordedBy.displayName })}
                  </Text>
                  {d.note !== null && <Text size="sm">{d.note}</Text>}
                  {d.voided !== null && (
                    <Text size="sm">
                      {t('pharmacy.dispensing.voidedBy', {
                        name: d.voided.by.displayName,
                        date: fmt.dateOf(d.voided.at),
                        reason: d.voided.reason,
                      })}
                    </Text>
                  )}
                </Stack>
                {canWrite && d.voided === null && (
                  <Button
                    variant="subtle"
                    color="red.9"
                    c="red.9"
                    size="md"
                    aria-label={t('pharmacy.dispensing.voidAria', {
                      date: fmt.dateTime(d.dispensedAt),
                    })}
                    onClick={() => {
                      setVoiding(d);
                    }}
                  >
                    {t('pharmacy.dispensing.void')}
                  </Button>
                )}
              </Group>
            </li>
          ))}
        </ul>
      )}
      {voiding !== null && (
        <VoidDialog
          patientId={patientId}
          dispensing={voiding}
          onClose={() => {
            setVoiding(null);
          }}
        />
      )}
    </Stack>
  );
}

function DispensingBody({
  patientId,
  data,
  canWrite,
}: {
  patientId: string;
  data: DispensingList;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  return (
    // Dates are the patient's, whoever looks.
    <DisplayTimeZoneContext value={data.timeZone}>
      <Stack gap="lg">
        <Text>{t('pharmacy.dispensing.intro')}</Text>
        {canWrite && <EarlyRefillNote patientId={patientId} />}
        <Supply supply={data.supply} />
        {canWrite && <DispensingForm patientId={patientId} zone={data.timeZone} />}
        <History patientId={patientId} dispensings={data.dispensings} canWrite={canWrite} />
      </Stack>
    </DisplayTimeZoneContext>
  );
}

/** Dispensing records with the supply estimate; pharmacists and prescribers record and void. */
export function DispensingPanel({ patientId, canWrite }: { patientId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const query = useDispensingQuery(patientId);
  return (
    <SharedSection
      id="pharmacy-dispensing-heading"
      title={t('pharmacy.dispensing.title')}
      query={query}
    >
      {(data) => <DispensingBody patientId={patientId} data={data} canWrite={canWrite} />}
    </SharedSection>
  );
}
