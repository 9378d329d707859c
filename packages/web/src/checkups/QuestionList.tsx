import type { ReactNode } from 'react';
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../shared/format';
import type { VisitQuestion } from './types';

/** The patient's questions as a list; `actions` adds the buttons a viewer may use on each. */
export function QuestionList({
  questions,
  actions,
}: {
  questions: readonly VisitQuestion[];
  actions?: (question: VisitQuestion) => ReactNode;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  return (
    <ul className="sd-timeline">
      {questions.map((q) => (
        <li key={q.id}>
          <Stack gap={4}>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{q.text}</Text>
            {q.answered !== null && (
              <Text size="sm" c="dimmed">
                {t('checkups.questions.answeredBy', {
                  name: q.answered.by.displayName,
                  date: fmt.dateOf(q.answered.at),
                })}
              </Text>
            )}
            {actions?.(q)}
          </Stack>
        </li>
      ))}
    </ul>
  );
}
