import { pino, type DestinationStream, type Logger } from 'pino';

/**
 * Paths pino replaces with "[redacted]". Fastify's request serializer logs headers only
 * when asked to, but a stray `log.info({ req })` or an SDK error object must still never
 * carry a bearer token, a Box token or the service account's secret into the logs.
 */
export const redactedPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'authorization',
  'access_token',
  'accessToken',
  'refresh_token',
  'id_token',
  'token',
  'client_secret',
  'clientSecret',
  'privateKey',
  'assertion',
  '*.access_token',
  '*.accessToken',
  '*.token',
  '*.client_secret',
  '*.authorization',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino({ level, redact: { paths: redactedPaths, censor: '[redacted]' } }, destination);
}
