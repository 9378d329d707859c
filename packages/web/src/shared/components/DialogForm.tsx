import type { ReactNode } from 'react';
import { Button, Stack } from '@mantine/core';
import { AppDialog } from './AppDialog';
import { ErrorAlert } from './ErrorAlert';

/**
 * A dialog holding one form: the request's error on top, then the fields, then a large submit
 * button (busy while the request runs). `onSubmit` runs with the browser's submission prevented.
 */
export function DialogForm({
  title,
  onClose,
  error,
  busy,
  submitLabel,
  onSubmit,
  children,
}: {
  title: string;
  onClose: () => void;
  error: unknown;
  busy: boolean;
  submitLabel: string;
  onSubmit: () => void;
  children: ReactNode;
}) {
  return (
    <AppDialog title={title} onClose={onClose}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <Stack>
          {error !== null && <ErrorAlert error={error} />}
          {children}
          <Button type="submit" size="lg" loading={busy}>
            {submitLabel}
          </Button>
        </Stack>
      </form>
    </AppDialog>
  );
}
