import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PERMISSIONS } from '../../shared/access.js';
import { centreParams, id } from '../../shared/api/common.js';
import {
  closureBody,
  closureList,
  closuresQuery,
  closureView,
  occurrenceWindow,
  openingOccurrenceList,
  openingSessionBody,
  openingSessionEndBody,
  openingSessionList,
  openingSessionPatchBody,
  openingSessionView,
  venueBody,
  venueList,
  venuePatchBody,
  venueView,
} from '../../shared/api/venues.js';
import { actorOf } from '../access/guard.js';
import type { Config } from '../config.js';
import type { Db } from '../platform/database.js';
import { ERROR_RESPONSES } from '../platform/http-errors.js';
import {
  addClosure,
  addOpeningSession,
  addVenue,
  changeOpeningSession,
  changeVenue,
  closuresOf,
  deactivateVenue,
  endOpeningSession,
  openingOccurrences,
  openingSessionsOf,
  reactivateVenue,
  removeClosure,
  venuesOf,
} from './service.js';

const errors = ERROR_RESPONSES;
/** A venue, opening session or closure of the centre. */
const recordParams = z.strictObject({ centreId: id, id });
const venueTags = ['venues'];
const timetableTags = ['opening times'];
const rooms = { read: PERMISSIONS.ROOM_READ, manage: PERMISSIONS.ROOM_MANAGE };
const timetable = { read: PERMISSIONS.TIMETABLE_READ, manage: PERMISSIONS.TIMETABLE_MANAGE };

export const venueRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config }> = async (app, { db }) => {
  // Venues: the same permissions as rooms, which are in them.

  app.get(
    '/centres/:centreId/venues',
    {
      config: { access: { permission: rooms.read } },
      schema: {
        tags: venueTags,
        summary: "The centre's own building and the alternative venues it uses",
        params: centreParams,
        response: { 200: venueList, ...errors },
      },
    },
    async (request) => ({ items: await venuesOf(db, actorOf(request), request.params.centreId) }),
  );

  app.post(
    '/centres/:centreId/venues',
    {
      config: { access: { permission: rooms.manage } },
      schema: {
        tags: venueTags,
        summary: 'Add a venue (a library, a family home, a community room)',
        params: centreParams,
        body: venueBody,
        response: { 201: venueView, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addVenue(db, actorOf(request), request.params.centreId, request.body)),
  );

  app.patch(
    '/centres/:centreId/venues/:id',
    {
      config: { access: { permission: rooms.manage } },
      schema: {
        tags: venueTags,
        summary: 'Change a venue',
        params: recordParams,
        body: venuePatchBody,
        response: { 200: venueView, ...errors },
      },
    },
    async (request) =>
      changeVenue(db, actorOf(request), request.params.centreId, request.params.id, request.body),
  );

  app.post(
    '/centres/:centreId/venues/:id/deactivate',
    {
      config: { access: { permission: rooms.manage } },
      schema: {
        tags: venueTags,
        summary: 'Take a venue out of use (refused while sessions run or are booked there)',
        params: recordParams,
        response: { 200: venueView, ...errors },
      },
    },
    async (request) => deactivateVenue(db, actorOf(request), request.params.centreId, request.params.id),
  );

  app.post(
    '/centres/:centreId/venues/:id/reactivate',
    {
      config: { access: { permission: rooms.manage } },
      schema: {
        tags: venueTags,
        summary: 'Bring a venue back into use',
        params: recordParams,
        response: { 200: venueView, ...errors },
      },
    },
    async (request) => reactivateVenue(db, actorOf(request), request.params.centreId, request.params.id),
  );

  // Opening sessions and closures: the timetable's permissions.

  app.get(
    '/centres/:centreId/opening-sessions',
    {
      config: { access: { permission: timetable.read } },
      schema: {
        tags: timetableTags,
        summary: 'When the centre opens for contact',
        params: centreParams,
        response: { 200: openingSessionList, ...errors },
      },
    },
    async (request) => ({ items: await openingSessionsOf(db, actorOf(request), request.params.centreId) }),
  );

  app.get(
    '/centres/:centreId/opening-sessions/occurrences',
    {
      config: { access: { permission: timetable.read } },
      schema: {
        tags: timetableTags,
        summary:
          'The opening sessions between two dates (at most 92 days), on the centre’s clock and in UTC, closures marked',
        params: centreParams,
        querystring: occurrenceWindow,
        response: { 200: openingOccurrenceList, ...errors },
      },
    },
    async (request) => openingOccurrences(db, actorOf(request), request.params.centreId, request.query),
  );

  app.post(
    '/centres/:centreId/opening-sessions',
    {
      config: { access: { permission: timetable.manage } },
      schema: {
        tags: timetableTags,
        summary: 'Add opening sessions (for example alternate Saturdays 10:00 to 12:00, supported)',
        params: centreParams,
        body: openingSessionBody,
        response: { 201: openingSessionView, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addOpeningSession(db, actorOf(request), request.params.centreId, request.body)),
  );

  app.patch(
    '/centres/:centreId/opening-sessions/:id',
    {
      config: { access: { permission: timetable.manage } },
      schema: {
        tags: timetableTags,
        summary: 'Change opening sessions',
        params: recordParams,
        body: openingSessionPatchBody,
        response: { 200: openingSessionView, ...errors },
      },
    },
    async (request) =>
      changeOpeningSession(db, actorOf(request), request.params.centreId, request.params.id, request.body),
  );

  app.post(
    '/centres/:centreId/opening-sessions/:id/end',
    {
      config: { access: { permission: timetable.manage } },
      schema: {
        tags: timetableTags,
        summary: 'End opening sessions: the last day they run',
        params: recordParams,
        body: openingSessionEndBody,
        response: { 200: openingSessionView, ...errors },
      },
    },
    async (request) =>
      endOpeningSession(
        db,
        actorOf(request),
        request.params.centreId,
        request.params.id,
        request.body.lastDay,
      ),
  );

  app.get(
    '/centres/:centreId/closures',
    {
      config: { access: { permission: timetable.read } },
      schema: {
        tags: timetableTags,
        summary: 'Days the centre, or one venue, is closed',
        params: centreParams,
        querystring: closuresQuery,
        response: { 200: closureList, ...errors },
      },
    },
    async (request) => ({
      items: await closuresOf(db, actorOf(request), request.params.centreId, request.query.from),
    }),
  );

  app.post(
    '/centres/:centreId/closures',
    {
      config: { access: { permission: timetable.manage } },
      schema: {
        tags: timetableTags,
        summary: 'Close the centre, or one venue, for some days (closures may overlap)',
        params: centreParams,
        body: closureBody,
        response: { 201: closureView, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addClosure(db, actorOf(request), request.params.centreId, request.body)),
  );

  app.delete(
    '/centres/:centreId/closures/:id',
    {
      config: { access: { permission: timetable.manage } },
      schema: {
        tags: timetableTags,
        summary: 'Remove a closure',
        params: recordParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await removeClosure(db, actorOf(request), request.params.centreId, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
