import type { ReactNode } from 'react';
import { Alert } from '@mantine/core';

/**
 * A non-urgent notice (role "note", not announced as an alert). Text stays near-black on the
 * tinted background so it passes AA whatever the tint.
 */
export function Note({
  tone = 'info',
  title,
  children,
}: {
  tone?: 'info' | 'warning';
  title?: string;
  children: ReactNode;
}) {
  const colour = tone === 'warning' ? 'orange' : 'blue';
  return (
    <Alert
      role="note"
      variant="light"
      color={colour}
      title={title}
      styles={{
        root: { borderLeft: `4px solid var(--mantine-color-${colour}-8)` },
        title: { color: 'var(--mantine-color-gray-9)' },
        message: { color: 'var(--mantine-color-gray-9)', fontSize: 'var(--mantine-font-size-md)' },
      }}
    >
      {children}
    </Alert>
  );
}
