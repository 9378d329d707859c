import { useEffect, useState } from 'react';
import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { Loading } from '../shared/components/Loading';
import { Note } from '../shared/components/Note';
import { useFormatters } from '../shared/format';
import { useUser } from '../shared/session';
import { usePushQuery, useEnablePush, useRemoveDevice, useTestPush } from './api';
import {
  currentSubscription,
  PushEnableError,
  pushSupport,
  thisDeviceId,
  type PushDevice,
} from './client';
import { lastErrorKind, type PushSupport, type PushUnsupported } from './device';

const UNSUPPORTED_KEY = {
  insecure: 'insecure',
  'no-service-worker': 'noServiceWorker',
  'no-push': 'noPush',
  blocked: 'blocked',
} as const satisfies Record<PushUnsupported, string>;

function WhyNot({ reason }: { reason: PushUnsupported }) {
  const { t } = useTranslation();
  const key = UNSUPPORTED_KEY[reason];
  return (
    <Note tone="warning" title={t(`push.unsupported.${key}.title`)}>
      {t(`push.unsupported.${key}.body`)}
    </Note>
  );
}

function EnableError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!(error instanceof PushEnableError)) return <ErrorAlert error={error} />;
  if (error.reason === 'dismissed' || error.reason === 'subscribe-failed') {
    return (
      <Alert color="red" variant="light" role="alert" title={t('push.failure.title')}>
        {t(
          error.reason === 'dismissed' ? 'push.failure.dismissed' : 'push.failure.subscribeFailed',
        )}
      </Alert>
    );
  }
  return <WhyNot reason={error.reason} />;
}

/** Whether a failure is the reason already shown in place of the button. */
function sameReason(error: unknown, support: PushSupport): boolean {
  return error instanceof PushEnableError && !support.ok && error.reason === support.reason;
}

function DeviceRow({ device, here }: { device: PushDevice; here: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const test = useTestPush();
  const remove = useRemoveDevice();
  const headingId = `push-device-${device.id}`;
  return (
    <Card withBorder radius="md" p="md" component="li" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Title order={4} fz="md" id={headingId}>
          {here ? `${device.label} · ${t('push.devices.thisDevice')}` : device.label}
        </Title>
        <Text size="sm">{t('push.devices.added', { date: fmt.dateOf(device.createdAt) })}</Text>
        <Text size="sm">
          {device.lastSuccessAt === null
            ? t('push.devices.neverDelivered')
            : t('push.devices.lastDelivered', { date: fmt.dateTime(device.lastSuccessAt) })}
        </Text>
        {device.lastError !== null && (
          <Text size="sm" c="red.9">
            {lastErrorKind(device.lastError) === 'gone'
              ? t('push.devices.errorGone')
              : t('push.devices.errorOther', { error: device.lastError })}
          </Text>
        )}
        <Group gap="sm">
          <Button
            variant="light"
            size="md"
            loading={test.isPending}
            aria-label={t('push.devices.testAria', { label: device.label })}
            onClick={() => {
              test.mutate(device.id);
            }}
          >
            {t('push.devices.test')}
          </Button>
          <Button
            variant="default"
            size="md"
            loading={remove.isPending}
            aria-label={t('push.devices.removeAria', { label: device.label })}
            onClick={() => {
              remove.mutate(device.id);
            }}
          >
            {t('push.devices.remove')}
          </Button>
        </Group>
        <div aria-live="polite">
          {test.data?.result === 'sent' && <Text size="sm">{t('push.devices.testSent')}</Text>}
          {test.data?.result === 'failed' && (
            <Text size="sm" c="red.9" role="alert">
              {test.data.error === null
                ? t('push.devices.testFailedUnknown')
                : t('push.devices.testFailed', { error: test.data.error })}
            </Text>
          )}
        </div>
        {test.isError && <ErrorAlert error={test.error} title={t('push.devices.testError')} />}
        {remove.isError && (
          <ErrorAlert error={remove.error} title={t('push.devices.removeError')} />
        )}
      </Stack>
    </Card>
  );
}

/**
 * Web Push on the reminder settings page: turn notifications on for this browser (or why it
 * cannot), and the user's devices with their delivery state, a test and removal each. Reminders
 * are always in the in-app notification centre as well.
 */
export function PushDevices() {
  const { t } = useTranslation();
  const { id: userId } = useUser();
  const overview = usePushQuery();
  const enable = useEnablePush();
  const [support, setSupport] = useState<PushSupport>(() => pushSupport());
  const [subscribed, setSubscribed] = useState(false);

  useEffect(() => {
    let live = true;
    currentSubscription()
      .then((s) => {
        if (live) setSubscribed(s !== null);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [overview.data]);

  const devices = overview.data?.devices ?? [];
  const mine = thisDeviceId(userId);
  const onHere = subscribed && devices.some((d) => d.id === mine);

  return (
    <Card withBorder radius="md" p="md" component="section" aria-labelledby="push-heading">
      <Stack gap="md">
        <Title order={2} fz="1.25rem" id="push-heading">
          {t('push.title')}
        </Title>
        <Text>{t('push.intro')}</Text>
        <Text>{t('push.always')}</Text>
        {!support.ok ? (
          <WhyNot reason={support.reason} />
        ) : onHere ? (
          <Text fw={600}>{enable.isSuccess ? t('push.enabledNow') : t('push.onHere')}</Text>
        ) : (
          <Button
            size="lg"
            fullWidth
            loading={enable.isPending}
            onClick={() => {
              enable.mutate(undefined, {
                onSettled: () => {
                  setSupport(pushSupport());
                },
              });
            }}
          >
            {t('push.enable')}
          </Button>
        )}
        {enable.isError && !sameReason(enable.error, support) && (
          <EnableError error={enable.error} />
        )}
        <Title order={3} fz="md">
          {t('push.devices.heading')}
        </Title>
        {overview.isPending ? (
          <Loading />
        ) : overview.isError ? (
          <ErrorAlert error={overview.error} />
        ) : devices.length === 0 ? (
          <Text>{t('push.devices.none')}</Text>
        ) : (
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
            {devices.map((d) => (
              <DeviceRow key={d.id} device={d} here={subscribed && d.id === mine} />
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
