// What an upload does after a failed request, as a table: wait for the connection (no try limit),
// wait as long as the server asked (429/503 with Retry-After, no try limit), retry a few times with
// backoff (408, tus 409/423, other 5xx), or stop for good (other 4xx). Pure and time-injected.
import { backoffDelay, withJitter } from '../backoff.js';
import type { TransportError } from '../transports/transport.js';
import type { UploadError, WaitingReason } from '../types.js';
import { classify } from './failure-classes.js';
import { messageFor } from './upload-errors.js';

/** the longest wait a Retry-After may ask for; a longer one is cut to this (the server's clock may be off) */
export const MAX_RETRY_AFTER_MS = 10 * 60_000;

/** Retry-After as ms from `now`: delta-seconds or an HTTP date; null when missing or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  const text = value?.trim();
  if (!text) return null;
  // an HTTP date has a weekday and a month name (Date.parse alone would read "-3" as a year)
  const ms = /^\d+$/.test(text) ? Number(text) * 1000 : /[a-z]/i.test(text) ? Date.parse(text) - now : NaN;
  if (!Number.isFinite(ms)) return null;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms));
}

export type RetryDecision =
  /** wait for the connection: one probe for all waiting uploads, or the browser's `online` */
  | { kind: 'wait-connection'; reason: 'offline' | 'unreachable' }
  /** try again after `delayMs`, showing `waiting` when `reason` is set */
  | { kind: 'retry'; delayMs: number; reason: WaitingReason | null }
  | { kind: 'fail'; error: UploadError };

export interface RetryContext {
  /** failures of this upload in a row without bytes moving in between (0 for the first) */
  attempt: number;
  /** counted tries for 'transient' failures */
  retries: number;
  /** the browser says it is offline (`navigator.onLine === false`) */
  offline: boolean;
  /** failures without an answer in a row, each right after the server answered the gate's probe */
  unansweredAfterProbe?: number;
  now: number;
  random?: () => number;
}

/** A final failure as the UI shows it: the server's message when it sent one, else core's sentence;
 * `retryable` when a later try may work (a 5xx after the last automatic try, unlike a 4xx). */
export function finalError(error: TransportError): UploadError {
  const status = error.status ?? 0;
  // a 5xx's text is not for users (it may name internals): core's sentence for its code
  return error.fromServer && status < 500
    ? { code: error.code, message: error.message, retryable: error.retryable, fromServer: true }
    : { code: error.code, message: messageFor(error.code), retryable: error.retryable };
}

/** the server answers its probe but this upload's requests never get an answer (a proxy refusing the
 * body, an upload endpoint without CORS): after this many rounds the upload fails instead of
 * looping forever */
export const MAX_UNANSWERED_AFTER_PROBE = 5;

export function decide(error: TransportError, context: RetryContext): RetryDecision {
  const status = error.status ?? (error.retryable ? 0 : 400);
  const kind = classify(status, error.fromServer ? error.code : undefined);
  if (status === 0 && (context.unansweredAfterProbe ?? 0) >= MAX_UNANSWERED_AFTER_PROBE)
    return { kind: 'fail', error: finalError(error) };
  if (kind === 'unreachable' || (context.offline && kind !== 'final'))
    return { kind: 'wait-connection', reason: context.offline ? 'offline' : 'unreachable' };
  const backoff = withJitter(backoffDelay(context.attempt), context.random);
  const asked = parseRetryAfter(error.retryAfter, context.now);
  // many uploads told the same instant do not all come back in the same millisecond
  const spread = (ms: number) => ms + (context.random ?? Math.random)() * Math.min(1000, ms / 4);
  if (kind === 'rate-limited' || kind === 'server-busy')
    return { kind: 'retry', delayMs: asked === null ? backoff : spread(asked), reason: kind };
  if (kind === 'transient' && context.attempt < context.retries)
    return { kind: 'retry', delayMs: asked === null ? backoff : spread(asked), reason: null };
  return { kind: 'fail', error: finalError(error) };
}
