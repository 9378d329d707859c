import { useEffect, useRef, type ReactNode } from 'react';
import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { useSignOut, useUser } from '../session';
import { ErrorAlert } from '../components/ErrorAlert';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { PAGE_TITLE_ID } from '../components/Page';
import { LowEnergyHome } from '../../lowenergy/LowEnergyHome';
import { LowEnergySwitch } from '../../lowenergy/LowEnergySwitch';
import { useLowEnergy } from '../../lowenergy/useLowEnergy';
import { NotificationBell } from '../../reminders/NotificationBell';
import { headerLinksFor, homeFor, isCurrent, labelKeyOf, tabsFor } from './nav';
import { routes } from './routes';

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
  const lowEnergy = useLowEnergy(user);
  useFocusHeadingOnNavigate(location);
  // Low-energy mode: no tab bar, only the simple Today (and the full check-in when worried,
  // and the notification centre a reminder opens).
  const simple = lowEnergy.on;

  return (
    <>
      <a className="sd-skip-link" href={`#${MAIN_ID}`}>
        {t('app.skipToContent')}
      </a>
      <header className="sd-header">
        <Link href={homeFor(user)} className="sd-brand">
          {t('app.name')}
        </Link>
        <Group gap="xs" wrap="nowrap">
          {headerLinksFor(user).map((link) => (
            <Button
              key={link.key}
              component={Link}
              href={link.href}
              variant="subtle"
              size="sm"
              aria-current={location === link.href ? 'page' : undefined}
            >
              {t(labelKeyOf(link.key))}
            </Button>
          ))}
          {user.role !== 'admin' && <NotificationBell />}
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
        </Group>
      </header>
      {user.role === 'patient' && (
        <section className="sd-lowenergy-bar" aria-label={t('learn.lowEnergy.switch')}>
          <LowEnergySwitch lowEnergy={lowEnergy} />
        </section>
      )}
      {!simple && (
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
                  {tab.Label === undefined ? <span>{t(labelKeyOf(tab.key))}</span> : <tab.Label />}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <main id={MAIN_ID} className={simple ? 'sd-main sd-main-simple' : 'sd-main'} tabIndex={-1}>
        <ErrorBoundary
          resetKey={location}
          fallback={<ErrorAlert error={null} title={t('errors.loadFailed')} />}
        >
          {simple && location !== routes.checkIn && location !== routes.notifications ? (
            <LowEnergyHome lowEnergy={lowEnergy} />
          ) : (
            children
          )}
        </ErrorBoundary>
      </main>
    </>
  );
}
