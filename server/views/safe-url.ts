/**
 * A stored URL fit for an href: http(s) only, so a `javascript:` or `data:` URL someone logged
 * is shown as text and never becomes a link.
 */
export function safeHref(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
