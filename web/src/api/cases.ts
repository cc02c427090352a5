/**
 * Cases: the centre's list, one family's case file, and what hangs off it (readiness to book, intake
 * visits, the risk assessment, the contact plan, and who has accepted the centre's rules).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  caseFile,
  type CaseFile,
  type closeBody,
  type consentBody,
  type courtOrderBody,
  type professionalBody,
  type reopenBody,
} from '../../../shared/api/caseRecord.js';
import { userList } from '../../../shared/api/admin.js';
import { ROLE_PERMISSIONS, type Role } from '../../../shared/access.js';
import { caseList, readinessView } from '../../../shared/api/cases.js';
import {
  intakeVisitList,
  intakeVisitView,
  scheduledVisit,
  type completeVisitBody,
  type scheduleVisitBody,
} from '../../../shared/api/intake.js';
import { planList, planView, type planBody } from '../../../shared/api/plans.js';
import { assessmentList, assessmentView, type assessmentBody } from '../../../shared/api/risk.js';
import {
  acceptanceLinkSent,
  acceptanceList,
  type acceptanceLinkBody,
  type inPersonAcceptanceBody,
} from '../../../shared/api/rules.js';
import { apiRequest } from './client.js';

const casesKey = (centreId: string) => ['centres', centreId, 'cases'] as const;
const caseKey = (centreId: string, caseId: string) => [...casesKey(centreId), 'one', caseId] as const;
const casePath = (centreId: string, caseId: string) => `/centres/${centreId}/cases/${caseId}`;

export function useCases(centreId: string) {
  return useQuery({
    queryKey: [...casesKey(centreId), 'list'],
    queryFn: () => apiRequest(`/centres/${centreId}/cases`, { schema: caseList }),
  });
}

export function useCase(centreId: string, caseId: string) {
  return useQuery({
    queryKey: caseKey(centreId, caseId),
    queryFn: () => apiRequest(casePath(centreId, caseId), { schema: caseFile }),
  });
}

export function useReadiness(centreId: string, caseId: string) {
  return useQuery({
    queryKey: [...caseKey(centreId, caseId), 'readiness'],
    queryFn: () => apiRequest(`${casePath(centreId, caseId)}/readiness`, { schema: readinessView }),
  });
}

export function useIntakeVisits(centreId: string, caseId: string) {
  return useQuery({
    queryKey: [...caseKey(centreId, caseId), 'intake-visits'],
    queryFn: () => apiRequest(`${casePath(centreId, caseId)}/intake-visits`, { schema: intakeVisitList }),
  });
}

export function useRiskAssessments(centreId: string, caseId: string) {
  return useQuery({
    queryKey: [...caseKey(centreId, caseId), 'risk-assessments'],
    queryFn: () => apiRequest(`${casePath(centreId, caseId)}/risk-assessments`, { schema: assessmentList }),
  });
}

export function usePlans(centreId: string, caseId: string) {
  return useQuery({
    queryKey: [...caseKey(centreId, caseId), 'plans'],
    queryFn: () => apiRequest(`${casePath(centreId, caseId)}/plans`, { schema: planList }),
  });
}

const acceptancesKey = (centreId: string, caseId: string) =>
  [...caseKey(centreId, caseId), 'rules-acceptances'] as const;

export function useRulesAcceptances(centreId: string, caseId: string) {
  return useQuery({
    queryKey: acceptancesKey(centreId, caseId),
    queryFn: () => apiRequest(`${casePath(centreId, caseId)}/rules-acceptances`, { schema: acceptanceList }),
  });
}

/** An adult accepted the rules in front of a member of staff, who witnessed it. */
export function useRecordAcceptance(centreId: string, caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.output<typeof inPersonAcceptanceBody>) =>
      apiRequest(`${casePath(centreId, caseId)}/rules-acceptances`, {
        method: 'POST',
        body,
        schema: acceptanceList,
      }),
    onSuccess: (list) => {
      queryClient.setQueryData(acceptancesKey(centreId, caseId), list);
      // Accepting may be the last thing standing between the family and their first session.
      return queryClient.invalidateQueries({ queryKey: caseKey(centreId, caseId) });
    },
  });
}

/** Emails an adult a single-use link to read and accept the rules themselves. */
export function useSendAcceptanceLink(centreId: string, caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.output<typeof acceptanceLinkBody>) =>
      apiRequest(`${casePath(centreId, caseId)}/rules-acceptances/links`, {
        method: 'POST',
        body,
        schema: acceptanceLinkSent,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKey(centreId, caseId) }),
  });
}

/** Every write below may change readiness and the other sections: refresh the whole case. */
function useCaseWrite<B, R>(centreId: string, caseId: string, send: (body: B) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKey(centreId, caseId) }),
  });
}

/** Books an intake visit with one adult, or the children's introduction. */
export function useScheduleVisit(centreId: string, caseId: string) {
  return useCaseWrite(centreId, caseId, (body: z.output<typeof scheduleVisitBody>) =>
    apiRequest(`${casePath(centreId, caseId)}/intake-visits`, {
      method: 'POST',
      body,
      schema: scheduledVisit,
    }),
  );
}

