import fc from 'fast-check';

/**
 * Requests for fuzzing, drawn from the app's own OpenAPI document: every operation, with path,
 * query and header parameters and bodies that are sometimes valid (generated from the schema,
 * with real ids where ids are expected), sometimes nearly valid (one value swapped for junk),
 * sometimes anything at all: malformed JSON, wrong content types, invalid UTF-8, huge and empty
 * values.
 */

type Schema = Record<string, unknown>;
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  schema?: Schema;
}
interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body?: Schema;
}

export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  operation: string;
}

interface Document {
  paths: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, Schema> };
}

/** A schema with its `$ref`s replaced by the components they name, so values can be drawn. */
function inlined(value: unknown, document: Document, depth = 0): unknown {
  if (Array.isArray(value)) return value.map((v) => inlined(v, document, depth));
  if (!value || typeof value !== 'object') return value;
  const ref = (value as Schema).$ref;
  if (typeof ref === 'string') {
    const name = ref.replace('#/components/schemas/', '');
    const target = document.components?.schemas?.[name];
    if (!target) throw new Error(`unresolved ${ref}`);
    return depth > 8 ? {} : inlined(target, document, depth + 1);
  }
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, inlined(v, document, depth)]),
  );
}

export function operationsOf(document: Document) {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, value] of Object.entries(item)) {
      const op = value as {
        parameters?: Parameter[];
        requestBody?: { content?: Record<string, { schema?: Schema }> };
      };
      operations.push({
        method: method.toUpperCase(),
        path,
        parameters: (op.parameters ?? []).map((p) => inlined(p, document) as Parameter),
        body: inlined(op.requestBody?.content?.['application/json']?.schema, document) as
          | Schema
          | undefined,
      });
    }
  }
  return operations;
}

const junkText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    'null',
    '-1',
    '1e309',
    'NaN',
    '../../etc/passwd',
    "' or 1=1 --",
    '\u0000',
  ),
  fc.string({ minLength: 5000, maxLength: 20_000 }),
);
/** Text a header can carry (fetch refuses control characters and non-Latin-1 in headers). */
const headerText = (maxLength = 60) => fc.string({ unit: 'grapheme-ascii', maxLength });
const junkValue = fc.oneof(fc.jsonValue({ maxDepth: 2 }), junkText, fc.constant(null));

/** Real ids to draw from: any of them, and those the API's maps are keyed by (hypotheses). */
interface Ids {
  all: readonly string[];
  keys: readonly string[];
}

/** Values of a JSON schema, ids taken from `ids` where the schema wants an id or a key of one. */
function arbitraryOf(schema: Schema | undefined, ids: Ids, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return junkValue;
  const choices = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (choices) return fc.oneof(...choices.map((s) => arbitraryOf(s, ids, depth + 1)));
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  if ('const' in schema) return fc.constant(schema.const);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      const required = new Set((schema.required ?? []) as string[]);
      const known = fc.record(
        Object.fromEntries(
          Object.entries(properties).map(([k, s]) => [k, arbitraryOf(s, ids, depth + 1)]),
        ),
        { requiredKeys: [...required].filter((k) => k in properties) },
      );
      const extra = schema.additionalProperties;
      if (extra && typeof extra === 'object') {
        return fc
          .tuple(
            known,
            fc.dictionary(
              fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ids.keys) }, fc.string()),
              arbitraryOf(extra as Schema, ids, depth + 1),
              {
                maxKeys: 6,
              },
            ),
          )
          .map(([a, b]) => ({ ...b, ...a }));
      }
      return known;
    }
    case 'array':
      return fc.array(arbitraryOf(schema.items as Schema, ids, depth + 1), {
        maxLength: Math.min(5, Number(schema.maxItems ?? 5)),
      });
    case 'integer':
      return fc.integer({ min: Number(schema.minimum ?? -5), max: Number(schema.maximum ?? 1000) });
    case 'number': {
      const min = Number(schema.exclusiveMinimum ?? schema.minimum ?? -1e6);
      const max = Number(schema.exclusiveMaximum ?? schema.maximum ?? 1e6);
      return fc.oneof(
        {
          weight: 3,
          arbitrary: fc.double({ min, max, noNaN: true, minExcluded: true, maxExcluded: true }),
        },
        fc.double({ noNaN: true }),
      );
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'string':
      return stringOf(schema, ids);
    default:
      return junkValue;
  }
}

function stringOf(schema: Schema, ids: Ids): fc.Arbitrary<string> {
  if (schema.format === 'date') {
    return fc
      .date({ min: new Date('2015-01-01'), max: new Date(), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
  }
  if (schema.format === 'uri') return fc.webUrl();
  if (schema.format === 'date-time') {
    return fc
      .date({ min: new Date('2015-01-01'), max: new Date(), noInvalidDate: true })
      .map((d) => d.toISOString());
  }
  if (typeof schema.pattern === 'string') {
    return /_/.test(schema.pattern)
      ? fc.constantFrom(...ids.all)
      : fc.stringMatching(new RegExp(schema.pattern));
  }
  const minLength = Number(schema.minLength ?? 0);
  return fc.oneof(
    fc.string({
      minLength,
      maxLength: Math.max(minLength, Math.min(60, Number(schema.maxLength ?? 60))),
    }),
    fc.constantFrom(...ids.all),
  );
}

/** Replaces one value somewhere in a JSON value with junk. */
function mutated(value: unknown): fc.Arbitrary<unknown> {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0) return junkValue;
    return fc.tuple(fc.constantFrom(...keys), junkValue, fc.boolean()).map(([key, junk, drop]) => {
      const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
      if (drop) delete copy[key];
      else copy[key] = junk;
      return copy;
    });
  }
  return junkValue;
}

