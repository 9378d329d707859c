import { useId, useRef, useState } from 'react';
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A read-only value (code, link, password) with a Copy button and an announced result. */
export function CopyField({
  label,
  value,
  copyLabel,
  look = 'plain',
}: {
  label: string;
  value: string;
  copyLabel: string;
  /** "code": big spaced letters; "mono": monospace, for passwords (tells l from 1). */
  look?: 'plain' | 'code' | 'mono';
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const statusId = useId();
  const [status, setStatus] = useState<'copied' | 'failed' | null>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setStatus('copied');
    } catch {
      // No clipboard (insecure context, permission refused): select the text for the user instead.
      input.current?.select();
      setStatus('failed');
    }
  };

  return (
    <Stack gap={4}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          ref={input}
          label={label}
          value={value}
          readOnly
          style={{ flex: '1 1 14rem' }}
          classNames={
            look === 'plain' ? undefined : { input: look === 'code' ? 'sd-code' : 'sd-mono' }
          }
          aria-describedby={statusId}
          onFocus={(e) => {
            e.currentTarget.select();
          }}
        />
        <Button variant="outline" onClick={() => void copy()}>
          {copyLabel}
        </Button>
      </Group>
      <Text
        id={statusId}
        role="status"
        size="sm"
        fw={600}
        c={status === 'failed' ? 'red.9' : 'var(--sd-ok)'}
      >
        {status === 'copied'
          ? t('invitation.copied')
          : status === 'failed'
            ? t('invitation.copyFailed')
            : ''}
      </Text>
    </Stack>
  );
}
