import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { Loading } from '../components/Loading.js';
import { useRouteFocus } from '../components/useRouteFocus.js';
import { ForgotPasswordPage } from '../features/auth/ForgotPasswordPage.js';
import { ResetPasswordPage } from '../features/auth/ResetPasswordPage.js';
import { SignInPage } from '../features/auth/SignInPage.js';
import { TwoFactorPage } from '../features/auth/TwoFactorPage.js';
import { TwoFactorSetupPage } from '../features/auth/TwoFactorSetupPage.js';
import { InvitationPage } from '../features/invitation/InvitationPage.js';
import { CheckEmailPage } from '../features/referrer/CheckEmailPage.js';
import { ReferrerLanding } from '../features/referrer/ReferrerLanding.js';
import { RegisterPage } from '../features/referrer/RegisterPage.js';
import { VerifyEmailPage } from '../features/referrer/VerifyEmailPage.js';
import { NotFoundPage } from '../features/not-found/NotFoundPage.js';
import { SetupPage } from '../features/setup/SetupPage.js';
import { Allowed } from './Allowed.js';
import { FOLLOW_UPS_PAGE } from './navigation.js';
import { AppLayout } from './AppLayout.js';
import { RequireSignedIn, StageGate } from './guards.js';
import { PublicLayout } from './PublicLayout.js';

// Staff pages load when first opened, so the sign-in pages arrive quickly.
const AuditPage = lazy(() =>
  import('../features/audit/AuditPage.js').then((module) => ({ default: module.AuditPage })),
);
const CentrePage = lazy(() =>
  import('../features/centres/CentrePage.js').then((module) => ({ default: module.CentrePage })),
);
const CasePage = lazy(() =>
  import('../features/cases/CasePage.js').then((module) => ({ default: module.CasePage })),
);
const CasesPage = lazy(() =>
  import('../features/cases/CasesPage.js').then((module) => ({ default: module.CasesPage })),
);
const CentresPage = lazy(() =>
  import('../features/centres/CentresPage.js').then((module) => ({ default: module.CentresPage })),
);
const HomePage = lazy(() =>
  import('../features/home/HomePage.js').then((module) => ({ default: module.HomePage })),
);
const OutboxPage = lazy(() =>
  import('../features/outbox/OutboxPage.js').then((module) => ({ default: module.OutboxPage })),
);
const OpeningTimesPage = lazy(() =>
  import('../features/premises/OpeningTimesPage.js').then((module) => ({ default: module.OpeningTimesPage })),
);
const PremisesPage = lazy(() =>
  import('../features/premises/PremisesPage.js').then((module) => ({ default: module.PremisesPage })),
);
const ReferralFormPage = lazy(() =>
  import('../features/refer/ReferralFormPage.js').then((module) => ({ default: module.ReferralFormPage })),
);
const ReferralsPage = lazy(() =>
  import('../features/referrals/ReferralsPage.js').then((module) => ({ default: module.ReferralsPage })),
);
const ReferralPage = lazy(() =>
  import('../features/referrals/ReferralPage.js').then((module) => ({ default: module.ReferralPage })),
);
const MyReferralsPage = lazy(() =>
  import('../features/referrer/MyReferralsPage.js').then((module) => ({ default: module.MyReferralsPage })),
);
const MyReferralPage = lazy(() =>
  import('../features/referrer/MyReferralPage.js').then((module) => ({ default: module.MyReferralPage })),
);
const RulesLinkPage = lazy(() =>
  import('../features/rules/RulesLinkPage.js').then((module) => ({ default: module.RulesLinkPage })),
);
const TimetablePage = lazy(() =>
  import('../features/timetable/TimetablePage.js').then((module) => ({ default: module.TimetablePage })),
);
const CheckInPage = lazy(() =>
  import('../features/roster/CheckInPage.js').then((module) => ({ default: module.CheckInPage })),
);
const FollowUpsPage = lazy(() =>
  import('../features/session-records/FollowUpsPage.js').then((module) => ({
    default: module.FollowUpsPage,
  })),
);
const OnSitePage = lazy(() =>
  import('../features/roster/OnSitePage.js').then((module) => ({ default: module.OnSitePage })),
);
const RotaPage = lazy(() =>
  import('../features/rota/RotaPage.js').then((module) => ({ default: module.RotaPage })),
);
const MyCalendarPage = lazy(() =>
  import('../features/rota/MyCalendarPage.js').then((module) => ({ default: module.MyCalendarPage })),
);
const UsersPage = lazy(() =>
  import('../features/users/UsersPage.js').then((module) => ({ default: module.UsersPage })),
);

