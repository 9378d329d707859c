/**
 * `GET /api/config`: what this server offers that changes the UI, free of secrets. Today only
 * whether invitations can be emailed (SMTP configured). For signed-in users: only they invite.
 */
import { z } from 'zod';
import type { AppContext } from '../context.js';
import type { TypedApp } from '../http/types.js';

export function mailRoutes(app: TypedApp, ctx: AppContext): void {
  const answer = { emailInvitations: ctx.config.mail !== null };
  app.get(
    '/api/config',
    {
      config: { policy: { kind: 'signed-in' } },
      schema: {
        tags: ['config'],
        summary: 'Server features the UI adapts to (whether invitations can be emailed)',
        response: { 200: z.object({ emailInvitations: z.boolean() }) },
      },
    },
    () => answer,
  );
}
