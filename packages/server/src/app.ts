/**
 * Composition root: builds a Steady app from its dependencies. No module singletons, so tests
 * can run many apps side by side. Lifecycle: buildApp → listen → close (reverse order).
 */
import cookie from '@fastify/cookie';
import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import securityHeaders from 'helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifySchema } from 'fastify';
import type { DestinationStream } from 'pino';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { alertRoutes } from './alerts/routes.js';
import { createAlertQueue } from './alerts/queue.js';
import { authRoutes } from './auth/routes.js';
import { careTeamRoutes } from './careteam/routes.js';
import { checkInRoutes } from './checkins/routes.js';
import { checkupRoutes } from './checkups/routes.js';
import { clinicianRoutes } from './clinician/routes.js';
import { clinicRoutes } from './clinics/routes.js';
import type { Config } from './config.js';
import type { AppContext } from './context.js';
import type { Database } from './db/client.js';
import { doseRoutes } from './doses/routes.js';
import { exerciseRoutes } from './exercises/routes.js';
import { fhirImportRoutes } from './fhir/import/routes.js';
import { fhirRoutes } from './fhir/routes.js';
import { goalRoutes } from './goals/routes.js';
import { taperCheckInRoutes } from './taper/checkInRoutes.js';
import { historyRoutes } from './history/routes.js';
import { insightRoutes } from './insights/routes.js';
import { chartRoutes } from './chart/routes.js';
import { calendarRoutes } from './calendar/routes.js';
import { portabilityRoutes } from './portability/routes.js';
import { schedulePurge } from './portability/purgeJob.js';
import { installDocs } from './http/docs.js';
import { errorBody, installErrorHandler } from './http/errorHandler.js';
import { installGuard, isPolicyExempt } from './http/guard.js';
import { healthRoutes } from './http/health.js';
import { installNulByteGuard } from './http/nulBytes.js';
import { logError, logRequest } from './http/logRedaction.js';
import type { RoutePolicy } from './http/policy.js';
import type { TypedApp } from './http/types.js';
import { installWeb } from './http/web.js';
import { invitationRoutes } from './invitations/routes.js';
import { mailRoutes } from './mail/routes.js';
import { medicationRoutes } from './medications/routes.js';
import { messageRoutes } from './messages/routes.js';
import { pharmacyRoutes } from './pharmacy/routes.js';
import { supplyRoutes } from './supply/routes.js';
import { preferenceRoutes } from './preferences/routes.js';
import { profileRoutes } from './profile/routes.js';
import { questionnaireRoutes } from './questionnaires/routes.js';
import { regimenRequestRoutes } from './regimen/requests.js';
import { regimenRoutes } from './regimen/routes.js';
import { reportRoutes } from './reports/routes.js';
import { notificationRoutes } from './reminders/notificationRoutes.js';
import { pushRoutes } from './reminders/pushRoutes.js';
import { reminderSettingsRoutes } from './reminders/settingsRoutes.js';
import { installReminderScheduler } from './reminders/install.js';
import { techniqueRoutes } from './techniques/routes.js';
import { taperRoutes } from './taper/routes.js';

export interface AppDeps {
  readonly config: Config;
  readonly database: Database;
  /** Injected clock (tests move time); defaults to the system clock. */
  readonly now?: () => Date;
  /** Run the reminder scheduler (pg-boss) while the app is up: `serve` does, tests opt in. */
  readonly scheduler?: boolean;
  /** Where the JSON log lines go (tests capture them); defaults to stdout. */
  readonly logStream?: DestinationStream;
}

/** Logs are JSON and never carry credentials, cookies or request bodies (health data). */
const REDACT = ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'];

export class MissingPolicyError extends Error {
  override readonly name = 'MissingPolicyError';
}

