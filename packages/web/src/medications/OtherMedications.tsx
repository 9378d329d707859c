import { useState } from 'react';
import {
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Medication } from '../shared/api/types';
import { AppDialog } from '../shared/components/AppDialog';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { Loading } from '../shared/components/Loading';
import { useMedicationMutations, useMedicationsQuery } from './useMedications';

interface Fields {
  name: string;
  dose: string;
  frequency: string;
  active: boolean;
}

const blankToNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());

function MedicationFields({
  value,
  onChange,
  withActive,
}: {
  value: Fields;
  onChange: (v: Fields) => void;
  withActive: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <TextInput
        label={t('medications.otherName')}
        required
        value={value.name}
        onChange={(e) => {
          onChange({ ...value, name: e.currentTarget.value });
        }}
      />
      <Group grow align="flex-start">
        <TextInput
          label={t('medications.otherDose')}
          placeholder={t('medications.otherDoseHint')}
          value={value.dose}
          onChange={(e) => {
            onChange({ ...value, dose: e.currentTarget.value });
          }}
        />
        <TextInput
          label={t('medications.otherFrequency')}
          placeholder={t('medications.otherFrequencyHint')}
          value={value.frequency}
          onChange={(e) => {
            onChange({ ...value, frequency: e.currentTarget.value });
          }}
        />
      </Group>
      {withActive && (
        <Checkbox
          label={t('medications.otherActive')}
          checked={value.active}
          onChange={(e) => {
            onChange({ ...value, active: e.currentTarget.checked });
          }}
        />
      )}
    </Stack>
  );
}

const EMPTY: Fields = { name: '', dose: '', frequency: '', active: true };

type Dialog =
  | { type: 'edit'; medication: Medication; fields: Fields }
  | { type: 'delete'; medication: Medication };

export function OtherMedications() {
  const { t } = useTranslation();
  const medications = useMedicationsQuery();
  const { add, update, remove } = useMedicationMutations();
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [nameMissing, setNameMissing] = useState(false);
  const [dialog, setDialog] = useState<Dialog | null>(null);

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="others-heading">
      <Stack gap="md">
        <Title order={2} fz="1.35rem" id="others-heading">
          {t('medications.othersHeading')}
        </Title>
        <Text>{t('medications.othersIntro')}</Text>
        {medications.isPending ? (
          <Loading />
        ) : medications.isError ? (
          <ErrorAlert error={medications.error} title={t('errors.loadFailed')} />
        ) : medications.data.length === 0 ? (
          <Text c="dimmed">{t('medications.othersEmpty')}</Text>
        ) : (
          <ul className="sd-timeline">
            {medications.data.map((m) => (
              <li key={m.id}>
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <div>
                    <Group gap="xs">
                      <Text fw={700}>{m.name}</Text>
                      {!m.active && (
                        <Badge color="gray.8" tt="none">
                          {t('medications.stopped')}
                        </Badge>
                      )}
                    </Group>
                    <Text size="sm">
                      {m.dose !== null && m.frequency !== null
                        ? t('common.list', { a: m.dose, b: m.frequency })
                        : (m.dose ?? m.frequency)}
                    </Text>
                  </div>
                  <Group gap={4} wrap="nowrap">
                    <Button
                      variant="subtle"
                      size="sm"
                      aria-label={t('medications.editAria', { name: m.name })}
                      onClick={() => {
                        update.reset();
                        setDialog({
                          type: 'edit',
                          medication: m,
                          fields: {
                            name: m.name,
                            dose: m.dose ?? '',
                            frequency: m.frequency ?? '',
                            active: m.active,
                          },
                        });
                      }}
                    >
                      {t('common.edit')}
                    </Button>
                    <Button
                      variant="subtle"
                      color="red.9"
                      c="red.9"
                      size="sm"
                      aria-label={t('medications.deleteAria', { name: m.name })}
                      onClick={() => {
                        remove.reset();
                        setDialog({ type: 'delete', medication: m });
                      }}
                    >
                      {t('common.delete')}
                    </Button>
                  </Group>
                </Group>
              </li>
            ))}
          </ul>
        )}

        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (fields.name.trim() === '') {
              setNameMissing(true);
              return;
            }
            setNameMissing(false);
            add.mutate(
              {
                name: fields.name.trim(),
                dose: blankToNull(fields.dose),
                frequency: blankToNull(fields.frequency),
              },
              {
                onSuccess: () => {
                  setFields(EMPTY);
                },
              },
            );
          }}
        >
          <Stack gap="sm">
            <MedicationFields value={fields} onChange={setFields} withActive={false} />
            {nameMissing && (
              <Text c="red.9" fw={600} size="sm">
                {t('auth.required')}
              </Text>
            )}
            {add.isError && <ErrorAlert error={add.error} />}
            <Button type="submit" variant="outline" w="fit-content" loading={add.isPending}>
              {t('medications.addOther')}
            </Button>
          </Stack>
        </form>
      </Stack>

      {dialog?.type === 'edit' && (
        <AppDialog
          title={t('medications.editTitle', { name: dialog.medication.name })}
          onClose={() => {
            setDialog(null);
          }}
        >
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              const f = dialog.fields;
              if (f.name.trim() === '') return;
              update.mutate(
                {
                  medicationId: dialog.medication.id,
                  input: {
                    name: f.name.trim(),
                    dose: blankToNull(f.dose),
                    frequency: blankToNull(f.frequency),
                    active: f.active,
                  },
                },
                {
                  onSuccess: () => {
                    setDialog(null);
                  },
                },
              );
            }}
          >
            <Stack>
              <MedicationFields
                value={dialog.fields}
                withActive
                onChange={(f) => {
                  setDialog({ ...dialog, fields: f });
                }}
              />
              {update.isError && <ErrorAlert error={update.error} />}
              <Button type="submit" loading={update.isPending}>
                {t('common.save')}
              </Button>
            </Stack>
          </form>
        </AppDialog>
      )}
      {dialog?.type === 'delete' && (
        <AppDialog
          title={t('medications.deleteConfirm', { name: dialog.medication.name })}
          onClose={() => {
            setDialog(null);
          }}
        >
          <Stack>
            {remove.isError && <ErrorAlert error={remove.error} />}
            <Group grow>
              <Button
                variant="default"
                data-autofocus
                onClick={() => {
                  setDialog(null);
                }}
              >
                {t('common.cancel')}
              </Button>
              <Button
                color="red.9"
                loading={remove.isPending}
                onClick={() => {
                  remove.mutate(dialog.medication.id, {
                    onSuccess: () => {
                      setDialog(null);
                    },
                  });
                }}
              >
                {t('common.delete')}
              </Button>
            </Group>
          </Stack>
        </AppDialog>
      )}
    </Paper>
  );
}
