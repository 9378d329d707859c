import { useState } from 'react';
import { Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CareTeamMember } from '../shared/api/types';
import { AppDialog } from '../shared/components/AppDialog';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { Loading } from '../shared/components/Loading';
import { useFormatters } from '../shared/format';
import { MemberCard } from './MemberCard';
import { useCareTeamQuery, useRemoveMember } from './useCareTeam';

const HEADING_ID = 'members-heading';

function FormerMembers({ members }: { members: readonly CareTeamMember[] }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  if (members.length === 0) return null;
  return (
    <div>
      <Title order={3} fz="1.1rem" mb="xs">
        {t('careTeam.formerHeading')}
      </Title>
      <List spacing="xs">
        {members.map((m) => (
          <List.Item key={m.linkId}>
            {t('careTeam.formerLine', {
              name: m.member.displayName,
              date: m.revokedAt === null ? '' : fmt.dateOf(m.revokedAt),
            })}
          </List.Item>
        ))}
      </List>
    </div>
  );
}

export function MembersSection() {
  const { t } = useTranslation();
  const team = useCareTeamQuery();
  const remove = useRemoveMember();
  const [removing, setRemoving] = useState<CareTeamMember | null>(null);
  const [announcement, setAnnouncement] = useState('');

  let body: React.ReactNode;
  if (team.isPending) body = <Loading />;
  else if (team.isError) body = <ErrorAlert error={team.error} title={t('errors.loadFailed')} />;
  else {
    const active = team.data.filter((m) => m.status === 'active');
    body = (
      <Stack gap="md">
        {active.length === 0 ? (
          <Text>{t('careTeam.empty')}</Text>
        ) : (
          active.map((m) => (
            <MemberCard
              key={m.linkId}
              member={m}
              onRemove={(member) => {
                remove.reset();
                setRemoving(member);
              }}
            />
          ))
        )}
        <FormerMembers members={team.data.filter((m) => m.status === 'revoked')} />
      </Stack>
    );
  }

  return (
    <section aria-labelledby={HEADING_ID}>
      <Stack gap="md">
        <div>
          <Title order={2} fz="1.35rem" id={HEADING_ID} tabIndex={-1}>
            {t('careTeam.membersHeading')}
          </Title>
          <div role="status">
            {announcement !== '' && (
              <Paper
                p="sm"
                mt="sm"
                radius="md"
                withBorder
                style={{ borderLeft: '4px solid var(--mantine-color-green-9)' }}
              >
                <Text c="var(--sd-ok)" fw={600}>
                  {announcement}
                </Text>
              </Paper>
            )}
          </div>
        </div>
        {body}
      </Stack>
      {removing !== null && (
        <AppDialog
          title={t('careTeam.removeTitle', { name: removing.member.displayName })}
          onClose={() => {
            setRemoving(null);
          }}
        >
          <Stack>
            <Text>{t('careTeam.removeBody', { name: removing.member.displayName })}</Text>
            {remove.isError && <ErrorAlert error={remove.error} />}
            <Group grow>
              <Button
                variant="default"
                data-autofocus
                onClick={() => {
                  setRemoving(null);
                }}
              >
                {t('careTeam.removeCancel')}
              </Button>
              <Button
                color="red.9"
                loading={remove.isPending}
                onClick={() => {
                  const name = removing.member.displayName;
                  remove.mutate(removing.linkId, {
                    onSuccess: () => {
                      setRemoving(null);
                      setAnnouncement(t('careTeam.removed', { name }));
                      // The member's card (and its Remove button) is gone: land on the list.
                      requestAnimationFrame(() => {
                        document.getElementById(HEADING_ID)?.focus();
                      });
                    },
                  });
                }}
              >
                {t('careTeam.removeConfirm')}
              </Button>
            </Group>
          </Stack>
        </AppDialog>
      )}
    </section>
  );
}
