import type { ReactNode } from 'react';
import { Paper, Stack, Title } from '@mantine/core';

/**
 * A titled, bordered region of a taper page, named by its heading. Level 2 on the patient's
 * Taper page, level 3 inside the clinician's Taper tab (under the tab's own h2).
 */
export function TaperPanel({
  id,
  title,
  level = 3,
  children,
}: {
  id: string;
  title: string;
  level?: 2 | 3;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Stack gap={level === 2 ? 'sm' : 'md'}>
        <Title order={level} fz={level === 2 ? '1.25rem' : '1.2rem'} id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}
