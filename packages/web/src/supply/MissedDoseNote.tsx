import { Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUser } from '../shared/session';
import { useFormatters } from '../shared/format';
import { useInstructionQuery, type Instruction } from './api';
import { useSupplyText } from './useSupplyText';

/** An instruction with the line that says where it comes from (the prescriber, or the sources). */
export function InstructionText({ instruction }: { instruction: Instruction }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const text = useSupplyText();
  return (
    <Stack gap={2}>
      <Text>{instruction.text}</Text>
      <Text size="sm" c="dimmed">
        {instruction.isDefault || instruction.setAt === null
          ? t('supply.missed.fromDefault', { sources: text.sources(instruction.sources) })
          : t('supply.missed.fromPrescriber', {
              name: instruction.setBy?.displayName ?? '',
              date: fmt.dateOf(instruction.setAt),
            })}
      </Text>
    </Stack>
  );
}

/**
 * The missed-dose instruction in force for the signed-in patient (Today and the skip dialog):
 * the prescriber's newest, else Steady's sourced default. If it cannot load, a safe message
 * still says not to stop or change the dose alone.
 */
export function MissedDoseNote({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const { id } = useUser();
  const query = useInstructionQuery(id);
  if (query.isPending) return null;
  const body = query.isError ? (
    <Text>{t('supply.missed.loadFailed')}</Text>
  ) : (
    <InstructionText instruction={query.data.instruction} />
  );
  // In a dialog (inside its note): no heading of its own, the dialog has one.
  if (compact) {
    return (
      <Stack gap={4}>
        <Text fw={600}>{t('supply.missed.heading')}</Text>
        {body}
      </Stack>
    );
  }
  return (
    <Card withBorder radius="md" p="md" component="section" aria-labelledby="missed-dose-heading">
      <Stack gap="xs">
        <Title order={2} fz="1.125rem" id="missed-dose-heading">
          {t('supply.missed.heading')}
        </Title>
        {body}
      </Stack>
    </Card>
  );
}