/** Every address the app answers. Anything else, once signed in, is the app's own not-found page. */
export function AppRoutes() {
  useRouteFocus();
  return (
    <Routes>
      <Route element={<PublicLayout />}>
        <Route
          path="/sign-in"
          element={
            <StageGate stage="signed-out">
              <SignInPage />
            </StageGate>
          }
        />
        <Route
          path="/sign-in/two-factor"
          element={
            <StageGate stage="two-factor">
              <TwoFactorPage />
            </StageGate>
          }
        />
        <Route
          path="/sign-in/two-factor-setup"
          element={
            <StageGate stage="two-factor-setup">
              <TwoFactorSetupPage />
            </StageGate>
          }
        />
        <Route path="/forgot-password" element={<ForgotPasswordPage />} />
        <Route path="/reset-password/:token" element={<ResetPasswordPage />} />
        <Route path="/invitation/:token" element={<InvitationPage />} />
        {/* Referrer accounts: anyone may register; the emailed link confirms the address. */}
        <Route path="/referrer/register" element={<RegisterPage />} />
        <Route path="/referrer/check-email" element={<CheckEmailPage />} />
        <Route path="/referrer/verify/:token" element={<VerifyEmailPage />} />
        <Route path="/setup/:token" element={<SetupPage />} />
        {/* Open to anyone, signed in or not: referrers need no account. */}
        <Route
          path="/refer/:step?"
          element={
            <Suspense fallback={<Loading />}>
              <ReferralFormPage />
            </Suspense>
          }
        />
        {/* An adult of a case accepts the centre's rules through an emailed link: no account needed. */}
        <Route
          path="/rules/:token"
          element={
            <Suspense fallback={<Loading />}>
              <RulesLinkPage />
            </Suspense>
          }
        />
      </Route>
      <Route
        element={
          <RequireSignedIn>
            <AppLayout />
          </RequireSignedIn>
        }
      >
        <Route
          path="/"
          element={
            <ReferrerLanding>
              <HomePage />
            </ReferrerLanding>
          }
        />
        <Route
          path="/my/referrals"
          element={
            <Allowed permission="own-referrals:read">
              <MyReferralsPage />
            </Allowed>
          }
        />
        <Route
          path="/my/referrals/:id"
          element={
            <Allowed permission="own-referrals:read">
              <MyReferralPage />
            </Allowed>
          }
        />
        <Route
          path="/referrals"
          element={
            <Allowed permission="case:read">
              <ReferralsPage />
            </Allowed>
          }
        />
        <Route
          path="/referrals/:id"
          element={
            <Allowed permission="case:read">
              <ReferralPage />
            </Allowed>
          }
        />
        <Route
          path="/cases"
          element={
            <Allowed permission="case:read">
              <CasesPage />
            </Allowed>
          }
        />
        <Route
          path="/cases/:caseId"
          element={
            <Allowed permission="case:read">
              <CasePage />
            </Allowed>
          }
        />
        <Route
          path="/timetable"
          element={
            <Allowed permission="timetable:read">
              <TimetablePage />
            </Allowed>
          }
        />
        <Route
          path="/check-in"
          element={
            <Allowed permission="roster:read">
              <CheckInPage />
            </Allowed>
          }
        />
        <Route
          path="/on-site"
          element={
            <Allowed permission="roster:check-in">
              <OnSitePage />
            </Allowed>
          }
        />
        <Route
          path={FOLLOW_UPS_PAGE.path}
          element={
            <Allowed permission={FOLLOW_UPS_PAGE.permission}>
              <FollowUpsPage />
            </Allowed>
          }
        />
        <Route
          path="/rota"
          element={
            <Allowed permission="timetable:read">
              <RotaPage />
            </Allowed>
          }
        />
        <Route
          path="/my/calendar"
          element={
            <Allowed permission="calendar-feed:own">
              <MyCalendarPage />
            </Allowed>
          }
        />
        <Route
          path="/premises"
          element={
            <Allowed permission="room:read">
              <PremisesPage />
            </Allowed>
          }
        />
        <Route
          path="/opening-times"
          element={
            <Allowed permission="timetable:read">
              <OpeningTimesPage />
            </Allowed>
          }
        />
        <Route
          path="/admin/users"
          element={
            <Allowed permission="user:read">
              <UsersPage />
            </Allowed>
          }
        />
        <Route
          path="/admin/centres"
          element={
            <Allowed permission="centre:read">
              <CentresPage />
            </Allowed>
          }
        />
        <Route
          path="/admin/centres/:centreId"
          element={
            <Allowed permission="centre:read">
              <CentrePage />
            </Allowed>
          }
        />
        <Route
          path="/admin/audit"
          element={
            <Allowed permission="audit:read">
              <AuditPage />
            </Allowed>
          }
        />
        <Route
          path="/admin/outbox"
          element={
            <Allowed permission="outbox:read">
              <OutboxPage />
            </Allowed>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
