import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { Page } from '../components/Page';
import { RemindersMoreRow } from '../../reminders/RemindersMoreRow';
import { labelKeyOf, MORE_ITEMS, summaryKeyOf } from './nav';
import '../../learn/learn.css';

/** `/more`: the patient's less frequent pages, as big rows (the phone's tab bar has five tabs). */
export function MorePage() {
  const { t } = useTranslation();
  return (
    <Page title={t('learn.more.title')}>
      <ul className="sd-learn-list">
        {MORE_ITEMS.map(({ key, href, Icon }) => (
          <li key={key}>
            <Link
              href={href}
              className="sd-learn-row sd-more-row"
              aria-labelledby={`more-${key}-title`}
              aria-describedby={`more-${key}`}
            >
              <span className="sd-more-icon">
                <Icon />
              </span>
              <span>
                <span className="sd-learn-row-title" id={`more-${key}-title`}>
                  {t(labelKeyOf(key))}
                </span>
                <span className="sd-learn-row-summary" id={`more-${key}`}>
                  {t(summaryKeyOf(key))}
                </span>
              </span>
            </Link>
          </li>
        ))}
        <RemindersMoreRow />
      </ul>
    </Page>
  );
}
