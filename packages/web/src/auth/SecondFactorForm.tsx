import { useState } from 'react';
import { Button, Divider, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MfaError } from './MfaError';
import { useVerifyFactor, type MfaStatus } from './mfaApi';
import { TotpCodeInput } from './TotpCodeInput';

/**
 * Give a second factor: the passkey button and/or the authenticator-app code, or a recovery
 * code. After the password at sign-in, and again before changing the factors.
 */
export function SecondFactorForm({
  status,
  onVerified,
}: {
  status: MfaStatus;
  onVerified?: () => void;
}) {
  const { t } = useTranslation();
  const verify = useVerifyFactor();
  const [recovery, setRecovery] = useState(false);
  const [code, setCode] = useState('');
  const hasPasskey = status.passkeys.length > 0;
  const submitCode = (method: 'totp' | 'recovery') => {
    if (code.trim() !== '') verify.mutate({ method, code: code.trim() }, { onSuccess: onVerified });
  };

  return (
    <Stack gap="md">
      {verify.isError && <MfaError error={verify.error} />}
      {recovery ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submitCode('recovery');
          }}
        >
          <Stack gap="md">
            <TextInput
              size="lg"
              label={t('mfa.verify.recoveryLabel')}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              value={code}
              onChange={(e) => {
                setCode(e.currentTarget.value);
              }}
            />
            <Button type="submit" size="lg" loading={verify.isPending}>
              {t('mfa.verify.recoverySubmit')}
            </Button>
            <Button
              variant="subtle"
              size="md"
              onClick={() => {
                setRecovery(false);
                setCode('');
              }}
            >
              {t('mfa.verify.useCode')}
            </Button>
          </Stack>
        </form>
      ) : (
        <>
          {hasPasskey && (
            <Stack gap="xs">
              <Button
                size="lg"
                loading={verify.isPending && verify.variables.method === 'passkey'}
                onClick={() => {
                  verify.mutate({ method: 'passkey' }, { onSuccess: onVerified });
                }}
              >
                {t('mfa.verify.passkey')}
              </Button>
              <Text size="sm" c="dimmed">
                {t('mfa.verify.passkeyHint')}
              </Text>
            </Stack>
          )}
          {hasPasskey && status.totp && <Divider label={t('mfa.verify.or')} />}
          {status.totp && (
            <form
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                submitCode('totp');
              }}
            >
              <Stack gap="md">
                <TotpCodeInput label={t('mfa.verify.codeLabel')} value={code} onChange={setCode} />
                <Button
                  type="submit"
                  size="lg"
                  variant={hasPasskey ? 'outline' : 'filled'}
                  loading={verify.isPending && verify.variables.method === 'totp'}
                >
                  {t('mfa.verify.codeSubmit')}
                </Button>
              </Stack>
            </form>
          )}
          {status.recoveryCodesLeft > 0 && (
            <Button
              variant="subtle"
              size="md"
              onClick={() => {
                setRecovery(true);
                setCode('');
              }}
            >
              {t('mfa.verify.useRecovery')}
            </Button>
          )}
        </>
      )}
    </Stack>
  );
}
