import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PERMISSIONS } from '../../shared/access.js';
import {
  bookingBody,
  bookingList,
  bookingListQuery,
  bookingParams,
  bookingView,
  cancelBody,
  caseBookingParams,
  moveBody,
  separationBody,
  separationList,
  separationParams,
} from '../../shared/api/bookings.js';
import { z } from 'zod';
import { centreParams } from '../../shared/api/common.js';
import { actorOf } from '../access/guard.js';
import type { Config } from '../config.js';
import type { Db } from '../platform/database.js';
import { ERROR_RESPONSES } from '../platform/http-errors.js';
import { addSeparation, endSeparation, listSeparations } from './separations.js';
import { bookSession, cancelBooking, listBookings, moveBooking } from './service.js';

const tags = ['bookings'];
const errors = ERROR_RESPONSES;

export const bookingRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config }> = async (app, { db }) => {
  app.get(
    '/centres/:centreId/bookings',
    {
      config: { access: { permission: PERMISSIONS.TIMETABLE_READ } },
      schema: {
        tags,
        summary: "The centre's sessions between two dates (inclusive), by start time and room",
        params: centreParams,
        querystring: bookingListQuery,
        response: { 200: bookingList, ...errors },
      },
    },
    async (request) => listBookings(db, actorOf(request), request.params.centreId, request.query),
  );

  app.post(
    '/centres/:centreId/cases/:caseId/bookings',
    {
      config: { access: { permission: PERMISSIONS.TIMETABLE_MANAGE } },
      schema: {
        tags,
        summary:
          "Book one session of the case's plan (or add one within its dates): refused with the reason when the case is not ready or a rule would be broken",
        params: caseBookingParams,
        body: bookingBody,
        response: { 201: bookingView, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await bookSession(
            db,
            actorOf(request),
            request.params.centreId,
            request.params.caseId,
            request.body,
          ),
        ),
  );

  app.patch(
    '/centres/:centreId/bookings/:bookingId',
    {
      config: { access: { permission: PERMISSIONS.TIMETABLE_MANAGE } },
      schema: {
        tags,
        summary: 'Move one session: another date, time, room or supervisor, with every rule checked again',
        params: bookingParams,
        body: moveBody,
        response: { 200: bookingView, ...errors },
      },
    },
    async (request) =>
      moveBooking(db, actorOf(request), request.params.centreId, request.params.bookingId, request.body),
  );

  app.post(
    '/centres/:centreId/bookings/:bookingId/cancel',
    {
      config: { access: { permission: PERMISSIONS.TIMETABLE_MANAGE } },
      schema: {
        tags,
        summary: 'Cancel one session, with who cancelled, why and the notice given',
        params: bookingParams,
        body: cancelBody,
        response: { 200: bookingView, ...errors },
      },
    },
    async (request) =>
      cancelBooking(db, actorOf(request), request.params.centreId, request.params.bookingId, request.body),
  );

  app.get(
    '/centres/:centreId/separations',
    {
      config: { access: { permission: PERMISSIONS.TIMETABLE_READ } },
      schema: {
        tags,
        summary:
          'Adults kept apart on site: from risk assessments, and set by the coordinator across families',
        params: centreParams,
        response: { 200: separationList, ...errors },
      },
    },
    async (request) => listSeparations(db, actorOf(request), request.params.centreId),
  );

  app.post(
    '/centres/:centreId/separations',
    {
      config: { access: { permission: PERMISSIONS.TIMETABLE_MANAGE } },
      schema: {
        tags,
        summary:
          'Keep two adults apart on site (often of different families); refused if sessions already booked would bring them together',
        params: centreParams,
        body: separationBody,
        response: { 201: z.object({ id: z.uuid() }), ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addSeparation(db, actorOf(request), request.params.centreId, request.body)),
  );

  app.post(
    '/centres/:centreId/separations/:separationId/end',
    {
      config: { access: { permission: PERMISSIONS.TIMETABLE_MANAGE } },
      schema: {
        tags,
        summary:
          'Stop keeping two adults apart (one the coordinator set; assessments change through the assessment)',
        params: separationParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await endSeparation(db, actorOf(request), request.params.centreId, request.params.separationId);
      return reply.status(204).send(null);
    },
  );
};