/** One registered route and its declared policy (undefined only for exempt routes). */
export interface RouteRecord {
  readonly method: string;
  readonly url: string;
  readonly policy: RoutePolicy | undefined;
  readonly schema: FastifySchema | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route as registered, so tests can prove each one declares a policy. */
    readonly routePolicies: readonly RouteRecord[];
  }
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database } = deps;

  const helmetOptions = {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Mantine sets inline style attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        // Helmet's default also allows fonts from any https: host; Steady ships its own.
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        // Only behind TLS: on a plain-http LAN install these would break the app.
        upgradeInsecureRequests: config.secureCookies ? [] : null,
      },
    },
    strictTransportSecurity: config.secureCookies,
    // The legacy twin of frame-ancestors 'none'.
    xFrameOptions: { action: 'deny' },
  } satisfies FastifyHelmetOptions;
  const applySecurityHeaders = securityHeaders(helmetOptions);
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: REDACT,
      serializers: { req: logRequest, err: logError },
      ...(deps.logStream === undefined ? {} : { stream: deps.logStream }),
    },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    return503OnClosing: true,
    // Bad percent-encoding or an over-long path parameter: the one error shape, not Fastify's.
    // Fastify answers these before any hook runs, so the security headers are applied here.
    frameworkErrors: (_error, request, reply) => {
      applySecurityHeaders(request.raw, reply.raw, () => undefined);
      void (reply as FastifyReply).status(400).send(errorBody(request, 'STEADY_ERR_BAD_REQUEST'));
    },
  });
  // JSON only: Fastify's default text/plain parser would hand a string to the JSON schemas
  // (400) where the client should learn that the media type is wrong (415).
  app.removeContentTypeParser('text/plain');
  const base: AppContext = { db: database.db, config, now: deps.now ?? (() => new Date()) };
  const ctx: AppContext = { ...base, alerts: createAlertQueue(base, app.log) };
  // Pending alert runs finish before the database closes.
  app.addHook('onClose', async () => {
    await ctx.alerts?.settled();
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // Every route must declare who may call it; third-party static/docs routes are exempt.
  const routes: RouteRecord[] = [];
  app.decorate('routePolicies', routes);
  app.addHook('onRoute', (route) => {
    const policy = route.config?.policy;
    if (policy === undefined && !isPolicyExempt(route.url, route.method)) {
      throw new MissingPolicyError(`Route ${String(route.method)} ${route.url} declares no policy`);
    }
    for (const method of [route.method].flat()) {
      routes.push({ method, url: route.url, policy, schema: route.schema });
    }
  });

  // Graceful stop: responses still in flight when closing starts end their connection, or a
  // kept-alive socket would hold close() open for the whole keep-alive timeout (72 s).
  let closing = false;
  app.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) void reply.header('connection', 'close');
    done(null, payload);
  });

  installErrorHandler(app);
  await app.register(helmet, helmetOptions);
  // HSTS also whenever a request arrives over HTTPS (through a trusted proxy that says so).
  if (!config.secureCookies) {
    app.addHook('onRequest', (request, reply, done) => {
      if (request.protocol === 'https') {
        void reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
      }
      done();
    });
  }
  await app.register(rateLimit, { global: false });
  await app.register(cookie);
  await installDocs(app);
  installGuard(app, ctx);
  installNulByteGuard(app);

  const typed = app.withTypeProvider() as unknown as TypedApp;
  healthRoutes(typed, database);
  authRoutes(typed, ctx);
  profileRoutes(typed, ctx);
  regimenRoutes(typed, ctx);
  medicationRoutes(typed, ctx);
  doseRoutes(typed, ctx);
  checkInRoutes(typed, ctx);
  checkupRoutes(typed, ctx);
  historyRoutes(typed, ctx);
  insightRoutes(typed, ctx);
  chartRoutes(typed, ctx);
  regimenRequestRoutes(typed, ctx);
  careTeamRoutes(typed, ctx);
  invitationRoutes(typed, ctx);
  mailRoutes(typed, ctx);
  clinicRoutes(typed, ctx);
  clinicianRoutes(typed, ctx);
  alertRoutes(typed, ctx);
  pharmacyRoutes(typed, ctx);
  supplyRoutes(typed, ctx);
  messageRoutes(typed, ctx);
  questionnaireRoutes(typed, ctx);
  techniqueRoutes(typed, ctx);
  preferenceRoutes(typed, ctx);
  exerciseRoutes(typed, ctx);
  goalRoutes(typed, ctx);
  portabilityRoutes(typed, ctx);
  calendarRoutes(typed, ctx);
  // Accounts whose deletion grace period is over: at start-up, then hourly (see purgeJob.ts).
  schedulePurge(app, ctx);
  if (deps.scheduler === true) installReminderScheduler(app, ctx, database.jobs);
  reportRoutes(typed, ctx);
  taperCheckInRoutes(typed, ctx);
  taperRoutes(typed, ctx);
  fhirImportRoutes(typed, ctx);
  reminderSettingsRoutes(typed, ctx);
  notificationRoutes(typed, ctx);
  pushRoutes(typed, ctx);
  await fhirRoutes(app, ctx);

  await installWeb(app, config.webDir);
  return app;
}
