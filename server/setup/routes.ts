import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '../../shared/api/common.js';
import { setupBody, setupStatusView } from '../../shared/api/setup.js';
import type { Config } from '../config.js';
import type { Db } from '../platform/database.js';
import { completeSetup, setupNeeded } from './service.js';

const tags = ['first run'];

export const setupRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config }> = async (app, { db }) => {
  app.get(
    '/setup',
    {
      config: { access: { public: true } },
      schema: { tags, summary: 'Whether first-run setup is still to do', response: { 200: setupStatusView } },
    },
    async () => ({ needed: await setupNeeded(db) }),
  );

  app.post(
    '/setup',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: 'Create the organisation, first centre and first administrator',
        body: setupBody,
        response: { 201: z.null(), 400: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request, reply) => {
      await completeSetup(db, request.meta, request.body);
      return reply.status(201).send(null);
    },
  );
};
