import { useEffect, useRef, type ReactNode } from 'react';
import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { useSignOut, useUser } from '../session';
import { ErrorAlert } from '../components/ErrorAlert';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { PAGE_TITLE_ID } from '../components/Page';
import { homeFor, isCurrent, tabsFor } from './nav';

const MAIN_ID = 'main';

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
  const user = useUser();
  const tabs = tabsFor(user);
  useFocusHeadingOnNavigate(location);

  return (
    <>
      <a className="sd-skip-link" href={`#${MAIN_ID}`}>
        {t('app.skipToContent')}
      </a>
      <header className="sd-header">
        <Link href={homeFor(user)} className="sd-brand">
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
          {tabs.map((tab) => (
            <li key={tab.key}>
              <Link
                href={tab.href}
                className="sd-tab"
                aria-current={isCurrent(tab, location) ? 'page' : undefined}
              >
                <tab.Icon />
                <span>{t(`app.nav.${tab.key}`)}</span>
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
