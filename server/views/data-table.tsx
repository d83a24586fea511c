import type { Child } from 'hono/jsx';
import { colorAt } from '../../web/charts/colors.js';

export interface Column {
  label: Child;
  /** Numbers align right, in tabular figures. */
  num?: boolean;
  title?: string;
}

/**
 * A table in a labelled region that scrolls sideways on a narrow screen (and takes keyboard
 * focus so it can be scrolled without a mouse). `wide` tables keep readable columns instead of
 * squeezing them.
 */
export function DataTable({
  label,
  columns,
  caption,
  wide,
  children,
}: {
  label: string;
  columns: readonly Column[];
  caption?: Child;
  wide?: boolean;
  children: Child;
}) {
  return (
    <section class="table-wrap" aria-label={label} tabindex={0}>
      <table class={wide ? 'wide' : undefined}>
        {caption ? <caption>{caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" class={c.num ? 'num' : undefined} title={c.title}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </section>
  );
}

/** A column per hypothesis, H1…Hn in its question's colour, the title on hover. */
export function hypothesisColumns(hypotheses: readonly { title: string }[]): Column[] {
  return hypotheses.map((h, i) => ({
    label: (
      <>
        <span class="swatch" style={`background:${colorAt(i)}`} />H{i + 1}
      </>
    ),
    title: h.title,
  }));
}
