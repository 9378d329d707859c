import { TextInput } from '@mantine/core';

/** The six-digit code of an authenticator app (a space in the middle is allowed). */
export function TotpCodeInput({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <TextInput
      size="lg"
      label={label}
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={7}
      value={value}
      onChange={(e) => {
        onChange(e.currentTarget.value);
      }}
    />
  );
}
