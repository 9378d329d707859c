import { Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Redirect, Route, Switch } from 'wouter';
import { RegisterPage } from './auth/RegisterPage';
import { SignInPage } from './auth/SignInPage';
import { CheckInPage } from './checkin/CheckInPage';
import { HistoryPage } from './history/HistoryPage';
import { MedicationsPage } from './medications/MedicationsPage';
import { ProfilePage } from './profile/ProfilePage';
import { ErrorAlert } from './shared/components/ErrorAlert';
import { Loading } from './shared/components/Loading';
import { Page } from './shared/components/Page';
import { AppLayout } from './shared/layout/AppLayout';
import { routes } from './shared/layout/routes';
import { UserContext, useSessionQuery } from './shared/session';
import { TodayPage } from './today/TodayPage';
import { Note } from './shared/components/Note';

function SignedOutApp() {
  return (
    <Switch>
      <Route path={routes.register} component={RegisterPage} />
      <Route path={routes.signIn} component={SignInPage} />
      <Route>
        <Redirect to={routes.signIn} replace />
      </Route>
    </Switch>
  );
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <Page title={t('app.notFound.title')}>
      <p>{t('app.notFound.body')}</p>
      <Button component={Link} href={routes.today} w="fit-content">
        {t('app.notFound.home')}
      </Button>
    </Page>
  );
}

function PatientApp() {
  return (
    <AppLayout>
      <Switch>
        <Route path={routes.today} component={TodayPage} />
        <Route path={routes.checkIn} component={CheckInPage} />
        <Route path={routes.history} component={HistoryPage} />
        <Route path={routes.medications} component={MedicationsPage} />
        <Route path={routes.profile} component={ProfilePage} />
        <Route path={routes.signIn}>
          <Redirect to={routes.today} replace />
        </Route>
        <Route path={routes.register}>
          <Redirect to={routes.today} replace />
        </Route>
        <Route component={NotFound} />
      </Switch>
    </AppLayout>
  );
}

export function App() {
  const { t } = useTranslation();
  const session = useSessionQuery();

  if (session.isPending) return <Loading />;
  if (session.isError) {
    return (
      <Stack p="md" maw={480} mx="auto" mt="xl">
        <ErrorAlert error={session.error} title={t('errors.loadFailed')} />
        <Button
          onClick={() => {
            void session.refetch();
          }}
        >
          {t('common.retry')}
        </Button>
      </Stack>
    );
  }
  if (session.data === null) return <SignedOutApp />;

  const { user } = session.data;
  return (
    <UserContext value={user}>
      {user.role === 'patient' ? (
        <PatientApp />
      ) : (
        <AppLayout>
          <Note>{t('app.notPatient')}</Note>
        </AppLayout>
      )}
    </UserContext>
  );
}
