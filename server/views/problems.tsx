import type { FieldProblem } from '../errors.js';

/** Query parameters the page could not use, and why. */
export function QueryProblems({ problems }: { problems: readonly FieldProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <div class="banner error" role="alert">
      <p>Some parameters were left out:</p>
      <ul>
        {problems.map((p) => (
          <li>
            {p.path.replace(/^query\./, '')}: {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The page for a request that cannot be answered. */
export function ErrorPage({ title, detail }: { title: string; detail: string }) {
  return (
    <>
      <h1>{title}</h1>
      <p>{detail}</p>
      <p>
        <a href="/">Back to the dashboard</a>
      </p>
    </>
  );
}
