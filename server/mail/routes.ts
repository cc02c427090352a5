import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PERMISSIONS } from '../../shared/access.js';
import { errorBody } from '../../shared/api/common.js';
import { outboxList, outboxQuery } from '../../shared/api/outbox.js';
import { actorOf } from '../access/guard.js';
import type { Config } from '../config.js';
import type { Db } from '../platform/database.js';
import { listOutbox } from './service.js';

export const mailRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config }> = async (app, { db, config }) => {
  app.get(
    '/admin/outbox',
    {
      config: { access: { permission: PERMISSIONS.OUTBOX_READ } },
      schema: {
        tags: ['mail'],
        summary: 'Mail waiting to be sent, and sent',
        querystring: outboxQuery,
        response: { 200: outboxList, 400: errorBody, 401: errorBody, 403: errorBody },
      },
    },
    async (request) => ({
      smtpConfigured: Boolean(config.smtpUrl),
      items: await listOutbox(db, actorOf(request), request.query.status),
    }),
  );
};
