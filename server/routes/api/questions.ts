import { createRoute, z } from '@hono/zod-openapi';
import type { Db } from '../../db/database.js';
import { createJsonRouter, jsonBody, jsonResponse, problemResponses } from '../../http/router.js';
import { AsOfQuerySchema, asOfInstant, IdSchema } from '../../schemas/common.js';
import { QuestionInputSchema } from '../../schemas/definitions.js';
import { QuestionListSchema, QuestionViewSchema } from '../../schemas/views.js';
import { createQuestion } from '../../services/question-definitions.js';
import { readQuestion, readQuestions } from '../../services/question-reads.js';

const ListQuerySchema = AsOfQuerySchema.extend({
  tag: z.string().trim().toLowerCase().min(1).max(40).optional().openapi({
    description: 'Only questions with this tag',
  }),
});

const listQuestions = createRoute({
  method: 'get',
  path: '/questions',
  tags: ['questions'],
  summary: 'List questions with their hypotheses and current probabilities',
  request: { query: ListQuerySchema },
  responses: { 200: jsonResponse(QuestionListSchema, 'The questions'), ...problemResponses(400) },
});

const postQuestion = createRoute({
  method: 'post',
  path: '/questions',
  tags: ['questions'],
  summary: 'Create a question (optionally with its hypotheses)',
  request: { body: jsonBody(QuestionInputSchema) },
  responses: {
    201: jsonResponse(QuestionViewSchema, 'The new question'),
    ...problemResponses(400),
  },
});

const getQuestion = createRoute({
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
      const questions = await readQuestions(db, { tag, asOf });
      return c.json({ questions, as_of: asOf?.toISOString() ?? null }, 200);
    })
    .openapi(postQuestion, async (c) => {
      const question = await createQuestion(db, c.var.actor, c.req.valid('json'));
      return c.json(question, 201);
    })
    .openapi(getQuestion, async (c) => {
      const { as_of } = c.req.valid('query');
      const question = await readQuestion(db, c.req.valid('param').id, asOfInstant(as_of));
      return c.json(question, 200);
    });
}
