import { useTranslation } from 'react-i18next';
import { Note } from '../shared/components/Note';
import { useFormatters } from '../shared/format';

/** Shown above Today when it is the copy saved on this device, because Steady is out of reach. */
export function SavedCopyNote({ savedAt }: { savedAt: string }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  return (
    <div role="status">
      <Note
        tone="warning"
        title={t('offline.savedCopy', { time: fmt.dateTimeIfNotToday(savedAt) })}
      >
        {t('offline.savedCopyHelp')}
      </Note>
    </div>
  );
}
