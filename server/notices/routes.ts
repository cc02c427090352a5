import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PERMISSIONS } from '../../shared/access.js';
import { attendanceParams, attendanceView, noShowParams, noShowView } from '../../shared/api/notices.js';
import { actorOf } from '../access/guard.js';
import type { Config } from '../config.js';
import type { Db } from '../platform/database.js';
import { ERROR_RESPONSES } from '../platform/http-errors.js';
import { attendanceOf, recordNoShow, undoNoShow } from './attendance.js';

const errors = ERROR_RESPONSES;

export const noticeRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config }> = async (app, { db }) => {
  app.get(
    '/centres/:centreId/cases/:caseId/attendance',
    {
      config: { access: { permission: PERMISSIONS.CASE_READ } },
      schema: {
        tags: ['cases'],
        summary:
          'Attendance per adult: sessions attended, late arrivals, late cancellations and no-shows; and the recent sessions',
        params: attendanceParams,
        response: { 200: attendanceView, ...errors },
      },
    },
    async (request) => attendanceOf(db, actorOf(request), request.params.centreId, request.params.caseId),
  );

  app.post(
    '/centres/:centreId/roster/:bookingId/people/:personId/no-show',
    {
      config: { access: { permission: PERMISSIONS.CHECK_IN } },
      schema: {
        tags: ['session day'],
        summary: 'Record that an adult did not come and did not cancel (only after their planned arrival)',
        params: noShowParams,
        response: { 200: noShowView, ...errors },
      },
    },
    async (request) =>
      recordNoShow(
        db,
        actorOf(request),
        request.params.centreId,
        request.params.bookingId,
        request.params.personId,
      ),
  );

  app.delete(
    '/centres/:centreId/roster/:bookingId/people/:personId/no-show',
    {
      config: { access: { permission: PERMISSIONS.CHECK_IN } },
      schema: {
        tags: ['session day'],
        summary: 'Undo a no-show recorded by mistake',
        params: noShowParams,
        response: { 200: noShowView, ...errors },
      },
    },
    async (request) =>
      undoNoShow(
        db,
        actorOf(request),
        request.params.centreId,
        request.params.bookingId,
        request.params.personId,
      ),
  );
};
