import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PERMISSIONS } from '../../shared/access.js';
import { centreParams } from '../../shared/api/common.js';
import {
  movementBody,
  movementView,
  onSiteView,
  rosterPersonParams,
  rosterQuery,
  rosterView,
  undoBody,
} from '../../shared/api/roster.js';
import { actorOf } from '../access/guard.js';
import type { Config } from '../config.js';
import type { Db } from '../platform/database.js';
import { ERROR_RESPONSES } from '../platform/http-errors.js';
import { onSite, recordArrival, recordDeparture, rosterOf, undoMovement } from './service.js';

const tags = ['session day'];
const errors = ERROR_RESPONSES;

export const rosterRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config }> = async (app, { db }) => {
  app.get(
    '/centres/:centreId/roster',
    {
      config: { access: { permission: PERMISSIONS.ROSTER_READ } },
      schema: {
        tags,
        summary: "The day's roster: first names, times, room and safety flags (today unless a date is given)",
        params: centreParams,
        querystring: rosterQuery,
        response: { 200: rosterView, ...errors },
      },
    },
    async (request) => rosterOf(db, actorOf(request), request.params.centreId, request.query.date),
  );

  app.post(
    '/centres/:centreId/roster/:bookingId/people/:personId/arrive',
    {
      config: { access: { permission: PERMISSIONS.CHECK_IN } },
      schema: {
        tags,
        summary: 'Check a person in (a child only with the adult who brings them)',
        params: rosterPersonParams,
        body: movementBody,
        response: { 200: movementView, ...errors },
      },
    },
    async (request) =>
      recordArrival(
        db,
        actorOf(request),
        request.params.centreId,
        request.params.bookingId,
        request.params.personId,
        request.body.at,
      ),
  );

  app.post(
    '/centres/:centreId/roster/:bookingId/people/:personId/leave',
    {
      config: { access: { permission: PERMISSIONS.CHECK_IN } },
      schema: {
        tags,
        summary:
          'Check a person out (a child is handed back to the adult who brought them), with who goes next',
        params: rosterPersonParams,
        body: movementBody,
        response: { 200: movementView, ...errors },
      },
    },
    async (request) =>
      recordDeparture(
        db,
        actorOf(request),
        request.params.centreId,
        request.params.bookingId,
        request.params.personId,
        request.body.at,
      ),
  );

  for (const kind of ['arrive', 'leave'] as const) {
    app.post(
      `/centres/:centreId/roster/:bookingId/people/:personId/undo-${kind}`,
      {
        config: { access: { permission: PERMISSIONS.CHECK_IN } },
        schema: {
          tags,
          summary:
            kind === 'arrive'
              ? 'Take back a check-in tapped by mistake (before the person leaves; a child’s first)'
              : 'Take back a check-out tapped by mistake (a child’s only while the adult is here)',
          params: rosterPersonParams,
          body: undoBody,
          response: { 200: movementView, ...errors },
        },
      },
      async (request) =>
        undoMovement(
          db,
          actorOf(request),
          request.params.centreId,
          request.params.bookingId,
          request.params.personId,
          kind,
        ),
    );
  }

  app.get(
    '/centres/:centreId/on-site',
    {
      config: { access: { permission: PERMISSIONS.CHECK_IN } },
      schema: {
        tags,
        summary: 'Everyone in the building now, for a fire roll call',
        params: centreParams,
        response: { 200: onSiteView, ...errors },
      },
    },
    async (request) => onSite(db, actorOf(request), request.params.centreId),
  );
};
