import { useEffect, useRef, type ReactNode } from 'react';
import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { useSignOut } from '../session';
import { ErrorAlert } from '../components/ErrorAlert';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { PAGE_TITLE_ID } from '../components/Page';
import { CheckInIcon, HistoryIcon, MedicationsIcon, ProfileIcon, TodayIcon } from './icons';
import { routes } from './routes';

const MAIN_ID = 'main';

const tabs = [
  { href: routes.today, key: 'today', Icon: TodayIcon },
  { href: routes.checkIn, key: 'checkin', Icon: CheckInIcon },
  { href: routes.history, key: 'history', Icon: HistoryIcon },
  { href: routes.medications, key: 'medications', Icon: MedicationsIcon },
  { href: routes.profile, key: 'profile', Icon: ProfileIcon },
] as const;

/** Moves focus to the new page's heading after in-app navigation, so screen readers announce it. */
function useFocusHeadingOnNavigate(location: string): void {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById(PAGE_TITLE_ID)?.focus();
    window.scrollTo({ top: 0 });
  }, [location]);
}

export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [location] = useLocation();
  const signOut = useSignOut();
  useFocusHeadingOnNavigate(location);

  return (
    <>
      <a className="sd-skip-link" href={`#${MAIN_ID}`}>
        {t('app.skipToContent')}
      </a>
      <header className="sd-header">
        <Link href={routes.today} className="sd-brand">
          {t('app.name')}
        </Link>
        <Button
          variant="outline"
          size="sm"
          loading={signOut.isPending}
          onClick={() => {
            signOut.mutate();
          }}
        >
          {t('app.signOut')}
        </Button>
      </header>
      <nav className="sd-tabbar" aria-label={t('app.mainNavigation')}>
        <ul>
          {tabs.map(({ href, key, Icon }) => (
            <li key={key}>
              <Link
                href={href}
                className="sd-tab"
                aria-current={location === href ? 'page' : undefined}
              >
                <Icon />
                <span>{t(`app.nav.${key}`)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main id={MAIN_ID} className="sd-main" tabIndex={-1}>
        <ErrorBoundary
          resetKey={location}
          fallback={<ErrorAlert error={null} title={t('errors.loadFailed')} />}
        >
          {children}
        </ErrorBoundary>
      </main>
    </>
  );
}
