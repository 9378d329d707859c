import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Group, Image, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import QRCode from 'qrcode';
import { MfaError } from '../auth/MfaError';
import { RecoveryCodes } from '../auth/RecoveryCodes';
import { SecondFactorForm } from '../auth/SecondFactorForm';
import { TotpCodeInput } from '../auth/TotpCodeInput';
import {
  useAddPasskey,
  useMfaStatus,
  useNewRecoveryCodes,
  useRemoveFactor,
  useTotpConfirm,
  useTotpSetup,
  mfaKey,
  type Enrolled,
  type MfaStatus,
} from '../auth/mfaApi';
import { ApiError } from '../shared/api/client';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { Loading } from '../shared/components/Loading';
import { useFormatters } from '../shared/format';
import { useAcceptSession } from '../shared/session';

const RECENT_REQUIRED = 'STEADY_ERR_MFA_RECENT_REQUIRED';

/**
 * Passkeys, authenticator app and recovery codes (Profile, Account, and the enrolment step of
 * a care-team sign-in: `enrolling`, where only adding is offered).
 */
export function SecurityKeys({ enrolling = false }: { enrolling?: boolean }) {
  const { t } = useTranslation();
  const status = useMfaStatus();
  const accept = useAcceptSession();
  const queryClient = useQueryClient();
  const [codes, setCodes] = useState<{ codes: string[]; then: () => void } | null>(null);
  const [stepUp, setStepUp] = useState(false);

  const onError = (error: unknown) => {
    if (error instanceof ApiError && error.code === RECENT_REQUIRED) setStepUp(true);
  };
  /** A factor was added: show the first recovery codes, then use the (maybe new) session. */
  const onEnrolled = (result: Enrolled) => {
    const done = () => {
      setCodes(null);
      accept(result.session);
      void queryClient.invalidateQueries({ queryKey: mfaKey });
    };
    // While enrolling, the new session is taken only after the codes are saved: taking it
    // leaves this page.
    if (result.recoveryCodes === null) done();
    else if (enrolling) setCodes({ codes: result.recoveryCodes, then: done });
    else {
      done();
      setCodes({
        codes: result.recoveryCodes,
        then: () => {
          setCodes(null);
        },
      });
    }
  };

  const body = () => {
    if (status.isPending) return <Loading />;
    if (status.isError) return <ErrorAlert error={status.error} />;
    if (codes !== null) return <RecoveryCodes codes={codes.codes} onDone={codes.then} />;
    const data = status.data;
    return (
      <>
        {stepUp && (
          <Paper withBorder p="md" radius="md">
            <Stack gap="sm">
              <Text fw={500}>{t('mfa.verify.again')}</Text>
              <SecondFactorForm
                status={data}
                onVerified={() => {
                  setStepUp(false);
                }}
              />
            </Stack>
          </Paper>
        )}
        <Passkeys data={data} enrolling={enrolling} onEnrolled={onEnrolled} onError={onError} />
        <AuthenticatorApp
          data={data}
          enrolling={enrolling}
          onEnrolled={onEnrolled}
          onError={onError}
        />
        {!enrolling && (data.totp || data.passkeys.length > 0) && (
          <Recovery
            data={data}
            onCodes={(c) => {
              setCodes({
                codes: c,
                then: () => {
                  setCodes(null);
                },
              });
            }}
            onError={onError}
          />
        )}
      </>
    );
  };

  const content = <Stack gap="lg">{body()}</Stack>;
  if (enrolling) return content;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="mfa-heading">
      <Stack gap="sm">
        <Title order={2} fz="1.35rem" id="mfa-heading">
          {t('mfa.keys.heading')}
        </Title>
        {status.data !== undefined && (
          <Text>
            {status.data.required ? t('mfa.keys.introRequired') : t('mfa.keys.introOptional')}
          </Text>
        )}
        {content}
      </Stack>
    </Paper>
  );
}

interface PartProps {
  readonly data: MfaStatus;
  readonly enrolling: boolean;
  readonly onEnrolled: (result: Enrolled) => void;
  readonly onError: (error: unknown) => void;
}

