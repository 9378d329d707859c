import { useState, type ReactNode } from 'react';
import { PasswordInput, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DialogForm } from '../shared/components/DialogForm';

/**
 * Signing a taper version: the prescriber confirms with their password. The dialog keeps the
 * request's error on top; closing it loses nothing (the form behind keeps its values).
 */
export function ConfirmSignature({
  title,
  summary,
  busy,
  error,
  onConfirm,
  onClose,
}: {
  title: string;
  summary: ReactNode;
  busy: boolean;
  error: unknown;
  onConfirm: (password: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <DialogForm
      title={title}
      onClose={onClose}
      error={error}
      busy={busy}
      submitLabel={t('taper.sign.submit')}
      onSubmit={() => {
        if (password === '') {
          setMissing(true);
          return;
        }
        onConfirm(password);
      }}
    >
      {summary}
      <Text size="sm">{t('taper.sign.explain')}</Text>
      <PasswordInput
        label={t('taper.sign.password')}
        autoComplete="current-password"
        required
        data-autofocus
        value={password}
        error={missing ? t('taper.sign.passwordMissing') : null}
        onChange={(e) => {
          setPassword(e.currentTarget.value);
          setMissing(false);
        }}
      />
    </DialogForm>
  );
}
