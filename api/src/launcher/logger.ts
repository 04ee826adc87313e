import { pino, type Logger } from 'pino';
import type { LogLevel } from '../config.ts';

/**
 * Values that must never reach a log: passwords, resident ID numbers,
 * session cookies and credentials, wherever they appear in a logged object.
 */
export const REDACTED_PATHS = [
  'password',
  '*.password',
  'idNumber',
  '*.idNumber',
  '*.*.idNumber',
  'cookie',
  '*.cookie',
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  'authorization',
  '*.authorization',
];

export function createLogger(level: LogLevel): Logger {
  return pino({
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}
