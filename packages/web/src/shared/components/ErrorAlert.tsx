import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError, CLIENT_ERROR } from '../api/client';

interface FieldIssue {
  path: string;
  message: string;
}

function fieldIssues(details: unknown): FieldIssue[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((d: unknown) => {
    if (typeof d !== 'object' || d === null) return [];
    const { path, message } = d as { path?: unknown; message?: unknown };
    if (typeof message !== 'string') return [];
    const p = Array.isArray(path) ? path.join('.') : typeof path === 'string' ? path : '';
    return [{ path: p, message }];
  });
}

/** Shows an API error's safe message (or a friendly client-side one) in a clear, announced alert. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  let message = t('errors.unexpected');
  let issues: FieldIssue[] = [];
  if (error instanceof ApiError) {
    if (error.code === CLIENT_ERROR.network) message = t('errors.network');
    else if (error.message !== '') message = error.message;
    issues = fieldIssues(error.details);
  }
  return (
    <Alert color="red" variant="light" title={title ?? t('common.errorTitle')} role="alert">
      {message}
      {issues.length > 0 && (
        <List size="sm" mt="xs">
          {issues.map((issue) => (
            <List.Item key={`${issue.path}:${issue.message}`}>
              {issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
