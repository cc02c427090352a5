import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PERMISSIONS } from '../../shared/access.js';
import { tokenParams } from '../../shared/api/auth.js';
import { centreParams, id } from '../../shared/api/common.js';
import {
  acceptanceLinkBody,
  acceptanceLinkSent,
  acceptanceList,
  inPersonAcceptanceBody,
  rulesBody,
  rulesLinkView,
  rulesView,
  settingsBody,
  settingsView,
} from '../../shared/api/rules.js';
import { actorOf } from '../access/guard.js';
import type { Config } from '../config.js';
import type { Db } from '../platform/database.js';
import { ERROR_RESPONSES } from '../platform/http-errors.js';
import {
  acceptThroughLink,
  acceptancesForCase,
  centreSettingsOf,
  changeCentreSettings,
  publishRules,
  readRules,
  recordInPersonAcceptance,
  sendAcceptanceLink,
  showRulesLink,
} from './service.js';

const tags = ['centre rules'];
const errors = ERROR_RESPONSES;
const caseRouteParams = z.strictObject({ centreId: id, caseId: id });

export const rulesRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config }> = async (app, { db, config }) => {
  app.get(
    '/centres/:centreId/rules',
    {
      config: { access: { permission: PERMISSIONS.CENTRE_READ } },
      schema: {
        tags,
        summary: "The centre's current rules",
        params: centreParams,
        response: { 200: rulesView, ...errors },
      },
    },
    async (request) => readRules(db, request.params.centreId),
  );

  app.put(
    '/centres/:centreId/rules',
    {
      config: { access: { permission: PERMISSIONS.CENTRE_RULES_MANAGE } },
      schema: {
        tags,
        summary: 'Publish a new version of the rules (every adult accepts it again)',
        params: centreParams,
        body: rulesBody,
        response: { 200: rulesView, ...errors },
      },
    },
    async (request) => publishRules(db, actorOf(request), request.params.centreId, request.body.body),
  );

  app.get(
    '/centres/:centreId/settings',
    {
      config: { access: { permission: PERMISSIONS.CENTRE_READ } },
      schema: {
        tags,
        summary: "The centre's service settings",
        params: centreParams,
        response: { 200: settingsView, ...errors },
      },
    },
    async (request) => centreSettingsOf(db, request.params.centreId),
  );

  app.patch(
    '/centres/:centreId/settings',
    {
      config: { access: { permission: PERMISSIONS.CENTRE_RULES_MANAGE } },
      schema: {
        tags,
        summary: "Change the centre's service settings",
        params: centreParams,
        body: settingsBody,
        response: { 200: settingsView, ...errors },
      },
    },
    async (request) => changeCentreSettings(db, actorOf(request), request.params.centreId, request.body),
  );

  app.get(
    '/centres/:centreId/cases/:caseId/rules-acceptances',
    {
      config: { access: { permission: PERMISSIONS.CASE_READ } },
      schema: {
        tags,
        summary: 'Who has accepted the current rules',
        params: caseRouteParams,
        response: { 200: acceptanceList, ...errors },
      },
    },
    async (request) =>
      acceptancesForCase(db, actorOf(request), request.params.centreId, request.params.caseId),
  );

  app.post(
    '/centres/:centreId/cases/:caseId/rules-acceptances',
    {
      config: { access: { permission: PERMISSIONS.CASE_WRITE } },
      schema: {
        tags,
        summary: 'Record that an adult accepted the rules in person, witnessed by staff',
        params: caseRouteParams,
        body: inPersonAcceptanceBody,
        response: { 200: acceptanceList, ...errors },
      },
    },
    async (request) =>
      recordInPersonAcceptance(
        db,
        actorOf(request),
        request.params.centreId,
        request.params.caseId,
        request.body,
      ),
  );

  app.post(
    '/centres/:centreId/cases/:caseId/rules-acceptances/links',
    {
      config: { access: { permission: PERMISSIONS.CASE_WRITE } },
      schema: {
        tags,
        summary: 'Email an adult a single-use link to accept the rules online',
        params: caseRouteParams,
        body: acceptanceLinkBody,
        response: { 200: acceptanceLinkSent, ...errors },
      },
    },
    async (request) =>
      sendAcceptanceLink(
        db,
        actorOf(request),
        request.params.centreId,
        request.params.caseId,
        request.body.personId,
        config.publicUrl,
      ),
  );

  app.get(
    '/rules-links/:token',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: 'The rules behind an emailed link',
        params: tokenParams,
        response: { 200: rulesLinkView, ...errors },
      },
    },
    async (request) => showRulesLink(db, request.params.token),
  );

  app.post(
    '/rules-links/:token/accept',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: 'Accept the rules through an emailed link',
        params: tokenParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await acceptThroughLink(db, request.meta, request.params.token);
      return reply.status(204).send(null);
    },
  );
};
