import { useState } from 'react';
import { Badge, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SourceList } from '../alerts/AlertDetails';
import { SharedSection } from '../clinician/SharedSection';
import { Note } from '../shared/components/Note';
import { useFormatters } from '../shared/format';
import { useUser } from '../shared/session';
import { DispenseIntervalCard } from './DispenseIntervalCard';
import { DispensePlanTable } from './DispensePlanTable';
import { assumedSettings, dispenseOverview, type AssumedSetting } from './dispenseView';
import type { TaperView } from './types';
import { useTaperQuery } from './useTaper';

/** The splitting and oral-syringe settings behind the plan, marked unconfirmed, with sources. */
function AssumedSettingsNote({ settings }: { settings: readonly AssumedSetting[] }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  if (settings.length === 0) return null;
  // The notes repeat per tablet strength: each distinct one once.
  const notes = [...new Set(settings.map((s) => s.note).filter((n) => n !== ''))];
  const sources = [
    ...new Map(
      settings.flatMap((s) => s.sources).map((s) => [`${s.id}|${s.status}|${s.locator ?? ''}`, s]),
    ).values(),
  ];
  return (
    <Note tone="warning" title={t('taperDispense.settings.title')}>
      <Stack gap="xs">
        <Text size="sm">{t('taperDispense.settings.intro')}</Text>
        <List size="sm">
          {settings.map((s) => (
            <List.Item key={s.kind === 'split' ? s.formulation : s.kind}>
              <Group gap="xs">
                <span>
                  {s.kind === 'split'
                    ? t(`taperDispense.settings.split_${s.value ? 'true' : 'false'}`, { mg: s.mg })
                    : t('taperDispense.settings.solutionStep', { ml: fmt.number(s.value) })}
                </span>
                {!s.confirmed && (
                  <Badge color="orange.9" tt="none">
                    {t('taperDispense.settings.unconfirmed')}
                  </Badge>
                )}
              </Group>
            </List.Item>
          ))}
        </List>
        {notes.map((n) => (
          <Text key={n} size="sm">
            {n}
          </Text>
        ))}
        <SourceList sources={sources} />
      </Stack>
    </Note>
  );
}

function DispenseBody({
  patientId,
  taper,
  canRecord,
}: {
  patientId: string;
  taper: TaperView;
  canRecord: boolean;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const [recorded, setRecorded] = useState(false);
  const { plan, version, signedBy, signedAt } = taper.current;
  const overview = dispenseOverview(plan, taper.today);
  const total = plan.steps.length;
  const cards = [
    overview.current === null
      ? null
      : {
          interval: overview.current,
          title: t('taperDispense.current', { step: overview.current.step.index + 1, total }),
        },
    overview.next === null
      ? null
      : {
          interval: overview.next,
          title: t('taperDispense.next', { step: overview.next.step.index + 1, total }),
        },
  ].filter((c) => c !== null);
  return (
    <Stack gap="md">
      <Text>
        {t('taperDispense.intro', {
          version,
          name: signedBy.displayName,
          date: fmt.dateOf(signedAt),
        })}
      </Text>
      <Text fw={600}>{t(`taperDispense.status.${taper.status}`)}</Text>
      <AssumedSettingsNote settings={assumedSettings(plan)} />
      {overview.planWarnings
        .filter((w) => w.code !== 'TAPER_HALVES_ASSUMED')
        .map((w) => (
          <Note key={w.code} title={t('taperDispense.warningsTitle')}>
            <Text size="sm">{w.message}</Text>
            <SourceList sources={w.sources} />
          </Note>
        ))}
      {overview.current === null && overview.next !== null && (
        <Text>{t('taperDispense.noCurrent')}</Text>
      )}
      <Text role="status" fw={600}>
        {recorded ? t('taperDispense.recorded') : ''}
      </Text>
      {cards.map((c) => (
        <DispenseIntervalCard
          key={c.interval.step.index}
          patientId={patientId}
          taperId={taper.id}
          title={c.title}
          interval={c.interval}
          canRecord={canRecord}
          onRecorded={() => {
            setRecorded(true);
          }}
        />
      ))}
      <DispensePlanTable
        intervals={overview.all}
        currentIndex={overview.current?.step.index ?? null}
      />
    </Stack>
  );
}

/**
 * The pharmacist's view of the signed taper (issue 5 item 5): per interval and formulation what
 * to dispense, the switch to the oral solution where tablets cannot make a step, and the
 * dispensing settings the plan assumed. Current and next intervals first, the whole plan behind
 * a disclosure. Pharmacists and prescribers may record a dispensing linked to the taper.
 */
export function TaperDispenseSection({ patientId }: { readonly patientId: string }) {
  const { t } = useTranslation();
  const user = useUser();
  const query = useTaperQuery(patientId);
  const canRecord =
    user.role === 'clinician' &&
    (user.discipline === 'pharmacist' || user.discipline === 'prescriber');
  return (
    <SharedSection id="taper-dispense-heading" title={t('taperDispense.title')} query={query}>
      {(taper) =>
        taper === null ? (
          <Text c="dimmed">{t('taperDispense.none')}</Text>
        ) : (
          <DispenseBody patientId={patientId} taper={taper} canRecord={canRecord} />
        )
      }
    </SharedSection>
  );
}
