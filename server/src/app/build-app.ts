/** Builds the HTTP server: plugins, auth, error mapping, docs, health, metrics and features. */
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import type { App } from '../http/app-type.js';
import { installAuth } from '../http/auth.js';
import { installErrorHandling } from '../http/errors.js';
import { installHealth } from '../http/health.js';
import { installMetrics } from '../http/metrics.js';
import { installStaticWeb } from '../http/static-web.js';
import { validatorCompiler } from '../http/validation.js';
import { MAX_FRAME_BYTES } from '../realtime/frames.js';
import { installRealtime } from '../realtime/gateway.js';
import type { Ctx } from './context.js';
import { FEATURE_ROUTES } from './features.js';

export async function buildApp(ctx: Ctx): Promise<App> {
  const app = Fastify({
    loggerInstance: ctx.log as FastifyBaseLogger,
    bodyLimit: ctx.config.bodyLimitBytes,
    genReqId: () => ctx.ids.next(),
    requestIdHeader: false,
    trustProxy: false,
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', String(req.id));
  });
  installErrorHandling(app);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
      },
    },
  });
  await app.register(multipart, {
    limits: { fileSize: ctx.config.uploadLimitBytes, files: 1, fields: 10, fieldSize: 1024 },
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Concord API', version: '1.0.0', description: 'Org directory, identity, roles and audit.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  await app.register(websocket, { options: { maxPayload: MAX_FRAME_BYTES } });

  installMetrics(app);
  installHealth(app, ctx);
  installAuth(app, ctx);
  for (const register of FEATURE_ROUTES) await register(app, ctx);
  installRealtime(app, ctx);
  await installStaticWeb(app, ctx.config);
  return app;
}
