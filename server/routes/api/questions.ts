import { z } from '@hono/zod-openapi';
import type { Db } from '../../db/database.js';
import {
  apiRoute,
  createJsonRouter,
  jsonBody,
  jsonResponse,
  problemResponses,
} from '../../http/router.js';
import { AsOfQuerySchema, asOfInstant, IdSchema } from '../../schemas/common.js';
import { QuestionInputSchema } from '../../schemas/definitions.js';
import { QuestionListSchema, QuestionViewSchema } from '../../schemas/views.js';
import { createQuestion } from '../../services/question-definitions.js';
import { readQuestion, readQuestions } from '../../services/question-reads.js';
import { setBlindMode } from '../../services/question-settings.js';

const ListQuerySchema = AsOfQuerySchema.extend({
  tag: z.string().trim().toLowerCase().min(1).max(40).optional().openapi({
    description: 'Only questions with this tag',
  }),
});

const QuestionChangeSchema = z
  .object({
    blind: z.boolean({ message: 'must be true or false' }).openapi({
      description: "Blind mode: forecasters see others' judgments only once they have judged",
    }),
  })
  .strict()
  .openapi('QuestionChange');

const patchQuestion = apiRoute({
  method: 'patch',
  path: '/questions/{id}',
  permission: 'question.write',
  tags: ['questions'],
  summary: "Change a question's settings: blind mode",
  request: { params: z.object({ id: IdSchema }), body: jsonBody(QuestionChangeSchema) },
  responses: {
    200: jsonResponse(QuestionViewSchema, 'The question'),
    ...problemResponses(400, 404),
  },
});

const listQuestions = apiRoute({
  method: 'get',
  path: '/questions',
  tags: ['questions'],
  summary: 'List questions with their hypotheses and current probabilities',
  request: { query: ListQuerySchema },
  responses: { 200: jsonResponse(QuestionListSchema, 'The questions'), ...problemResponses(400) },
});

const postQuestion = apiRoute({
  method: 'post',
  path: '/questions',
  permission: 'question.write',
  tags: ['questions'],
  summary: 'Create a question (optionally with its hypotheses)',
  request: { body: jsonBody(QuestionInputSchema) },
  responses: {
    201: jsonResponse(QuestionViewSchema, 'The new question'),
    ...problemResponses(400),
  },
});

const getQuestion = apiRoute({
  method: 'get',
  path: '/questions/{id}',
  tags: ['questions'],
  summary: 'One question: hypotheses, indicators, counts; as known at as_of',
  request: { params: z.object({ id: IdSchema }), query: AsOfQuerySchema },
  responses: {
    200: jsonResponse(QuestionViewSchema, 'The question'),
    ...problemResponses(400, 404),
  },
});

export function questionRoutes(db: Db) {
  return createJsonRouter()
    .openapi(listQuestions, async (c) => {
      const { as_of, tag } = c.req.valid('query');
      const asOf = asOfInstant(as_of);
      const questions = await readQuestions(db, { tag, asOf }, undefined, c.var.actor);
      return c.json({ questions, as_of: asOf?.toISOString() ?? null }, 200);
    })
    .openapi(postQuestion, async (c) => {
      const question = await createQuestion(db, c.var.actor, c.req.valid('json'));
      return c.json(question, 201);
    })
    .openapi(getQuestion, async (c) => {
      const { as_of } = c.req.valid('query');
      const question = await readQuestion(
        db,
        c.req.valid('param').id,
        asOfInstant(as_of),
        undefined,
        c.var.actor,
      );
      return c.json(question, 200);
    })
    .openapi(patchQuestion, async (c) => {
      const { blind } = c.req.valid('json');
      return c.json(await setBlindMode(db, c.var.actor, c.req.valid('param').id, blind), 200);
    });
}
