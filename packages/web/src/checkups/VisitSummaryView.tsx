import type { ReactNode } from 'react';
import { Button, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Note } from '../shared/components/Note';
import { useFormatters } from '../shared/format';
import { useCheckupWords } from './CheckupItem';
import { direction, percent } from './checkups';
import { QuestionList } from './QuestionList';
import type { VisitQuestion, VisitSummary } from './types';

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={4}>
      <Title order={4} fz="1.05rem">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/**
 * "Since the last visit" for a clinician: each part the patient shares, and a plain line naming
 * the parts that are not shared. `answerable` tells which questions the viewer may mark answered.
 */
export function VisitSummaryView({
  summary,
  answerable,
  onAnswer,
  answering,
}: {
  summary: VisitSummary;
  answerable: (question: VisitQuestion) => boolean;
  onAnswer: (question: VisitQuestion) => void;
  answering: string | null;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const words = useCheckupWords();
  const { period, doseChanges, adherence, pain, sideEffects, alerts, questions, hidden } = summary;
  const moved = (d: ReturnType<typeof direction>) =>
    d === null ? '' : t(`checkups.summary.direction.${d}`);

  return (
    <Stack gap="md">
      <Text fw={600}>
        {period.appointment === null
          ? t('checkups.summary.since30', { date: fmt.localDateLong(period.fromDate) })
          : t('checkups.summary.sinceVisit', {
              when: words.when(period.appointment),
              with: words.with(period.appointment),
            })}
      </Text>
      {hidden.length > 0 && (
        <Note>
          {t('checkups.summary.hidden', {
            parts: hidden.map((p) => t(`checkups.summary.part.${p}`)).join(', '),
          })}
        </Note>
      )}

      {doseChanges !== null && (
        <Part title={t('checkups.summary.part.doseChanges')}>
          {doseChanges.before !== null && (
            <Text>
              {t('checkups.summary.doseBefore', { mg: fmt.number(doseChanges.before.dailyMg) })}
            </Text>
          )}
          {doseChanges.versions.length === 0 ? (
            <Text>{t('checkups.summary.noDoseChange')}</Text>
          ) : (
            <List spacing={4}>
              {doseChanges.versions.map((v) => (
                <List.Item key={v.id}>
                  {t('checkups.summary.doseChange', {
                    mg: fmt.number(v.dailyMg),
                    start: fmt.localDateShort(v.startDate),
                    reason: v.reason,
                    name: v.enteredBy.displayName,
                    date: fmt.dateOf(v.createdAt),
                  })}
                </List.Item>
              ))}
            </List>
          )}
        </Part>
      )}

      {adherence !== null && (
        <Part title={t('checkups.summary.part.adherence')}>
          <Text>
            {adherence.since === null
              ? t('checkups.summary.noDosesDue')
              : t('checkups.summary.adherenceSince', { percent: percent(adherence.since) })}{' '}
            {adherence.before !== null &&
              t('checkups.summary.adherenceBefore', { percent: percent(adherence.before) })}
          </Text>
        </Part>
      )}

      {pain !== null && (
        <Part title={t('checkups.summary.part.pain')}>
          <Text>
            {pain.since === null
              ? t('checkups.summary.noCheckIns')
              : t('checkups.summary.painSince', {
                  pain: fmt.number(pain.since),
                  count: pain.checkIns,
                })}{' '}
            {pain.before !== null &&
              t('checkups.summary.painBefore', { pain: fmt.number(pain.before) })}{' '}
            {moved(direction(pain))}
          </Text>
        </Part>
      )}

      {sideEffects !== null && (
        <Part title={t('checkups.summary.part.sideEffects')}>
          {sideEffects.changes.length === 0 && sideEffects.other.length === 0 ? (
            <Text>{t('checkups.summary.noSideEffectChange')}</Text>
          ) : (
            <List spacing={4}>
              {sideEffects.changes.map((c) => (
                <List.Item key={c.key}>
                  {c.change === 'appeared'
                    ? t('checkups.summary.appeared', {
                        name: t(`checkin.sideEffect.${c.key}`),
                        since: t(`checkin.severity.${c.since}`).toLowerCase(),
                      })
                    : t('checkups.summary.worsened', {
                        name: t(`checkin.sideEffect.${c.key}`),
                        before: t(`checkin.severity.${c.before ?? 'none'}`).toLowerCase(),
                        since: t(`checkin.severity.${c.since}`).toLowerCase(),
                      })}
                </List.Item>
              ))}
              {sideEffects.other.map((o) => (
                <List.Item key={o.at}>
                  {t('checkups.summary.other', {
                    text: o.text,
                    severity: t(`checkin.severity.${o.severity}`).toLowerCase(),
                    date: fmt.dayOf(o.at),
                  })}
                </List.Item>
              ))}
            </List>
          )}
        </Part>
      )}

      <Part title={t('checkups.summary.alertsHeading')}>
        {alerts.opened.length === 0 && alerts.resolved.length === 0 ? (
          <Text>{t('checkups.summary.noAlerts')}</Text>
        ) : (
          <List spacing={4}>
            {alerts.opened.map((a) => (
              <List.Item key={`o-${a.id}`}>
                {t('checkups.summary.alertOpened', { title: a.title, date: fmt.dayOf(a.at) })}
              </List.Item>
            ))}
            {alerts.resolved.map((a) => (
              <List.Item key={`r-${a.id}`}>
                {t('checkups.summary.alertResolved', { title: a.title, date: fmt.dayOf(a.at) })}
              </List.Item>
            ))}
          </List>
        )}
      </Part>

      <Part title={t('checkups.summary.questionsHeading')}>
        {questions.length === 0 ? (
          <Text>{t('checkups.summary.noQuestions')}</Text>
        ) : (
          <QuestionList
            questions={questions}
            actions={(q) =>
              answerable(q) && (
                <Button
                  variant="light"
                  w="fit-content"
                  loading={answering === q.id}
                  onClick={() => {
                    onAnswer(q);
                  }}
                >
                  {t('checkups.questions.markAnswered')}
                </Button>
              )
            }
          />
        )}
      </Part>
    </Stack>
  );
}
