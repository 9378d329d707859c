import { Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Redirect, Route, Switch, useSearch } from 'wouter';
import { AccountPage } from './account/AccountPage';
import { MfaEnrolPage } from './auth/MfaEnrolPage';
import { MfaVerifyPage } from './auth/MfaVerifyPage';
import { RegisterPage } from './auth/RegisterPage';
import { SignInPage } from './auth/SignInPage';
import { CareTeamPage } from './careteam/CareTeamPage';
import { CheckInPage } from './checkin/CheckInPage';
import { CheckupsPage } from './checkups/CheckupsPage';
import { ClinicPage } from './clinic/ClinicPage';
import { InvitePatientPage } from './clinician/InvitePatientPage';
import { PatientPage } from './clinician/PatientPage';
import { PatientsPage } from './clinician/PatientsPage';
import { HistoryPage } from './history/HistoryPage';
import { InsightsPage } from './insights/InsightsPage';
import { JoinPage } from './join/JoinPage';
import { LearnArticlePage, LearnIndexPage } from './learn/LearnPages';
import { MedicationsPage } from './medications/MedicationsPage';
import { MessagesPage, PatientMessagesPage } from './messages/MessagesPage';
import { ThreadPage } from './messages/ThreadPage';
import { ProfilePage } from './profile/ProfilePage';
import { QuestionnairePage } from './questionnaires/QuestionnairePage';
import type { SessionUser } from './shared/api/types';
import { ErrorAlert } from './shared/components/ErrorAlert';
import { Loading } from './shared/components/Loading';
import { Page } from './shared/components/Page';
import { AppLayout } from './shared/layout/AppLayout';
import { OfflineQueueProvider } from './offline/OfflineQueue';
import { MorePage } from './shared/layout/MorePage';
import { MyDataPage } from './portability/MyDataPage';
import { homeFor } from './shared/layout/nav';
import { joinPath, routes } from './shared/layout/routes';
import { UserContext, useSessionQuery, useUser } from './shared/session';
import { TechniquePage } from './techniques/TechniquePage';
import { TechniquesPage } from './techniques/TechniquesPage';
import { GoalsPage } from './goals/GoalsPage';
import { TodayPage } from './today/TodayPage';
import { TaperCheckInPage } from './taper/TaperCheckInPage';
import { TaperPage } from './taper/TaperPage';
import { NotificationsPage } from './reminders/NotificationsPage';
import { RemindersPage } from './reminders/RemindersPage';
import { TAPER_CHECK_IN_PATH } from './taper/patientLogic';

function SignedOutApp() {
  return (
    <Switch>
      <Route path={routes.register} component={RegisterPage} />
      <Route path={routes.signIn} component={SignInPage} />
      <Route path={routes.join} component={JoinPage} />
      <Route>
        <Redirect to={routes.signIn} replace />
      </Route>
    </Switch>
  );
}

function NotFound() {
  const { t } = useTranslation();
  const user = useUser();
  return (
    <Page title={t('app.notFound.title')}>
      <p>{t('app.notFound.body')}</p>
      <Button component={Link} href={homeFor(user)} w="fit-content">
        {user.role === 'patient' ? t('app.notFound.home') : t('app.notFound.homeStaff')}
      </Button>
    </Page>
  );
}

/** After signing in (or registering) from an invitation (?join=CODE), go back to it. */
function AfterSignIn({ home }: { home: string }) {
  const join = new URLSearchParams(useSearch()).get('join');
  return <Redirect to={join === null || join === '' ? home : joinPath(join)} replace />;
}

function PatientApp() {
  return (
    // Doses and check-ins logged offline wait on this device and are sent when it reconnects.
    <OfflineQueueProvider>
      <AppLayout>
        <Switch>
          <Route path={routes.today} component={TodayPage} />
          <Route path={routes.checkIn} component={CheckInPage} />
          <Route path={routes.questionnaire} component={QuestionnairePage} />
          <Route path={routes.history} component={HistoryPage} />
          <Route path={routes.medications} component={MedicationsPage} />
          <Route path={routes.careTeam} component={CareTeamPage} />
          <Route path={routes.messages} component={MessagesPage} />
          <Route path={routes.messageThread} component={ThreadPage} />
          <Route path={routes.checkups} component={CheckupsPage} />
          <Route path={routes.profile} component={ProfilePage} />
          <Route path={routes.techniques} component={TechniquesPage} />
          <Route path={routes.technique} component={TechniquePage} />
          <Route path={routes.goals} component={GoalsPage} />
          <Route path={routes.insights} component={InsightsPage} />
          <Route path={routes.learn} component={LearnIndexPage} />
          <Route path={routes.learnArticle} component={LearnArticlePage} />
          <Route path={routes.more} component={MorePage} />
          <Route path={routes.myData} component={MyDataPage} />
          <Route path={routes.notifications} component={NotificationsPage} />
          <Route path={routes.reminders} component={RemindersPage} />
          <Route path={routes.taper} component={TaperPage} />
          <Route path={TAPER_CHECK_IN_PATH} component={TaperCheckInPage} />
          <Route path={routes.join} component={JoinPage} />
          <Route path={routes.signIn}>
            <AfterSignIn home={routes.today} />
          </Route>
          <Route path={routes.register}>
            <AfterSignIn home={routes.today} />
          </Route>
          <Route component={NotFound} />
        </Switch>
      </AppLayout>
    </OfflineQueueProvider>
  );
}

/** Clinicians, caregivers and clinic administrators: the workspace around their patients. */
function WorkspaceApp({ user }: { user: SessionUser }) {
  const home = homeFor(user);
  // Mirrors the API: only clinicians invite patients; an administrator has no patient list.
  const hasPatients = user.role !== 'admin';
  return (
    <AppLayout>
      <Switch>
        <Route path={routes.today}>
          <Redirect to={home} replace />
        </Route>
        {hasPatients && <Route path={routes.patients} component={PatientsPage} />}
        {hasPatients && <Route path={routes.patient} component={PatientPage} />}
        {hasPatients && <Route path={routes.patientMessages} component={PatientMessagesPage} />}
        {hasPatients && <Route path={routes.patientMessageThread} component={ThreadPage} />}
        {hasPatients && <Route path={routes.messages} component={MessagesPage} />}
        {user.role === 'clinician' && (
          <Route path={routes.invitePatient} component={InvitePatientPage} />
        )}
        {user.role === 'admin' && <Route path={routes.clinic} component={ClinicPage} />}
        <Route path={routes.account} component={AccountPage} />
        <Route path={routes.notifications} component={NotificationsPage} />
        <Route path={routes.reminders} component={RemindersPage} />
        <Route path={routes.join} component={JoinPage} />
        <Route path={routes.signIn}>
          <AfterSignIn home={home} />
        </Route>
        {/* A caregiver registering from an invitation is linked already: no join step. */}
        <Route path={routes.register}>
          <Redirect to={home} replace />
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
  if (session.data.state === 'mfa-pending') return <MfaVerifyPage />;
  if (session.data.state === 'mfa-enrol') return <MfaEnrolPage />;

  const { user } = session.data;
  return (
    <UserContext value={user}>
      {user.role === 'patient' ? <PatientApp /> : <WorkspaceApp user={user} />}
    </UserContext>
  );
}
