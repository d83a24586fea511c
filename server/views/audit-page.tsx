import type { AuditEntry } from '../schemas/audit.js';
import { DataTable } from './data-table.js';
import { moment } from './format.js';

export interface AuditPageProps {
  entries: AuditEntry[];
  values: Record<string, string>;
  /** Links with the filters kept: the next page and the CSV of everything matching. */
  next: string | undefined;
  csv: string;
}

const FILTERS = [
  ['actor', 'Actor (username or id)'],
  ['action', 'Action (or prefix, e.g. evidence.)'],
  ['entity_type', 'Entity type'],
  ['entity_id', 'Entity id'],
  ['request_id', 'Request id'],
] as const;

/** A change as JSON, folded: an entry's before and after can be long. */
function Change({ label, value }: { label: string; value: unknown }) {
  if (value === null || value === undefined) return null;
  const text = JSON.stringify(value, null, 2);
  return (
    <details>
      <summary>{label}</summary>
      <pre>{text}</pre>
    </details>
  );
}

/** Every write: who, when, what changed, and the request that did it. */
export function AuditPage({ entries, values, next, csv }: AuditPageProps) {
  return (
    <>
      <h1>Audit trail</h1>
      <form method="get" action="/audit" class="toolbar" aria-label="Filter the audit trail">
        {FILTERS.map(([name, label]) => (
          <label>
            {label}
            <input type="text" name={name} value={values[name] ?? ''} />
          </label>
        ))}
        <label>
          From
          <input type="date" name="from" value={values.from ?? ''} />
        </label>
        <label>
          to
          <input type="date" name="to" value={values.to ?? ''} />
        </label>
        <button type="submit" class="secondary">
          Apply
        </button>
        <a href="/audit">Clear</a> · <a href={csv}>Download CSV</a>
      </form>
      {entries.length ? (
        <DataTable
          label="Audit entries"
          wide
          columns={[
            { label: 'Time (UTC)' },
            { label: 'Actor' },
            { label: 'Action' },
            { label: 'Entity' },
            { label: 'Change' },
            { label: 'Request' },
          ]}
        >
          {entries.map((e) => (
            <tr>
              <td>{moment(e.at)}</td>
              <td>{e.actor}</td>
              <td>
                <code>{e.action}</code>
              </td>
              <td>
                {e.entity_type} <code>{e.entity_id}</code>
              </td>
              <td>
                <Change label="before" value={e.before} />
                <Change label="after" value={e.after} />
              </td>
              <td>
                <code>{e.request_id ?? ''}</code>
              </td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p>No entries match.</p>
      )}
      {next ? (
        <p>
          <a href={next}>Older entries</a>
        </p>
      ) : null}
    </>
  );
}
