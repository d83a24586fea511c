import { moment } from './format.js';

/**
 * A picker for an instant, to the second, read as UTC (the label says so): a page's `as_of`, a
 * brief's `since`.
 */
export function InstantInput({
  label,
  name,
  value,
}: {
  label: string;
  name: string;
  /** An ISO instant, or empty. */
  value: string | null | undefined;
}) {
  return (
    <label>
      {label} (UTC)
      <input type="datetime-local" step="1" name={name} value={value ? value.slice(0, 19) : ''} />
    </label>
  );
}

/**
 * The as-of picker: the page re-rendered from what was recorded by then, and, when it is in
 * use, a banner saying so.
 */
export function AsOfPicker({ path, asOf }: { path: string; asOf: string | null }) {
  return (
    <>
      <form method="get" action={path} class="toolbar" aria-label="Show the page as of a past time">
        <InstantInput label="As of" name="as_of" value={asOf} />
        <button type="submit" class="secondary">
          Show as of
        </button>
        {asOf ? <a href={path}>Back to now</a> : null}
      </form>
      <AsOfBanner asOf={asOf} />
    </>
  );
}

/** While a page answers for a past time, a banner says so. */
export function AsOfBanner({ asOf }: { asOf: string | null }) {
  if (!asOf) return null;
  return (
    <p class="banner past" role="status">
      As recorded by <strong>{moment(asOf)}</strong>: what Signpost knew and believed then. Later
      entries, even backdated ones, are not shown; forms are hidden.
    </p>
  );
}
