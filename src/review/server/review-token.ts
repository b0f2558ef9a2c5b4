import { randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh secret for one review server: 32 random bytes, URL-safe. */
export function createReviewToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Whether `candidate` is the token, compared in constant time so response timing leaks nothing of it. */
export function isReviewToken(token: string, candidate: string | undefined): boolean {
  if (candidate === undefined) return false;
  const expected = Buffer.from(token);
  const given = Buffer.from(candidate);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
