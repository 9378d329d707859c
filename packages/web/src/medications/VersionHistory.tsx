import { List, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RegimenResponse } from '../shared/api/types';
import { useFormatters } from '../shared/format';

/**
 * Every regimen version, newest first, with who entered it, when and why. `wording: 'changed'`
 * reads "changed by" (a prescriber's plan) instead of "entered by" (the patient's own record).
 */
export function VersionHistory({
  versions,
  wording = 'entered',
}: {
  versions: RegimenResponse['versions'];
  wording?: 'entered' | 'changed';
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  if (versions.length === 0) return null;
  const sorted = [...versions].sort((a, b) => b.version - a.version);
  return (
    <div>
      <Title order={3} fz="1.1rem" mb="xs">
        {t('medications.versionsHeading')}
      </Title>
      <List spacing="xs">
        {sorted.map((v) => {
          const values = {
            version: v.version,
            name: v.enteredBy.displayName,
            date: fmt.dateOf(v.createdAt),
            reason: v.reason,
          };
          return (
            <List.Item key={v.id}>
              {wording === 'changed'
                ? t('requests.changedBy', values)
                : t('medications.versionLine', values)}
            </List.Item>
          );
        })}
      </List>
    </div>
  );
}
