import { useState, type ReactNode } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Card,
  List,
  NativeSelect,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { PushDevices } from '../push/PushDevices';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { Loading } from '../shared/components/Loading';
import { Note } from '../shared/components/Note';
import { Page } from '../shared/components/Page';
import { routes } from '../shared/layout/routes';
import { useUser } from '../shared/session';
import {
  useReminderSettingsQuery,
  useSaveReminderSettings,
  type ReminderCaregiver,
  type ReminderSettings,
} from './api';
import {
  CAREGIVER_AFTER_CHOICES,
  choicesWith,
  DEFAULT_QUIET_HOURS,
  minutesParts,
  REMIND_AGAIN_CHOICES,
  settingsProblem,
} from './logic';

/** "After 30 minutes", "After 2 hours", "After 1 h 30 min". */
function useMinutesWords() {
  const { t } = useTranslation();
  return (minutes: number): string => {
    const parts = minutesParts(minutes);
    if (parts.unit === 'minutes') return t('reminders.settings.minutes', { count: parts.count });
    if (parts.unit === 'hours') return t('reminders.settings.hours', { count: parts.count });
    return t('reminders.settings.hoursMinutes', { hours: parts.hours, minutes: parts.minutes });
  };
}

/** Who a caregiver notice would reach, and plainly when it would reach nobody. */
function WhoIsTold({ caregivers }: { caregivers: readonly ReminderCaregiver[] }) {
  const { t } = useTranslation();
  const careTeam = (
    <Anchor component={Link} href={routes.careTeam} fw={600} c="blue.9">
      {t('reminders.settings.careTeamLink')}
    </Anchor>
  );
  if (caregivers.length === 0) {
    return (
      <Note>
        <Stack gap={4}>
          <Text>{t('reminders.settings.noCaregivers')}</Text>
          {careTeam}
        </Stack>
      </Note>
    );
  }
  const nobody = caregivers.every((c) => !c.told);
  return (
    <Stack gap="xs">
      <Text fw={600}>{t('reminders.settings.whoTitle')}</Text>
      <List spacing={4}>
        {caregivers.map((c) => (
          <List.Item key={c.id}>
            {t(c.told ? 'reminders.settings.told' : 'reminders.settings.notTold', {
              name: c.displayName,
            })}
          </List.Item>
        ))}
      </List>
      {nobody && (
        <Note tone="warning">
          <Stack gap={4}>
            <Text>{t('reminders.settings.nobodyConsented')}</Text>
            {careTeam}
          </Stack>
        </Note>
      )}
    </Stack>
  );
}

/** One titled card of the form, led by the switch that turns its setting on or off. */
function SettingsSection({
  id,
  title,
  label,
  help,
  checked,
  onToggle,
  children,
}: {
  id: string;
  title: string;
  label: string;
  help: string;
  checked: boolean;
  onToggle: (on: boolean) => void;
  children: ReactNode;
}) {
  return (
    <Card withBorder radius="md" p="md" component="section" aria-labelledby={id}>
      <Stack gap="md">
        <Title order={2} fz="1.25rem" id={id}>
          {title}
        </Title>
        <Switch
          size="lg"
          label={label}
          description={help}
          checked={checked}
          onChange={(e) => {
            onToggle(e.currentTarget.checked);
          }}
        />
        {children}
      </Stack>
    </Card>
  );
}

