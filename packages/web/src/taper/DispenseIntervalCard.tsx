import { useId, useState } from 'react';
import { Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SourceList } from '../alerts/AlertDetails';
import { Note } from '../shared/components/Note';
import { useFormatters } from '../shared/format';
import type { DispenseInterval, SupplyLine } from './dispenseView';
import { RecordTaperDispensing } from './RecordTaperDispensing';
import { useDispenseText } from './useDispenseText';

/** The planner's dispensing warnings about one step, each with its sources. */
export function StepWarnings({ interval }: { interval: DispenseInterval }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const others = interval.warnings.filter((w) => w.code !== 'TAPER_SWITCHED_TO_LIQUID');
  const switched = interval.warnings.find((w) => w.code === 'TAPER_SWITCHED_TO_LIQUID');
  return (
    <>
      {interval.switchesToLiquid && (
        <Note tone="warning" title={t('taperDispense.switch.title')}>
          <Text>
            {t('taperDispense.switch.text', { date: fmt.localDateLong(interval.step.startDate) })}
          </Text>
          {switched !== undefined && (
            <>
              <Text size="sm">{switched.message}</Text>
              <SourceList sources={switched.sources} />
            </>
          )}
        </Note>
      )}
      {others.length > 0 && (
        <Note title={t('taperDispense.warningsTitle')}>
          <Stack gap="xs">
            {others.map((w) => (
              <div key={w.code}>
                <Text size="sm">{w.message}</Text>
                <SourceList sources={w.sources} />
              </div>
            ))}
          </Stack>
        </Note>
      )}
    </>
  );
}

/**
 * One interval of the plan as the pharmacy supplies it: dates, what is taken at each dose time,
 * what to supply per formulation (with "Record this dispensing" for those who record), and the
 * planner's notes, the switch to the oral solution first.
 */
export function DispenseIntervalCard({
  patientId,
  taperId,
  title,
  interval,
  canRecord,
  onRecorded,
}: {
  patientId: string;
  taperId: string;
  title: string;
  interval: DispenseInterval;
  canRecord: boolean;
  onRecorded: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const text = useDispenseText();
  const headingId = useId();
  const [recording, setRecording] = useState<SupplyLine | null>(null);
  const { step } = interval;
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-labelledby={headingId}
      style={
        interval.switchesToLiquid
          ? { borderLeft: '4px solid var(--mantine-color-orange-8)' }
          : undefined
      }
    >
      <Stack gap="sm">
        <Title order={3} fz="1.15rem" id={headingId}>
          {title}
        </Title>
        <Text>{text.dates(interval)}</Text>
        <Text fw={700}>{t('taperDispense.daily', { mg: fmt.number(step.dailyTotalMg) })}</Text>
        <StepWarnings interval={interval} />
        {interval.lines.length === 0 ? (
          <Text>{t('taperDispense.nothing')}</Text>
        ) : (
          <>
            <div>
              <Text fw={600}>{t('taperDispense.dosesTitle')}</Text>
              <List>
                {step.doses.map((d) => (
                  <List.Item key={d.time}>
                    {t('taperDispense.doseLine', {
                      time: fmt.localTime(d.time),
                      mg: fmt.number(d.amountMg),
                      pieces: text.pieces(d.dispense),
                    })}
                  </List.Item>
                ))}
              </List>
            </div>
            <div>
              <Text fw={600}>{t('taperDispense.supplyTitle', { count: interval.days })}</Text>
              <ul className="sd-timeline">
                {interval.lines.map((line) => (
                  <li key={line.formulation}>
                    <Group justify="space-between" gap="xs" py={4}>
                      <Text>{text.supply(line)}</Text>
                      {canRecord && (
                        <Button
                          variant="light"
                          size="md"
                          aria-label={t('taperDispense.recordAria', {
                            what: text.supply(line),
                            step: step.index + 1,
                          })}
                          onClick={() => {
                            setRecording(line);
                          }}
                        >
                          {t('taperDispense.record')}
                        </Button>
                      )}
                    </Group>
                  </li>
                ))}
              </ul>
            </div>
          </>
        )}
      </Stack>
      {recording !== null && (
        <RecordTaperDispensing
          patientId={patientId}
          taperId={taperId}
          interval={interval}
          line={recording}
          onClose={() => {
            setRecording(null);
          }}
          onSaved={() => {
            setRecording(null);
            onRecorded();
          }}
        />
      )}
    </Paper>
  );
}
