import { useState } from 'react';
import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CareTeamMember, ConsentCategory } from '../shared/api/types';
import { ConsentSwitches } from '../shared/components/ConsentSwitches';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { useFormatters } from '../shared/format';
import { useMemberWords } from '../shared/memberKind';
import { useUpdateConsent } from './useCareTeam';

type Feedback = { ok: true; text: string } | { ok: false; error: unknown };

/** One active member: who they are, what they see (switches that save at once), and Remove. */
export function MemberCard({
  member,
  onRemove,
}: {
  member: CareTeamMember;
  onRemove: (member: CareTeamMember) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const words = useMemberWords();
  const update = useUpdateConsent();
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const name = member.member.displayName;
  const kind = words.kind(member.member);

  const change = (category: ConsentCategory, shared: boolean) => {
    const text = t(shared ? 'consent.nowShared' : 'consent.nowHidden', {
      name,
      category: t(`consent.category.${category}.inline`),
    });
    update.mutate(
      { linkId: member.linkId, consent: { ...member.consent, [category]: shared } },
      {
        onSuccess: () => {
          setFeedback({ ok: true, text });
        },
        onError: (error) => {
          setFeedback({ ok: false, error });
        },
      },
    );
  };

  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="article"
      aria-labelledby={`member-${member.linkId}`}
    >
      <Stack gap="md">
        <div>
          <Title order={3} fz="1.2rem" id={`member-${member.linkId}`}>
            {name}
          </Title>
          <Text>
            {member.member.clinicName
              ? t('member.kindWithClinic', { kind, clinic: member.member.clinicName })
              : kind}
          </Text>
          <Text size="sm" c="dimmed">
            {t('careTeam.since', { date: fmt.dateOf(member.since) })}
          </Text>
          {member.member.active === false && (
            <Text size="sm" fw={600} mt={4}>
              {t('careTeam.inactive', { name })}
            </Text>
          )}
        </div>
        <ConsentSwitches
          legend={t('careTeam.sharingLegend', { name })}
          value={member.consent}
          sharedWith={name}
          onChange={change}
        />
        <div role="status">
          {feedback?.ok === true && (
            <Text c="var(--sd-ok)" fw={600}>
              {feedback.text}
            </Text>
          )}
        </div>
        {feedback?.ok === false && (
          <ErrorAlert error={feedback.error} title={t('consent.saveFailed', { name })} />
        )}
        <Button
          variant="outline"
          color="red.9"
          c="red.9"
          w="fit-content"
          aria-label={t('careTeam.removeAria', { name })}
          onClick={() => {
            onRemove(member);
          }}
        >
          {t('careTeam.remove')}
        </Button>
      </Stack>
    </Paper>
  );
}
