import { AppError } from '../errors.js';

/** An entity tag as sent in ETag: the opaque value in quotes. */
export const quotedTag = (tag: string) => `"${tag}"`;

/**
 * Whether an If-Match header admits the current tag (RFC 9110 §13.1.1): `*`, or a list holding
 * the tag. Weak tags (W/"…") never match here, since If-Match compares strongly.
 */
export function ifMatchAdmits(header: string, tag: string): boolean {
  if (header.trim() === '*') return true;
  return header
    .split(',')
    .map((part) => part.trim())
    .includes(quotedTag(tag));
}

/**
 * Refuses a write unless it names the version it was based on: a missing If-Match is 428, a
 * stale one 409 naming the current tag, so two editors never silently overwrite each other.
 */
export function requireMatch(header: string | undefined, tag: string, what: string) {
  if (header === undefined) {
    throw new AppError(
      'precondition_required',
      `changing a ${what} needs If-Match with the ETag of the version you read`,
      [{ path: 'header.If-Match', message: 'is required' }],
    );
  }
  if (!ifMatchAdmits(header, tag)) {
    throw new AppError(
      'conflict',
      `the ${what} changed since you read it (now ${quotedTag(tag)}); read it again and reapply your change`,
      [{ path: 'header.If-Match', message: `does not match the current ETag ${quotedTag(tag)}` }],
    );
  }
}
