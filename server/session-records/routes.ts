import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PERMISSIONS } from '../../shared/access.js';
import { centreParams } from '../../shared/api/common.js';
import {
  bookingRecordsParams,
  caseRecordsParams,
  centreIncidentsQuery,
  checkItemBody,
  followUpCount,
  followUpDoneBody,
  holdBackBody,
  incidentBody,
  incidentList,
  incidentParams,
  incidentRecorded,
  incidentView,
  indirectItemBody,
  indirectItemList,
  indirectItemParams,
  indirectItemView,
  observationBody,
  observationList,
  observationView,
  passOnBody,
} from '../../shared/api/session-records.js';
import { actorOf } from '../access/guard.js';
import type { Config } from '../config.js';
import type { Db } from '../platform/database.js';
import { ERROR_RESPONSES } from '../platform/http-errors.js';
import {
  followUpDone,
  incidentsOfCase,
  incidentsOfCentre,
  openFollowUpCount,
  recordIncident,
} from './incidents.js';
import {
  checkIndirectItem,
  holdBackIndirectItem,
  indirectItemsOfCase,
  passOnIndirectItem,
  receiveIndirectItem,
} from './indirect-items.js';
import { observationsOfCase, observationsOfSession, writeObservation } from './observations.js';

const tags = ['session records'];
const errors = ERROR_RESPONSES;
const read = { access: { permission: PERMISSIONS.CASE_READ } };
const items = { access: { permission: PERMISSIONS.SANCTIONS_MANAGE } };

export const sessionRecordRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config }> = async (app, { db }) => {
  // Observation records

  app.get(
    '/centres/:centreId/cases/:caseId/observations',
    {
      config: read,
      schema: {
        tags,
        summary: 'The observation records of a case (supervised sessions), with their corrections',
        params: caseRecordsParams,
        response: { 200: observationList, ...errors },
      },
    },
    async (request) =>
      observationsOfCase(db, actorOf(request), request.params.centreId, request.params.caseId),
  );

  app.get(
    '/centres/:centreId/bookings/:bookingId/observations',
    {
      config: read,
      schema: {
        tags,
        summary: 'The observation records of one session',
        params: bookingRecordsParams,
        response: { 200: observationList, ...errors },
      },
    },
    async (request) =>
      observationsOfSession(db, actorOf(request), request.params.centreId, request.params.bookingId),
  );

  app.post(
    '/centres/:centreId/bookings/:bookingId/observations',
    {
      config: { access: { permission: PERMISSIONS.OBSERVATIONS_WRITE } },
      schema: {
        tags,
        summary:
          'Write an observation record of a supervised session once it has started (its supervisor or a coordinator); a correction names the record it corrects',
        params: bookingRecordsParams,
        body: observationBody,
        response: { 201: observationView, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await writeObservation(
            db,
            actorOf(request),
            request.params.centreId,
            request.params.bookingId,
            request.body,
          ),
        ),
  );

  // Incidents

  app.post(
    '/centres/:centreId/bookings/:bookingId/incidents',
    {
      config: { access: { permission: PERMISSIONS.INCIDENTS_RECORD } },
      schema: {
        tags,
        summary:
          'Record an incident at a session: what happened, who, the action taken and any follow-up (from the roster too)',
        params: bookingRecordsParams,
        body: incidentBody,
        response: { 201: incidentRecorded, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await recordIncident(
            db,
            actorOf(request),
            request.params.centreId,
            request.params.bookingId,
            request.body,
          ),
        ),
  );

  app.get(
    '/centres/:centreId/cases/:caseId/incidents',
    {
      config: read,
      schema: {
        tags,
        summary: 'The incidents of a case, the latest first',
        params: caseRecordsParams,
        response: { 200: incidentList, ...errors },
      },
    },
    async (request) => incidentsOfCase(db, actorOf(request), request.params.centreId, request.params.caseId),
  );

  app.get(
    '/centres/:centreId/incidents',
    {
      config: read,
      schema: {
        tags,
        summary:
          "The centre's incidents: with open=true, those whose follow-up is still to do (oldest first); otherwise the latest 100",
        params: centreParams,
        querystring: centreIncidentsQuery,
        response: { 200: incidentList, ...errors },
      },
    },
    async (request) => incidentsOfCentre(db, actorOf(request), request.params.centreId, request.query.open),
  );

  app.get(
    '/centres/:centreId/incidents/open-count',
    {
      config: read,
      schema: {
        tags,
        summary: 'How many follow-ups are still to do at the centre (a number only)',
        params: centreParams,
        response: { 200: followUpCount, ...errors },
      },
    },
    async (request) => openFollowUpCount(db, actorOf(request), request.params.centreId),
  );

  app.post(
    '/centres/:centreId/incidents/:incidentId/follow-up-done',
    {
      config: { access: { permission: PERMISSIONS.CASE_WRITE } },
      schema: {
        tags,
        summary: "Mark an incident's follow-up as done",
        params: incidentParams,
        body: followUpDoneBody,
        response: { 200: incidentView, ...errors },
      },
    },
    async (request) => followUpDone(db, actorOf(request), request.params.centreId, request.params.incidentId),
  );

  // Indirect contact items

  app.get(
    '/centres/:centreId/cases/:caseId/indirect-items',
    {
      config: read,
      schema: {
        tags,
        summary: 'The letters, cards and gifts received for the children of a case, with their steps',
        params: caseRecordsParams,
        response: { 200: indirectItemList, ...errors },
      },
    },
    async (request) =>
      indirectItemsOfCase(db, actorOf(request), request.params.centreId, request.params.caseId),
  );

  app.post(
    '/centres/:centreId/cases/:caseId/indirect-items',
    {
      config: items,
      schema: {
        tags,
        summary: 'Record a letter, card, gift or other item received from an adult of the case for a child',
        params: caseRecordsParams,
        body: indirectItemBody,
        response: { 201: indirectItemView, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await receiveIndirectItem(
            db,
            actorOf(request),
            request.params.centreId,
            request.params.caseId,
            request.body,
          ),
        ),
  );

  app.post(
    '/centres/:centreId/indirect-items/:itemId/check',
    {
      config: items,
      schema: {
        tags,
        summary: 'Record that an item was checked, with what the check found',
        params: indirectItemParams,
        body: checkItemBody,
        response: { 200: indirectItemView, ...errors },
      },
    },
    async (request) =>
      checkIndirectItem(
        db,
        actorOf(request),
        request.params.centreId,
        request.params.itemId,
        request.body.notes,
      ),
  );

  app.post(
    '/centres/:centreId/indirect-items/:itemId/pass-on',
    {
      config: items,
      schema: {
        tags,
        summary: 'Record that a checked item was passed on to the child',
        params: indirectItemParams,
        body: passOnBody,
        response: { 200: indirectItemView, ...errors },
      },
    },
    async (request) =>
      passOnIndirectItem(
        db,
        actorOf(request),
        request.params.centreId,
        request.params.itemId,
        request.body.at,
      ),
  );

  app.post(
    '/centres/:centreId/indirect-items/:itemId/hold-back',
    {
      config: items,
      schema: {
        tags,
        summary: 'Record that a checked item is held back, and why',
        params: indirectItemParams,
        body: holdBackBody,
        response: { 200: indirectItemView, ...errors },
      },
    },
    async (request) =>
      holdBackIndirectItem(
        db,
        actorOf(request),
        request.params.centreId,
        request.params.itemId,
        request.body.reason,
      ),
  );
};
