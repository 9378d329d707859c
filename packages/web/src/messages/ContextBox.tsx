import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ThreadContext } from './api';

/** What a conversation is about ("tell my care team"), shown above its messages. */
export function ContextBox({
  context,
  label,
  hint,
}: {
  context: ThreadContext;
  label: string;
  hint?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="sd-msg-context">
      <Text fw={700} size="sm">
        {label}
      </Text>
      <Text>
        <strong>{t(`messages.context.kind.${context.kind}`)}</strong>
        {' — '}
        {context.summary}
      </Text>
      {hint !== undefined && (
        <Text size="sm" mt={4}>
          {hint}
        </Text>
      )}
    </div>
  );
}
