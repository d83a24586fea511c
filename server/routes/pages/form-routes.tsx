import { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import type { Actor } from '../../actor.js';
import type { Db } from '../../db/database.js';
import type { Permission } from '../../domain/roles.js';
import type { AppEnv } from '../../http/env.js';
import { allow } from '../../http/guards.js';
import { readQuestion } from '../../services/question-reads.js';
import { emptyForm, type FormState } from '../../views/fields.js';
import { fieldErrors, formValues, submitForm } from './form-input.js';
import type { Render } from './render.js';

/**
 * A form page: GET shows it; POST turns the fields into the API's input, runs the same service,
 * and redirects (303) to where the result shows — or renders the form again with each problem
 * beside its field and the input kept.
 */
export interface FormSpec<T> {
  path: string;
  /** Who may see and post the form; the service it calls checks the same. */
  permission: Permission;
  /** What the form belongs to (a question, a hypothesis…), loaded from the path's id. */
  load: (db: Db, id: string, reader: Actor) => Promise<T>;
  title: (target: T) => string;
  view: (target: T, form: FormState) => Child;
  /** Field names the form renders, to place each problem beside its field. */
  fields: (target: T) => string[];
  percent?: string[];
  aliases?: (values: Record<string, string>, target: T) => Record<string, string>;
  /** Runs the action; returns where to go next. */
  submit: (db: Db, actor: Actor, target: T, values: Record<string, string>) => Promise<string>;
}

export function formRoutes<T>(db: Db, render: Render, spec: FormSpec<T>) {
  const page = (target: T, form: FormState) => (
    <>
      <h1>{spec.title(target)}</h1>
      {spec.view(target, form)}
    </>
  );
  return new Hono<AppEnv>()
    .get(spec.path, allow(spec.permission), async (c) => {
      const target = await spec.load(db, c.req.param('id') ?? '', c.var.actor);
      return render(c, spec.title(target), page(target, emptyForm()));
    })
    .post(spec.path, allow(spec.permission), async (c) => {
      const target = await spec.load(db, c.req.param('id') ?? '', c.var.actor);
      const values = formValues(await c.req.parseBody());
      const known = new Set(spec.fields(target));
      const outcome = await submitForm(
        values,
        (problems) =>
          fieldErrors(problems, known, {
            aliases: spec.aliases?.(values, target),
            percent: new Set(spec.percent),
          }),
        () => spec.submit(db, c.var.actor, target, values),
      );
      if (outcome.ok) return c.redirect(outcome.result, 303);
      return render(c, spec.title(target), page(target, outcome.form), outcome.status);
    });
}

/** Forms of a question load it as it stands. */
export const loadQuestion = (db: Db, id: string, reader: Actor) =>
  readQuestion(db, id, undefined, undefined, reader);