function SettingsForm({
  patientId,
  initial,
  caregivers,
}: {
  patientId: string;
  initial: ReminderSettings;
  caregivers: readonly ReminderCaregiver[];
}) {
  const { t } = useTranslation();
  const words = useMinutesWords();
  const save = useSaveReminderSettings(patientId);
  const [form, setForm] = useState<ReminderSettings>(initial);
  const [savedOnce, setSavedOnce] = useState(false);
  const [lastQuiet, setLastQuiet] = useState(initial.quietHours ?? DEFAULT_QUIET_HOURS);
  const problem = settingsProblem(form);
  const change = (next: Partial<ReminderSettings>) => {
    setSavedOnce(false);
    setForm((old) => ({ ...old, ...next }));
  };
  const againChoices = choicesWith(REMIND_AGAIN_CHOICES, form.remindAgainMinutes);
  const afterChoices = choicesWith(CAREGIVER_AFTER_CHOICES, form.caregiverAfterMinutes);
  const quiet = form.quietHours;
  const setQuiet = (next: { start: string; end: string }) => {
    setLastQuiet(next);
    change({ quietHours: next });
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (problem !== null) return;
        save.mutate(form, {
          onSuccess: () => {
            setSavedOnce(true);
          },
        });
      }}
    >
      <Stack gap="lg">
        <SettingsSection
          id="rem-doses"
          title={t('reminders.settings.dosesTitle')}
          label={t('reminders.settings.enabled')}
          help={t('reminders.settings.enabledHelp')}
          checked={form.enabled}
          onToggle={(on) => {
            change({ enabled: on });
          }}
        >
          <NativeSelect
            size="md"
            label={t('reminders.settings.again')}
            disabled={!form.enabled}
            value={form.remindAgainMinutes === null ? 'off' : String(form.remindAgainMinutes)}
            onChange={(e) => {
              const v = e.currentTarget.value;
              change({ remindAgainMinutes: v === 'off' ? null : Number(v) });
            }}
            data={againChoices.map((m) => ({
              value: m === null ? 'off' : String(m),
              label: m === null ? t('reminders.settings.againOff') : words(m),
            }))}
          />
        </SettingsSection>

        <SettingsSection
          id="rem-quiet"
          title={t('reminders.settings.quietTitle')}
          label={t('reminders.settings.quiet')}
          help={t('reminders.settings.quietHelp')}
          checked={quiet !== null}
          onToggle={(on) => {
            change({ quietHours: on ? lastQuiet : null });
          }}
        >
          {quiet !== null && (
            <>
              <TextInput
                type="time"
                size="md"
                label={t('reminders.settings.quietStart')}
                value={quiet.start}
                required
                onChange={(e) => {
                  setQuiet({ ...quiet, start: e.currentTarget.value });
                }}
              />
              <TextInput
                type="time"
                size="md"
                label={t('reminders.settings.quietEnd')}
                value={quiet.end}
                required
                error={problem === null ? undefined : t('reminders.settings.quietSame')}
                onChange={(e) => {
                  setQuiet({ ...quiet, end: e.currentTarget.value });
                }}
              />
            </>
          )}
        </SettingsSection>

        <SettingsSection
          id="rem-caregiver"
          title={t('reminders.settings.caregiverTitle')}
          label={t('reminders.settings.caregiver')}
          help={t('reminders.settings.caregiverHelp')}
          checked={form.caregiverNotice}
          onToggle={(on) => {
            change({ caregiverNotice: on });
          }}
        >
          <NativeSelect
            size="md"
            label={t('reminders.settings.caregiverAfter')}
            disabled={!form.caregiverNotice}
            value={String(form.caregiverAfterMinutes)}
            onChange={(e) => {
              change({ caregiverAfterMinutes: Number(e.currentTarget.value) });
            }}
            data={afterChoices.map((m) => ({ value: String(m), label: words(m) }))}
          />
          <WhoIsTold caregivers={caregivers} />
        </SettingsSection>

        {save.isError && <ErrorAlert error={save.error} />}
        {savedOnce && !save.isPending && (
          <Alert color="green" variant="light" role="status">
            {t('reminders.settings.saved')}
          </Alert>
        )}
        <Button type="submit" size="lg" loading={save.isPending} disabled={problem !== null}>
          {t('reminders.settings.save')}
        </Button>
      </Stack>
    </form>
  );
}

function PatientReminderSettings({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const query = useReminderSettingsQuery(patientId);
  if (query.isPending) return <Loading />;
  if (query.isError) {
    return <ErrorAlert error={query.error} title={t('reminders.settings.loadFailed')} />;
  }
  return (
    <SettingsForm
      patientId={patientId}
      initial={query.data.settings}
      caregivers={query.data.caregivers}
    />
  );
}

/**
 * `/reminders`: the patient's dose-reminder settings (their choice, not medical advice), and
 * for everyone the devices that show notifications. Caregivers and clinicians have no dose
 * settings of their own: the patient decides when a caregiver is told.
 */
export function RemindersPage() {
  const { t } = useTranslation();
  const user = useUser();
  const isPatient = user.role === 'patient';
  return (
    <Page title={t('reminders.settings.title')}>
      {isPatient ? (
        <>
          <Note>
            <Stack gap={4}>
              <Text>{t('reminders.settings.yourChoice')}</Text>
              <Anchor component={Link} href={routes.medications} fw={600} c="blue.9">
                {t('reminders.settings.missedDoseLink')}
              </Anchor>
            </Stack>
          </Note>
          <PatientReminderSettings patientId={user.id} />
        </>
      ) : (
        <Text>{t('reminders.settings.memberIntro')}</Text>
      )}
      <PushDevices />
    </Page>
  );
}
