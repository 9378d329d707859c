/**
 * The patient's iCalendar feed (issue 6 item 5). The patient creates, rotates and revokes it;
 * calendar apps fetch `GET /calendar/:token.ics` without a session (a public route: the secret
 * in the URL is the key). An unknown or revoked token answers 404, like any missing page.
 */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { AppError } from '../http/errors.js';
import type { RoutePolicy } from '../http/policy.js';
import { patientOf } from '../http/policy.js';
import { patientParams, type TypedApp } from '../http/types.js';
import { FEED_WEEKS, feedEvents } from './events.js';
import { createFeed, currentFeed, openFeed, revokeFeeds } from './feeds.js';
import { writeCalendar } from './ics.js';

/** Only the patient manages the feed. */
const policy = (access: 'read' | 'write'): RoutePolicy => ({
  kind: 'patient-data',
  category: 'care-team',
  access,
  members: [],
});

const feedView = z.object({
  id: z.uuid(),
  createdAt: z.string(),
  lastFetchedAt: z.string().nullable(),
});

export const feedPath = (token: string): string => `/calendar/${token}.ics`;

/** The origin people reach Steady at: the configured one, else the request's own. */
function originOf(ctx: AppContext, request: FastifyRequest): string {
  return ctx.config.publicUrl ?? `${request.protocol}://${request.host}`;
}

export function calendarRoutes(app: TypedApp, ctx: AppContext): void {
  app.get(
    '/api/patients/:patientId/calendar-feed',
    {
      config: { policy: policy('read') },
      schema: {
        tags: ['calendar'],
        summary: "The patient's calendar feed, if any (its URL is shown only when created)",
        params: patientParams,
        response: { 200: z.object({ feed: feedView.nullable(), weeks: z.number().int() }) },
      },
    },
    async (request) => ({
      feed: await currentFeed(ctx, patientOf(request).patientId),
      weeks: FEED_WEEKS,
    }),
  );

  app.post(
    '/api/patients/:patientId/calendar-feed',
    {
      config: { policy: policy('write') },
      schema: {
        tags: ['calendar'],
        summary:
          'Create a calendar feed, revoking the previous one (rotation); returns its URL once',
        params: patientParams,
        response: {
          201: z.object({ feed: feedView, url: z.string(), webcalUrl: z.string() }),
        },
      },
    },
    async (request, reply) => {
      const { feed, token } = await createFeed(ctx, patientOf(request).patientId);
      const url = `${originOf(ctx, request)}${feedPath(token)}`;
      return reply
        .status(201)
        .header('cache-control', 'no-store')
        .send({ feed, url, webcalUrl: url.replace(/^https?:/, 'webcal:') });
    },
  );

  app.delete(
    '/api/patients/:patientId/calendar-feed',
    {
      config: { policy: policy('write') },
      schema: {
        tags: ['calendar'],
        summary: 'Revoke the calendar feed: its URL stops working at once',
        params: patientParams,
      },
    },
    async (request, reply) => {
      await revokeFeeds(ctx, patientOf(request).patientId);
      return reply.status(204).send();
    },
  );

  app.get(
    '/calendar/:token.ics',
    {
      config: { policy: { kind: 'public' } },
      schema: {
        tags: ['calendar'],
        summary: 'The iCalendar feed a calendar app subscribes to (the token is the key)',
        params: z.object({ token: z.string().max(100) }),
      },
    },
    async (request, reply) => {
      const feed = await openFeed(ctx, request.params.token);
      if (feed === null) throw new AppError('STEADY_ERR_NOT_FOUND');
      const events = await feedEvents(ctx, feed.patientId, feed.timeZone, feed.feedId);
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .header('x-robots-tag', 'noindex')
        .send(writeCalendar(events));
    },
  );
}
