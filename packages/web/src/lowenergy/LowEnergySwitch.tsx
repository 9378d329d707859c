import { Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LowEnergy } from './useLowEnergy';
import './lowenergy.css';

/** The one-tap switch in every patient page's header. */
export function LowEnergySwitch({ lowEnergy }: { lowEnergy: LowEnergy }) {
  const { t } = useTranslation();
  return (
    <Switch
      className="sd-lowenergy-switch"
      size="lg"
      checked={lowEnergy.on}
      onChange={(event) => {
        lowEnergy.set(event.currentTarget.checked);
      }}
      label={t('learn.lowEnergy.switch')}
      labelPosition="left"
    />
  );
}
