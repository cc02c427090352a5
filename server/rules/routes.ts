import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../config.js';
import type { Db } from '../platform/database.js';

export const rulesRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config }> = async () => {};