function Passkeys({ data, enrolling, onEnrolled, onError }: PartProps) {
  const { t } = useTranslation();
  const f = useFormatters();
  const add = useAddPasskey();
  const remove = useRemoveFactor();
  const [name, setName] = useState(() => t('mfa.keys.nameDefault'));
  const error = add.error ?? remove.error;
  const shownError = error instanceof ApiError && error.code === RECENT_REQUIRED ? null : error;

  return (
    <Stack gap="sm">
      <Title order={enrolling ? 2 : 3} fz="1.15rem">
        {t('mfa.keys.passkeysHeading')}
      </Title>
      <Text>{t('mfa.keys.passkeysIntro')}</Text>
      {!enrolling && data.passkeys.length === 0 && <Text c="dimmed">{t('mfa.keys.none')}</Text>}
      {data.passkeys.map((key) => (
        <Group key={key.id} justify="space-between" wrap="nowrap" align="flex-start">
          <div>
            <Text fw={500}>{key.name}</Text>
            <Text size="sm" c="dimmed">
              {t('mfa.keys.added', { date: f.dateOf(key.createdAt) })},{' '}
              {key.lastUsedAt === null
                ? t('mfa.keys.neverUsed')
                : t('mfa.keys.lastUsed', { date: f.dateTime(key.lastUsedAt) })}
            </Text>
          </div>
          {!enrolling && (
            <Button
              variant="outline"
              color="red"
              size="md"
              aria-label={t('mfa.keys.removeNamed', { name: key.name })}
              loading={remove.isPending}
              onClick={() => {
                remove.mutate({ passkeyId: key.id }, { onError });
              }}
            >
              {t('mfa.keys.remove')}
            </Button>
          )}
        </Group>
      ))}
      {shownError !== null && <MfaError error={shownError} />}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim() === '') return;
          add.mutate(name.trim(), { onSuccess: onEnrolled, onError });
        }}
      >
        <Stack gap="sm">
          <TextInput
            size="md"
            label={t('mfa.keys.nameLabel')}
            value={name}
            maxLength={60}
            onChange={(e) => {
              setName(e.currentTarget.value);
            }}
          />
          <Button type="submit" size="lg" loading={add.isPending}>
            {t('mfa.keys.add')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}

function AuthenticatorApp({ data, enrolling, onEnrolled, onError }: PartProps) {
  const { t } = useTranslation();
  const setup = useTotpSetup();
  const confirm = useTotpConfirm();
  const remove = useRemoveFactor();
  const [code, setCode] = useState('');
  const [qr, setQr] = useState<string | null>(null);
  const uri = setup.data?.uri;

  useEffect(() => {
    if (uri === undefined) return;
    let live = true;
    void QRCode.toDataURL(uri, { margin: 1, width: 220 }).then((url) => {
      if (live) setQr(url);
    });
    return () => {
      live = false;
    };
  }, [uri]);

  const error = setup.error ?? confirm.error ?? remove.error;
  const shownError = error instanceof ApiError && error.code === RECENT_REQUIRED ? null : error;

  return (
    <Stack gap="sm">
      <Title order={enrolling ? 2 : 3} fz="1.15rem">
        {t('mfa.keys.totpHeading')}
      </Title>
      {shownError !== null && <MfaError error={shownError} />}
      {data.totp ? (
        <>
          <Text>{t('mfa.keys.totpOn')}</Text>
          {!enrolling && (
            <Group>
              <Button
                variant="outline"
                color="red"
                size="md"
                loading={remove.isPending}
                onClick={() => {
                  remove.mutate({ totp: true }, { onError });
                }}
              >
                {t('mfa.keys.totpRemove')}
              </Button>
            </Group>
          )}
        </>
      ) : setup.data === undefined ? (
        <>
          <Text>{t('mfa.keys.totpOff')}</Text>
          <Button
            size="lg"
            variant="outline"
            loading={setup.isPending}
            onClick={() => {
              setup.mutate(undefined, { onError });
            }}
          >
            {t('mfa.keys.totpSetUp')}
          </Button>
        </>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (code.trim() === '') return;
            confirm.mutate(code.replace(/\s/g, ''), {
              onSuccess: (result) => {
                setup.reset();
                setCode('');
                onEnrolled(result);
              },
              onError,
            });
          }}
        >
          <Stack gap="sm">
            <Text>{t('mfa.keys.totpScan')}</Text>
            {qr !== null && <Image src={qr} alt={t('mfa.keys.qrAlt')} w={220} h={220} />}
            <Text>{t('mfa.keys.totpManual')}</Text>
            <Text
              ff="monospace"
              fz="lg"
              style={{ wordBreak: 'break-all' }}
              data-testid="totp-secret"
            >
              {setup.data.secret}
            </Text>
            <TotpCodeInput label={t('mfa.keys.totpConfirmLabel')} value={code} onChange={setCode} />
            <Group>
              <Button type="submit" size="lg" loading={confirm.isPending}>
                {t('mfa.keys.totpConfirm')}
              </Button>
              <Button
                variant="default"
                size="lg"
                onClick={() => {
                  setup.reset();
                  setCode('');
                }}
              >
                {t('mfa.keys.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

function Recovery({
  data,
  onCodes,
  onError,
}: {
  data: MfaStatus;
  onCodes: (codes: string[]) => void;
  onError: (error: unknown) => void;
}) {
  const { t } = useTranslation();
  const renew = useNewRecoveryCodes();
  const shownError =
    renew.error instanceof ApiError && renew.error.code === RECENT_REQUIRED ? null : renew.error;
  return (
    <Stack gap="sm">
      <Title order={3} fz="1.15rem">
        {t('mfa.keys.recoveryHeading')}
      </Title>
      <Text>{t('mfa.keys.recoveryLeft', { count: data.recoveryCodesLeft })}</Text>
      {shownError !== null && <MfaError error={shownError} />}
      <Group>
        <Button
          variant="outline"
          size="md"
          loading={renew.isPending}
          onClick={() => {
            renew.mutate(undefined, {
              onSuccess: (r) => {
                onCodes(r.recoveryCodes);
              },
              onError,
            });
          }}
        >
          {t('mfa.keys.recoveryNew')}
        </Button>
      </Group>
    </Stack>
  );
}
