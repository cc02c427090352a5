import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PERMISSIONS } from '../../shared/access.js';
import { centreParams } from '../../shared/api/common.js';
import {
  rotaQuery,
  rotaStaffList,
  rotaStaffQuery,
  rotaView,
  shiftBody,
  shiftParams,
  shiftView,
} from '../../shared/api/rota.js';
import { actorOf } from '../access/guard.js';
import type { Config } from '../config.js';
import type { Db } from '../platform/database.js';
import { ERROR_RESPONSES } from '../platform/http-errors.js';
import { addShift, removeShift, rotaOf, rotaStaffOn } from './service.js';

const tags = ['rota'];
const errors = ERROR_RESPONSES;

export const rotaRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config }> = async (app, { db }) => {
  app.get(
    '/centres/:centreId/rota',
    {
      config: { access: { permission: PERMISSIONS.TIMETABLE_READ } },
      schema: {
        tags,
        summary:
          'The rota between two dates (inclusive): shifts, the opening sessions with their staffing, and staffing warnings',
        params: centreParams,
        querystring: rotaQuery,
        response: { 200: rotaView, ...errors },
      },
    },
    async (request) => rotaOf(db, actorOf(request), request.params.centreId, request.query),
  );

  app.get(
    '/centres/:centreId/rota/staff',
    {
      config: { access: { permission: PERMISSIONS.TIMETABLE_MANAGE } },
      schema: {
        tags,
        summary:
          "Who could be on the rota on a day: the centre's staff, and whether their checks are current",
        params: centreParams,
        querystring: rotaStaffQuery,
        response: { 200: rotaStaffList, ...errors },
      },
    },
    async (request) => rotaStaffOn(db, actorOf(request), request.params.centreId, request.query.date),
  );

  app.post(
    '/centres/:centreId/rota',
    {
      config: { access: { permission: PERMISSIONS.TIMETABLE_MANAGE } },
      schema: {
        tags,
        summary:
          'Put a member of staff on the rota: refused when their checks are not current that day or they are already on a shift then',
        params: centreParams,
        body: shiftBody,
        response: { 201: shiftView, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addShift(db, actorOf(request), request.params.centreId, request.body)),
  );

  app.delete(
    '/centres/:centreId/rota/:shiftId',
    {
      config: { access: { permission: PERMISSIONS.TIMETABLE_MANAGE } },
      schema: {
        tags,
        summary: 'Take a shift off the rota (one that has ended stays, as the record of who was on duty)',
        params: shiftParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await removeShift(db, actorOf(request), request.params.centreId, request.params.shiftId);
      return reply.status(204).send(null);
    },
  );
};
