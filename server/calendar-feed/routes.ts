import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PERMISSIONS } from '../../shared/access.js';
import {
  calendarFeedCreated,
  calendarFeedParams,
  calendarFeedStatus,
} from '../../shared/api/calendar-feed.js';
import { actorOf } from '../access/guard.js';
import type { Config } from '../config.js';
import type { Db } from '../platform/database.js';
import { ERROR_RESPONSES } from '../platform/http-errors.js';
import {
  calendarFeedStatus as statusOf,
  calendarText,
  createCalendarFeed,
  revokeCalendarFeed,
} from './service.js';

const tags = ['calendar feed'];
const errors = ERROR_RESPONSES;
const own = { access: { permission: PERMISSIONS.OWN_CALENDAR_FEED } };

const calendarBody = z.string().meta({ type: 'string', description: 'An iCalendar (RFC 5545) document' });

export const calendarFeedRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config }> = async (
  app,
  { db, config },
) => {
  app.get(
    '/my/calendar-feed',
    {
      config: own,
      schema: {
        tags,
        summary: 'Whether I have a calendar feed, and when a calendar app last fetched it',
        response: { 200: calendarFeedStatus, ...errors },
      },
    },
    async (request) => statusOf(db, actorOf(request)),
  );

  app.post(
    '/my/calendar-feed',
    {
      config: own,
      schema: {
        tags,
        summary: 'Make my calendar feed (replacing any old one): its secret address is shown this once',
        response: { 201: calendarFeedCreated, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createCalendarFeed(db, actorOf(request), config.publicUrl)),
  );

  app.delete(
    '/my/calendar-feed',
    {
      config: own,
      schema: {
        tags,
        summary: 'Turn my calendar feed off: its address stops working at once',
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await revokeCalendarFeed(db, actorOf(request));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/calendar/:token.ics',
    {
      // The secret address is the credential: calendar apps cannot sign in.
      config: { access: { public: true } },
      schema: {
        tags,
        summary:
          'A calendar feed (iCalendar): shifts and supervised sessions with initials and rooms only; unknown or turned off answers 404',
        params: calendarFeedParams,
        response: {
          200: { description: 'The calendar', content: { 'text/calendar': { schema: calendarBody } } },
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const text = await calendarText(db, request.params.token, request.meta);
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', 'inline; filename="neutral-ground.ics"')
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .send(text);
    },
  );
};
