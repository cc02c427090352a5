import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PERMISSIONS } from '../../shared/access.js';
import {
  invitationList,
  invitationSummary,
  inviteBody,
  setRolesBody,
  userList,
  userView,
} from '../../shared/api/admin.js';
import { idParams } from '../../shared/api/common.js';
import { actorOf } from '../access/guard.js';
import type { Config } from '../config.js';
import type { Db } from '../platform/database.js';
import { ERROR_RESPONSES } from '../platform/http-errors.js';
import { createInvitation, listInvitations, revokeInvitation } from './invitations.js';
import { listStaff, resetStaffTwoFactor, setStaffRoles, setStaffStatus } from './staff.js';

const tags = ['staff accounts'];
const errors = ERROR_RESPONSES;
const read = { access: { permission: PERMISSIONS.USER_READ } };
const manage = { access: { permission: PERMISSIONS.USER_MANAGE } };

export const staffRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config }> = async (app, { db, config }) => {
  app.get(
    '/admin/users',
    {
      config: read,
      schema: { tags, summary: 'Staff accounts you may see', response: { 200: userList, ...errors } },
    },
    async (request) => ({ items: await listStaff(db, actorOf(request)) }),
  );

  app.put(
    '/admin/users/:id/roles',
    {
      config: manage,
      schema: {
        tags,
        summary: "Set a person's roles in the centres you manage",
        params: idParams,
        body: setRolesBody,
        response: { 200: userView, ...errors },
      },
    },
    async (request) => setStaffRoles(db, actorOf(request), request.params.id, request.body.roles),
  );

  for (const [action, status] of [
    ['disable', 'disabled'],
    ['enable', 'active'],
  ] as const) {
    app.post(
      `/admin/users/:id/${action}`,
      {
        config: manage,
        schema: {
          tags,
          summary:
            action === 'disable' ? 'Disable an account and end its sessions' : 'Enable an account again',
          params: idParams,
          response: { 200: userView, ...errors },
        },
      },
      async (request) => setStaffStatus(db, actorOf(request), request.params.id, status),
    );
  }

  app.post(
    '/admin/users/:id/reset-two-factor',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Make a person set up two-factor again (lost phone)',
        params: idParams,
        response: { 200: userView, ...errors },
      },
    },
    async (request) => resetStaffTwoFactor(db, actorOf(request), request.params.id),
  );

  app.get(
    '/admin/invitations',
    {
      config: read,
      schema: { tags, summary: 'Invitations not yet accepted', response: { 200: invitationList, ...errors } },
    },
    async (request) => ({ items: await listInvitations(db, actorOf(request)) }),
  );

  app.post(
    '/admin/invitations',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Invite a person by email',
        body: inviteBody,
        response: { 201: invitationSummary, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createInvitation(db, actorOf(request), request.body, config.publicUrl)),
  );

  app.delete(
    '/admin/invitations/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Withdraw an invitation',
        params: idParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await revokeInvitation(db, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
