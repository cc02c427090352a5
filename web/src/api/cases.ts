/**
 * Cases: the centre's list, one family's case file, and what hangs off it (readiness to book, intake
 * visits, the risk assessment, the contact plan, and who has accepted the centre's rules).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { caseDetail, caseList, readinessView } from '../../../shared/api/cases.js';
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
    queryFn: () => apiRequest(casePath(centreId, caseId), { schema: caseDetail }),
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