/** Records who came to a visit and what came of it. */
export function useCompleteVisit(centreId: string, caseId: string) {
  return useCaseWrite(
    centreId,
    caseId,
    ({ visitId, body }: { visitId: string; body: z.output<typeof completeVisitBody> }) =>
      apiRequest(`${casePath(centreId, caseId)}/intake-visits/${visitId}/complete`, {
        method: 'POST',
        body,
        schema: intakeVisitView,
      }),
  );
}

/** Cancels a visit that has not happened; the adult is told. */
export function useCancelVisit(centreId: string, caseId: string) {
  return useCaseWrite(centreId, caseId, (visitId: string) =>
    apiRequest(`${casePath(centreId, caseId)}/intake-visits/${visitId}/cancel`, {
      method: 'POST',
      schema: scheduledVisit,
    }),
  );
}

/** Records a new version of the risk assessment, replacing the one in force. */
export function useRecordAssessment(centreId: string, caseId: string) {
  return useCaseWrite(centreId, caseId, (body: z.output<typeof assessmentBody>) =>
    apiRequest(`${casePath(centreId, caseId)}/risk-assessments`, {
      method: 'POST',
      body,
      schema: assessmentView,
    }),
  );
}

/** Agrees a new version of the contact plan, replacing the one in force. */
export function useAgreePlan(centreId: string, caseId: string) {
  return useCaseWrite(centreId, caseId, (body: z.output<typeof planBody>) =>
    apiRequest(`${casePath(centreId, caseId)}/plans`, { method: 'POST', body, schema: planView }),
  );
}

/** Every change to the case record answers with the whole case file: show it, and refresh the rest. */
function useCaseFileWrite<B>(centreId: string, caseId: string, send: (body: B) => Promise<CaseFile>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (file) => {
      queryClient.setQueryData(caseKey(centreId, caseId), file);
      // The list shows each case's status; the case's own sections (readiness, visits) hang below it.
      return queryClient.invalidateQueries({ queryKey: casesKey(centreId) });
    },
  });
}

/** Records consent for a child's information: a parent's, or the child's own above the centre's age. */
export function useRecordConsent(centreId: string, caseId: string) {
  return useCaseFileWrite(centreId, caseId, (body: z.output<typeof consentBody>) =>
    apiRequest(`${casePath(centreId, caseId)}/child-consents`, { method: 'POST', body, schema: caseFile }),
  );
}

export function useWithdrawConsent(centreId: string, caseId: string) {
  return useCaseFileWrite(centreId, caseId, (consentId: string) =>
    apiRequest(`${casePath(centreId, caseId)}/child-consents/${consentId}/withdraw`, {
      method: 'POST',
      schema: caseFile,
    }),
  );
}

/** Records a new court order; the one in force is kept as history. */
export function useRecordCourtOrder(centreId: string, caseId: string) {
  return useCaseFileWrite(centreId, caseId, (body: z.output<typeof courtOrderBody>) =>
    apiRequest(`${casePath(centreId, caseId)}/court-orders`, { method: 'POST', body, schema: caseFile }),
  );
}

export function useAddProfessional(centreId: string, caseId: string) {
  return useCaseFileWrite(centreId, caseId, (body: z.output<typeof professionalBody>) =>
    apiRequest(`${casePath(centreId, caseId)}/professionals`, { method: 'POST', body, schema: caseFile }),
  );
}

export function useEndProfessional(centreId: string, caseId: string) {
  return useCaseFileWrite(centreId, caseId, (professionalId: string) =>
    apiRequest(`${casePath(centreId, caseId)}/professionals/${professionalId}/end`, {
      method: 'POST',
      schema: caseFile,
    }),
  );
}

/** Closes the case with its outcome; the case list shows it closed too. */
export function useCloseCase(centreId: string, caseId: string) {
  return useCaseFileWrite(centreId, caseId, (body: z.output<typeof closeBody>) =>
    apiRequest(`${casePath(centreId, caseId)}/close`, { method: 'POST', body, schema: caseFile }),
  );
}

/** Opens a closed case again, with the reason. */
export function useReopenCase(centreId: string, caseId: string) {
  return useCaseFileWrite(centreId, caseId, (body: z.output<typeof reopenBody>) =>
    apiRequest(`${casePath(centreId, caseId)}/reopen`, { method: 'POST', body, schema: caseFile }),
  );
}

/**
 * The active staff of a centre who may hold an intake visit (those who may read case files), from the
 * staff list (the same query as the staff page, so one cache); only asked for by people who may see staff.
 */
export function useVisitStaff(centreId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['admin', 'users'],
    queryFn: () => apiRequest('/admin/users', { schema: userList }),
    enabled,
    select: (list) =>
      list.items
        .filter(
          (user) =>
            user.status === 'active' &&
            user.roles.some(
              (role) =>
                role.centreId === centreId && ROLE_PERMISSIONS[role.role as Role].includes('case:read'),
            ),
        )
        .map((user) => ({ id: user.id, name: user.displayName })),
  });
}
