import { Anchor, Text } from '@mantine/core';
import { Link } from 'wouter';
import { withJoin } from '../shared/layout/routes';

/** "Have an account? Sign in" and its reverse, carrying an invitation code (?join=) along. */
export function AuthSwitchLink({
  prompt,
  label,
  to,
  joinCode,
}: {
  prompt: string;
  label: string;
  to: string;
  joinCode: string | null;
}) {
  return (
    <Text>
      {prompt}{' '}
      <Anchor component={Link} href={joinCode === null ? to : withJoin(to, joinCode)} fw={600}>
        {label}
      </Anchor>
    </Text>
  );
}