const INVALID_UTF8 = new Uint8Array([0x7b, 0x22, 0x74, 0xff, 0xfe, 0x22, 0x3a, 0xc3, 0x28, 0x7d]);

function bodyOf(schema: Schema | undefined, ids: Ids) {
  const valid = arbitraryOf(schema, ids);
  return fc.oneof(
    {
      weight: 4,
      arbitrary: valid.map((v) => JSON.stringify(v) as string | Uint8Array | undefined),
    },
    { weight: 3, arbitrary: valid.chain(mutated).map((v) => JSON.stringify(v) ?? '') },
    { weight: 1, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v) ?? '') },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('', '{', '{"a":', '[]', 'null', '{}'.repeat(3), undefined),
    },
    { weight: 1, arbitrary: fc.constant(INVALID_UTF8) },
    { weight: 1, arbitrary: fc.constant(`{"title":"${'x'.repeat(1_100_000)}"}`) },
  );
}

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'text/plain',
  'text/csv',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=zz',
  'application/xml',
];

function parameterValue(parameter: Parameter, ids: Ids) {
  return fc.oneof(
    {
      weight: 3,
      arbitrary: arbitraryOf(parameter.schema, ids).map((v) =>
        typeof v === 'string' ? v : (JSON.stringify(v) ?? ''),
      ),
    },
    { weight: 1, arbitrary: junkText },
  );
}

/** One request to one of the operations, as an admin (mostly) or someone else. */
export function fuzzRequest(
  operations: readonly Operation[],
  idsByKind: Record<string, readonly string[]>,
  authorizations: readonly string[],
): fc.Arbitrary<FuzzRequest> {
  const all = Object.values(idsByKind).flat();
  const ids: Ids = { all, keys: idsByKind.hypotheses?.length ? idsByKind.hypotheses : all };
  return fc.constantFrom(...operations).chain((op) => {
    const pathParameters = op.parameters.filter((p) => p.in === 'path');
    // The ids a path wants: /api/questions/{id} a question's, and so on.
    const kind = /^\/api\/([a-z]+)\/\{id\}/.exec(op.path)?.[1] ?? '';
    const wanted = idsByKind[kind]?.length ? (idsByKind[kind] as string[]) : all;
    const query = op.parameters.filter((p) => p.in === 'query');
    return fc
      .record({
        path: fc.tuple(
          ...pathParameters.map((p) =>
            fc.oneof(
              { weight: 4, arbitrary: fc.constantFrom(...wanted) },
              { weight: 1, arbitrary: parameterValue(p, ids) },
            ),
          ),
        ),
        // Sometimes none of the query parameters, so the plain read is reached as often as not.
        query: fc.oneof(
          fc.constant(query.map(() => undefined)),
          fc.tuple(...query.map((p) => fc.option(parameterValue(p, ids), { nil: undefined }))),
        ),
        extraQuery: fc.option(fc.tuple(fc.string({ maxLength: 10 }), junkText), { nil: undefined }),
        body: op.body || op.method !== 'GET' ? bodyOf(op.body, ids) : fc.constant(undefined),
        contentType: fc.oneof(
          { weight: 6, arbitrary: fc.constant('application/json') },
          { weight: 2, arbitrary: fc.constantFrom(undefined, ...CONTENT_TYPES) },
        ),
        authorization: fc.oneof(
          { weight: 8, arbitrary: fc.constant(authorizations[0] as string) },
          { weight: 1, arbitrary: fc.constantFrom(...authorizations) },
          {
            weight: 1,
            arbitrary: fc.oneof(
              fc.constant(''),
              headerText().map((s) => `Bearer ${s}`),
            ),
          },
        ),
        // Mostly a fresh key, as a client sends; sometimes junk, sometimes one reused elsewhere.
        idempotencyKey: fc.option(
          fc.oneof(
            { weight: 4, arbitrary: fc.uuid() },
            headerText(300),
            fc.constantFrom('k1', 'k2'),
          ),
          { nil: undefined, freq: 3 },
        ),
        ifMatch: fc.option(fc.oneof(headerText(), fc.constant('*')), { nil: undefined, freq: 3 }),
      })
      .map((r) => {
        let path = op.path;
        for (const [i, p] of pathParameters.entries()) {
          path = path.replace(`{${p.name}}`, encodeURIComponent(r.path[i] as string));
        }
        const search = new URLSearchParams();
        for (const [i, p] of query.entries()) {
          const value = r.query[i];
          if (value !== undefined) search.set(p.name, value);
        }
        if (r.extraQuery) search.set(r.extraQuery[0], r.extraQuery[1]);
        const headers: Record<string, string> = {};
        if (r.authorization) headers.authorization = r.authorization;
        if (r.contentType) headers['content-type'] = r.contentType;
        if (r.idempotencyKey !== undefined) headers['idempotency-key'] = r.idempotencyKey;
        if (r.ifMatch !== undefined) headers['if-match'] = r.ifMatch;
        const qs = search.toString();
        return {
          method: op.method,
          path: `${path}${qs ? `?${qs}` : ''}`,
          headers,
          ...(op.method === 'GET' || r.body === undefined ? {} : { body: r.body }),
          operation: `${op.method} ${op.path}`,
        };
      });
  });
}
