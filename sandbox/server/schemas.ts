// Request body schemas from openapi.yaml (strict: unknown members are refused), mapped to 400 invalid_request + field.
import { z } from 'zod';
import { ApiError } from './http';

const HEX_ID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
export const PAIRING_CODE = /^[0-9A-HJKMNP-TV-Z]{4}-?[0-9A-HJKMNP-TV-Z]{4}$/;
const SEALED = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
// RFC 3339 date-time: the offset is required.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function isDateTime(value: string): boolean {
  return DATE_TIME.test(value) && isCalendarDate(value.slice(0, 10)) && !Number.isNaN(Date.parse(value));
}

const guid = z.string().regex(HEX_ID, 'must be a GUID');
const uuid = z.string().regex(HEX_ID, 'must be a uuid');

export const clientSchema = z.strictObject({
  name: z.literal('stactize-partner-center-companion'),
  version: z.string().max(32),
  browser: z.enum(['chrome', 'edge', 'firefox', 'other']),
});

export const claimSchema = z.strictObject({
  code: z.string().regex(PAIRING_CODE, 'must be 8 Crockford base32 characters (upper case), optionally XXXX-XXXX'),
  client: clientSchema,
});

export const submissionSchema = z.strictObject({
  captureId: uuid,
  tenantId: guid,
  clientId: guid,
  applicationName: z.string().max(256).nullable().optional(),
  keyExpiresAt: z.string().refine(isCalendarDate, 'must be a date (YYYY-MM-DD)').nullable().optional(),
  capturedAt: z.string().refine(isDateTime, 'must be an RFC 3339 date-time'),
  sealed: z.string().max(8192).regex(SEALED, 'must be a compact JWE'),
  client: clientSchema,
});

export type Submission = z.infer<typeof submissionSchema>;

export function parseBody<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (!issue) throw new ApiError(400, 'invalid_request', 'The body does not match the schema.');
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys' && issue.keys[0]) path.push(issue.keys[0]);
  const field = path.join('.') || undefined;
  const message = issue.code === 'unrecognized_keys' ? 'unknown member' : issue.message;
  throw new ApiError(400, 'invalid_request', field ? `${field}: ${message}` : message, field);
}
