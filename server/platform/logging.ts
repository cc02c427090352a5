import type { FastifyServerOptions } from 'fastify';

/**
 * Structured JSON logs with request ids and no personal data: no bodies, no query strings, no cookies;
 * the route pattern rather than the address (addresses can hold tokens from emailed links).
 */
export function logOptions(level: string): Exclude<FastifyServerOptions['logger'], boolean | undefined> {
  return {
    level,
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
      remove: true,
    },
    serializers: {
      req(request: { method: string; url: string; routeOptions?: { url?: string }; id: string }) {
        return {
          method: request.method,
          route:
            request.routeOptions?.url ?? request.url.split('?')[0]!.replace(/\/[A-Za-z0-9_-]{20,}/g, '/…'),
          id: request.id,
        };
      },
      res(reply: { statusCode: number }) {
        return { statusCode: reply.statusCode };
      },
    },
  };
}
