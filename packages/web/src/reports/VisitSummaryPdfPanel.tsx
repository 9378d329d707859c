import { useId, useState } from 'react';
import { Alert, Button, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { saveFile } from '../shared/api/files';
import { CheckGroup } from '../shared/components/CheckGroup';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { OptionGroup } from '../shared/components/OptionGroup';
import { useFormatters } from '../shared/format';
import {
  PAPER_SIZES,
  PRESETS,
  PRESET_IDS,
  REPORT_SECTIONS,
  choiceProblem,
  defaultPaper,
  defaultPeriod,
  fetchReport,
  presetOf,
  reportFilename,
  type PaperSize,
  type PresetId,
  type ReportChoice,
  type ReportSection,
} from './visitSummary';

const CUSTOM = 'custom';

interface Props {
  readonly patientId: string;
  /** The patient's IANA zone: the period is in their days. */
  readonly zone: string;
  /** The preset offered first (the clinician's discipline); null: every section. */
  readonly preset: PresetId | null;
  /** Heading level where the panel sits (2 on its own page section, 3 inside one). */
  readonly order: 2 | 3;
  readonly forPatient: boolean;
}

/**
 * "Download visit summary (PDF)": the period, a preset per discipline or a custom choice of
 * sections, the paper size; the file is fetched, then saved. Progress and errors are announced.
 */
export function VisitSummaryPdfPanel({ patientId, zone, preset, order, forPatient }: Props) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const headingId = useId();
  const initial = defaultPeriod(new Date(), zone);
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [sections, setSections] = useState<readonly ReportSection[]>(
    PRESETS[preset ?? 'prescriber'],
  );
  const [paper, setPaper] = useState<PaperSize>(defaultPaper(fmt.locale));
  const [problem, setProblem] = useState<ReturnType<typeof choiceProblem>>(null);
  const [announcement, setAnnouncement] = useState('');
  const download = useMutation({
    mutationFn: async (choice: ReportChoice) => {
      saveFile(await fetchReport(patientId, choice), reportFilename(choice));
    },
    onSuccess: () => {
      setAnnouncement(t('reports.done'));
    },
  });

  const submit = (e: React.SyntheticEvent) => {
    e.preventDefault();
    const choice: ReportChoice = { from, to, sections, paper };
    const found = choiceProblem(choice);
    setProblem(found);
    setAnnouncement('');
    if (found === null) download.mutate(choice);
  };
  const current = presetOf(sections) ?? CUSTOM;

  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
      <Title order={order} fz={order === 2 ? '1.35rem' : '1.15rem'} id={headingId}>
        {t('reports.heading')}
      </Title>
      <Text size="sm">{forPatient ? t('reports.introPatient') : t('reports.introMember')}</Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Group gap="sm" grow preventGrowOverflow={false} wrap="wrap">
            <TextInput
              type="date"
              size="md"
              label={t('reports.from')}
              required
              value={from}
              max={to}
              error={problem === 'period' || problem === 'tooLong'}
              onChange={(e) => {
                setFrom(e.currentTarget.value);
              }}
            />
            <TextInput
              type="date"
              size="md"
              label={t('reports.to')}
              required
              value={to}
              min={from}
              error={problem === 'period' || problem === 'tooLong'}
              onChange={(e) => {
                setTo(e.currentTarget.value);
              }}
            />
          </Group>
          <Text size="sm">{t('reports.zone', { zone })}</Text>
          <NativeSelect
            size="md"
            label={t('reports.preset')}
            description={t('reports.presetHint')}
            value={current}
            data={[
              ...PRESET_IDS.map((id) => ({ value: id, label: t(`reports.presets.${id}`) })),
              { value: CUSTOM, label: t('reports.presets.custom'), disabled: true },
            ]}
            onChange={(e) => {
              const value = e.currentTarget.value;
              const id = PRESET_IDS.find((p) => p === value);
              if (id !== undefined) setSections(PRESETS[id]);
            }}
          />
          <CheckGroup
            legend={t('reports.sectionsLegend')}
            options={REPORT_SECTIONS.map((s) => ({ value: s, label: t(`reports.sections.${s}`) }))}
            values={sections}
            onChange={setSections}
          />
          <Text size="sm">{t('reports.alwaysIncluded')}</Text>
          <OptionGroup
            legend={t('reports.paperLegend')}
            options={PAPER_SIZES.map((p) => ({ value: p, label: t(`reports.paper.${p}`) }))}
            value={paper}
            onChange={setPaper}
            columns={2}
          />
          {problem !== null && (
            <Alert color="red" variant="light" role="alert">
              {t(`reports.errors.${problem}`)}
            </Alert>
          )}
          {download.isError && <ErrorAlert error={download.error} title={t('reports.failed')} />}
          <Button type="submit" size="md" w="fit-content" loading={download.isPending}>
            {t('reports.download')}
          </Button>
          <div role="status" className="sd-visually-hidden">
            {download.isPending ? t('reports.generating') : announcement}
          </div>
          {download.isPending && <Text size="sm">{t('reports.generating')}</Text>}
        </Stack>
      </form>
    </Stack>
  );
}
