import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SourceList } from '../alerts/AlertDetails';
import { SharedSection } from '../clinician/SharedSection';
import { useFormatters } from '../shared/format';
import {
  useMedicationReviewQuery,
  type FlaggedMedication,
  type InteractionFlag,
  type InteractionSeverity,
  type MedicationReviewList,
  type ReviewMark,
} from './api';

const SEVERITY_COLOUR: Record<InteractionSeverity, string> = {
  critical: 'red',
  high: 'orange',
  moderate: 'yellow',
  low: 'blue',
};

/** The severity of an interaction class as a badge; "Not graded" where the reference gives none. */
export function SeverityBadge({ severity }: { severity: InteractionSeverity | null }) {
  const { t } = useTranslation();
  return severity === null ? (
    <Badge color="gray" variant="light" c="dark" tt="none">
      {t('pharmacy.meds.notGraded')}
    </Badge>
  ) : (
    <Badge color={SEVERITY_COLOUR[severity]} variant="light" c="dark" tt="none">
      {t(`pharmacy.meds.severity.${severity}`)}
    </Badge>
  );
}

function Flag({ flag }: { flag: InteractionFlag }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <SeverityBadge severity={flag.severity} />
        <Text fw={600}>{flag.name}</Text>
      </Group>
      <Text size="sm">{flag.advice}</Text>
      {flag.matched.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('pharmacy.meds.matched', { names: flag.matched.join(', ') })}
        </Text>
      )}
      <SourceList sources={flag.sources} />
    </Stack>
  );
}

function MarkLine({
  mark,
  kind,
}: {
  mark: ReviewMark;
  kind: 'reconciled' | 'interactionsReviewed';
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  return (
    <Text size="sm">
      {t(`pharmacy.meds.${kind}`, {
        date: fmt.dateOf(mark.at),
        name: mark.by.displayName,
        decision: t(`pharmacy.decision.${mark.decision}`),
      })}
      {mark.note !== null && ` · ${mark.note}`}
    </Text>
  );
}

function MedicationItem({ medication: m }: { medication: FlaggedMedication }) {
  const { t } = useTranslation();
  const detail = [m.dose, m.frequency].filter((s) => s !== null).join(' · ');
  return (
    <li>
      <Stack gap="xs">
        <div>
          <Title order={3} fz="1.05rem">
            {m.name}
          </Title>
          {detail !== '' && <Text size="sm">{detail}</Text>}
        </div>
        {m.flags.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('pharmacy.meds.noFlags')}
          </Text>
        ) : (
          m.flags.map((f) => <Flag key={f.classId} flag={f} />)
        )}
        {m.lastReconciliation !== null && (
          <MarkLine mark={m.lastReconciliation} kind="reconciled" />
        )}
        {m.lastInteractionReview !== null && (
          <MarkLine mark={m.lastInteractionReview} kind="interactionsReviewed" />
        )}
        {m.flags.length > 0 &&
          (m.lastInteractionReview === null ? (
            <Text size="sm" fw={600}>
              {t('pharmacy.meds.notReviewed')}
            </Text>
          ) : (
            !m.interactionReviewCurrent && (
              <Text size="sm" fw={600}>
                {t('pharmacy.meds.flagsChanged')}
              </Text>
            )
          ))}
      </Stack>
    </li>
  );
}

/** The list itself, for a section that already has its heading. */
export function MedicationFlagsBody({ data }: { data: MedicationReviewList }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Text>{t('pharmacy.meds.intro')}</Text>
      {data.highestSeverity !== null && (
        <Group gap="xs">
          <Text fw={600}>{t('pharmacy.meds.highest')}</Text>
          <SeverityBadge severity={data.highestSeverity} />
        </Group>
      )}
      {data.medications.length === 0 ? (
        <Text c="dimmed">{t('pharmacy.meds.none')}</Text>
      ) : (
        <ul className="sd-timeline">
          {data.medications.map((m) => (
            <MedicationItem key={m.id} medication={m} />
          ))}
        </ul>
      )}
    </Stack>
  );
}

/**
 * The patient's other medicines with their interaction flags (severity, what to do, sources)
 * and their last reviews. Read-only; shown on the patient chart to every clinician with the
 * medications consent, and in the pharmacist's workspace.
 */
export function MedicationListWithFlags({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const query = useMedicationReviewQuery(patientId);
  return (
    <SharedSection id="pharmacy-meds-heading" title={t('pharmacy.meds.title')} query={query}>
      {(data) => <MedicationFlagsBody data={data} />}
    </SharedSection>
  );
}
