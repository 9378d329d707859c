import { PasswordInput, TextInput, type PasswordInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface FieldProps {
  value: string;
  error: string | null;
  onChange: (value: string) => void;
}

/** The e-mail field of the sign-in and registration forms. */
export function EmailField({ value, error, onChange }: FieldProps) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t('auth.email')}
      type="email"
      autoComplete="email"
      inputMode="email"
      required
      value={value}
      error={error}
      onChange={(e) => {
        onChange(e.currentTarget.value);
      }}
    />
  );
}

/** The password field (with its labelled show/hide toggle) of the sign-in and registration forms. */
export function PasswordField({
  value,
  error,
  onChange,
  ...rest
}: FieldProps & Pick<PasswordInputProps, 'autoComplete' | 'description' | 'minLength'>) {
  const { t } = useTranslation();
  return (
    <PasswordInput
      label={t('auth.password')}
      {...rest}
      required
      visibilityToggleButtonProps={{ 'aria-label': t('auth.togglePassword') }}
      visibilityToggleFocusable
      rightSectionWidth={52}
      style={{ '--psi-button-size': '2.75rem' }}
      value={value}
      error={error}
      onChange={(e) => {
        onChange(e.currentTarget.value);
      }}
    />
  );
}
