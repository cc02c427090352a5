import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PERMISSIONS } from '../../shared/access.js';
import {
  centreBody,
  centreList,
  centrePatchBody,
  centreView,
  roomBody,
  roomList,
  roomPatchBody,
  roomView,
} from '../../shared/api/admin.js';
import { centreParams, id, idParams } from '../../shared/api/common.js';
import { actorOf } from '../access/guard.js';
import type { Config } from '../config.js';
import type { Db } from '../platform/database.js';
import { ERROR_RESPONSES } from '../platform/http-errors.js';
import { addRoom, changeCentre, changeRoom, createCentre, listVisibleCentres, roomsOf } from './service.js';

const errors = ERROR_RESPONSES;
const roomParams = z.strictObject({ centreId: id, id });

export const organisationRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config }> = async (app, { db }) => {
  app.get(
    '/admin/centres',
    {
      config: { access: { permission: PERMISSIONS.CENTRE_READ } },
      schema: { tags: ['centres'], summary: 'Centres you act for', response: { 200: centreList, ...errors } },
    },
    async (request) => ({ items: await listVisibleCentres(db, actorOf(request)) }),
  );

  app.post(
    '/admin/centres',
    {
      config: { access: { permission: PERMISSIONS.CENTRE_MANAGE } },
      schema: {
        tags: ['centres'],
        summary: 'Open a new centre',
        body: centreBody,
        response: { 201: centreView, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await createCentre(db, actorOf(request), request.body)),
  );

  app.patch(
    '/admin/centres/:id',
    {
      config: { access: { permission: PERMISSIONS.CENTRE_MANAGE } },
      schema: {
        tags: ['centres'],
        summary: "Change a centre's details",
        params: idParams,
        body: centrePatchBody,
        response: { 200: centreView, ...errors },
      },
    },
    async (request) => changeCentre(db, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/centres/:centreId/rooms',
    {
      config: { access: { permission: PERMISSIONS.ROOM_READ } },
      schema: {
        tags: ['rooms'],
        summary: "A centre's rooms",
        params: centreParams,
        response: { 200: roomList, ...errors },
      },
    },
    async (request) => ({ items: await roomsOf(db, actorOf(request), request.params.centreId) }),
  );

  app.post(
    '/centres/:centreId/rooms',
    {
      config: { access: { permission: PERMISSIONS.ROOM_MANAGE } },
      schema: {
        tags: ['rooms'],
        summary: 'Add a room',
        params: centreParams,
        body: roomBody,
        response: { 201: roomView, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addRoom(db, actorOf(request), request.params.centreId, request.body)),
  );

  app.patch(
    '/centres/:centreId/rooms/:id',
    {
      config: { access: { permission: PERMISSIONS.ROOM_MANAGE } },
      schema: {
        tags: ['rooms'],
        summary: 'Change a room',
        params: roomParams,
        body: roomPatchBody,
        response: { 200: roomView, ...errors },
      },
    },
    async (request) =>
      changeRoom(db, actorOf(request), request.params.centreId, request.params.id, request.body),
  );
};
