import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { useUser } from '../shared/session';
import { EXPORT_KINDS, useDownload, type ExportKind } from './api';

const HEADING_ID = 'exports-heading';

/**
 * Buttons that download exports, with one announced status line: "Preparing…", "downloaded",
 * or the error. Used by the exports section and as the final export before a deletion.
 */
export function ExportButtons({ kinds }: { kinds: readonly ExportKind[] }) {
  const { t } = useTranslation();
  const download = useDownload();
  const what = (kind: ExportKind) => t(`portability.exports.${kind}`);
  return (
    <Stack gap="sm">
      {kinds.map((kind) => (
        <div key={kind}>
          <Button
            variant="outline"
            mih={44}
            loading={download.isPending && download.variables === kind}
            disabled={download.isPending}
            aria-describedby={`export-${kind}-hint`}
            onClick={() => {
              download.mutate(kind);
            }}
          >
            {what(kind)}
          </Button>
          <Text size="sm" c="dimmed" id={`export-${kind}-hint`} mt={4}>
            {t(`portability.exports.${kind}Hint`)}
          </Text>
        </div>
      ))}
      <div role="status">
        {download.isPending && (
          <Text>{t('portability.exports.downloading', { what: what(download.variables) })}</Text>
        )}
        {download.isSuccess && (
          <Text c="var(--sd-ok)" fw={600}>
            {t('portability.exports.done', { what: what(download.data) })}
          </Text>
        )}
      </div>
      {download.isError && (
        <ErrorAlert error={download.error} title={t('portability.exports.failed')} />
      )}
    </Stack>
  );
}

export function ExportSection() {
  const { t } = useTranslation();
  const user = useUser();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={HEADING_ID}>
      <Stack gap="md">
        <Title order={2} fz="1.35rem" id={HEADING_ID}>
          {t('portability.exports.heading')}
        </Title>
        <Text>{t('portability.exports.intro', { zone: user.timeZone })}</Text>
        <ExportButtons kinds={EXPORT_KINDS} />
      </Stack>
    </Paper>
  );
}
