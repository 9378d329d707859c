import { lazy, Suspense, useMemo } from 'react';
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { Loading } from '../shared/components/Loading';
import { useFormatters } from '../shared/format';
import { withdrawalChartOption } from './patientLogic';
import { TaperPanel } from './TaperPanel';
import { useTaperCheckIns, type StepScores } from './useCheckIns';

const EChart = lazy(() => import('../shared/components/EChart'));

/** The same numbers as the chart, for screen readers and print. */
function StepTable({ byStep }: { byStep: readonly StepScores[] }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table striped>
        <Table.Caption>{t('taperPatient.chart.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('taperPatient.chart.colStep')}</Table.Th>
            <Table.Th scope="col">{t('taperPatient.chart.colStart')}</Table.Th>
            <Table.Th scope="col">{t('taperPatient.chart.colDose')}</Table.Th>
            <Table.Th scope="col">{t('taperPatient.chart.colScores')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {byStep.map((s) => (
            <Table.Tr key={s.stepIndex}>
              <Table.Th scope="row">{s.stepIndex + 1}</Table.Th>
              <Table.Td>{fmt.localDateFull(s.startDate)}</Table.Td>
              <Table.Td>{t('taperPatient.chart.mg', { mg: fmt.number(s.dailyTotalMg) })}</Table.Td>
              <Table.Td>
                {s.scores.length === 0
                  ? t('taperPatient.chart.noScores')
                  : s.scores
                      .map((x) =>
                        t('taperPatient.chart.score', {
                          day: x.daysAfterStep,
                          total: fmt.number(x.total),
                        }),
                      )
                      .join('; ')}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Withdrawal-checklist totals per taper step with the daily dose, for the prescriber's Taper tab. */
export function WithdrawalByStep({ patientId }: { readonly patientId: string }) {
  const { t } = useTranslation();
  const checkIns = useTaperCheckIns(patientId);
  const byStep = checkIns.data?.byStep;
  const option = useMemo(
    () =>
      withdrawalChartOption(byStep ?? [], {
        step: (n) => t('taperPatient.chart.step', { n }),
        dose: t('taperPatient.chart.dose'),
        highest: t('taperPatient.chart.highest'),
      }),
    [byStep, t],
  );
  return (
    <TaperPanel id="withdrawal-by-step-heading" title={t('taperPatient.chart.heading')}>
      {checkIns.isPending ? (
        <Loading />
      ) : checkIns.isError ? (
        <ErrorAlert error={checkIns.error} />
      ) : checkIns.data.byStep.length === 0 ? (
        <Text>{t('taperPatient.chart.empty')}</Text>
      ) : (
        <>
          <Suspense fallback={<Loading />}>
            <EChart option={option} label={t('taperPatient.chart.label')} />
          </Suspense>
          <StepTable byStep={checkIns.data.byStep} />
        </>
      )}
      <Text size="sm">{t('taperPatient.chart.note')}</Text>
    </TaperPanel>
  );
}
