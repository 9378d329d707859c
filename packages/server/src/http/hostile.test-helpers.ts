/**
 * Generators for the hostile-input suite (hostile.int.test.ts): invalid and malicious request
 * bodies derived from each route's OpenAPI request schema and a valid sample body, path
 * parameter tricks and bad query values. Everything is drawn with fast-check from a fixed seed,
 * so a failing run can be replayed exactly.
 */
import fc from 'fast-check';

/** The seed of every generator: change it to explore, keep it fixed to reproduce. */
export const HOSTILE_SEED = 20260309;

/** The part of JSON Schema (as found in the OpenAPI document) the generators look at. */
export interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly enum?: readonly unknown[];
  readonly maxLength?: number;
  readonly maxItems?: number;
  readonly $ref?: string;
}

export interface OpenApiDocument {
  readonly paths: Readonly<
    Record<
      string,
      Readonly<
        Record<
          string,
          { requestBody?: { content?: Record<string, { schema?: JsonSchema } | undefined> } }
        >
      >
    >
  >;
  readonly components?: { readonly schemas?: Readonly<Record<string, JsonSchema>> };
}

/** The JSON request-body schema of a Fastify route (`/a/:id`) in the OpenAPI document. */
export function requestSchema(
  doc: OpenApiDocument,
  method: string,
  url: string,
): JsonSchema | undefined {
  const path = url.replace(/:(\w+)/g, '{$1}');
  const schema =
    doc.paths[path]?.[method.toLowerCase()]?.requestBody?.content?.['application/json']?.schema;
  return schema === undefined ? undefined : resolve(doc, schema);
}

function resolve(doc: OpenApiDocument, schema: JsonSchema): JsonSchema {
  const ref = schema.$ref;
  if (ref === undefined) return schema;
  const target = doc.components?.schemas?.[ref.replace('#/components/schemas/', '')];
  if (target === undefined) throw new Error(`Unresolved ${ref}`);
  return resolve(doc, target);
}

/**
 * Strings that attack something: SQL, markup and script, template and log injection, path
 * traversal, NUL bytes, control and direction characters, lone surrogates, look-alike and
 * combining Unicode. Many are *valid* input for a free-text field: those must be stored verbatim
 * and shown as text, never interpreted.
 */
export const HOSTILE_STRINGS: readonly string[] = [
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  '1; SELECT pg_sleep(0); --',
  '" OR ""="',
  "\\'; --",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}${7*7}<%= 7*7 %>',
  '${jndi:ldap://127.0.0.1/a}',
  '%s%s%s%n',
  'line one\r\nSet-Cookie: x=1',
  '../../../../etc/passwd',
  '..%2f..%2f..%2fetc%2fpasswd',
  'C:\\Windows\\win.ini',
  'nul\u0000byte',
  '\u0000',
  '\u0007\u0008\u001b[31mred',
  '\u202eevil\u202c',
  '\u200b\u200c\u200d\ufeff',
  '\ud800',
  'x\udfffy',
  '\uffff\ufffe',
  '𝕊𝕥𝕖𝕒𝕕𝕪 💊🧪',
  'Ａｄｍｉｎ',
  'e\u0301\u0301\u0301\u0301',
  'ß'.repeat(50),
  '__proto__',
  'constructor',
  'NaN',
  '-0',
  '1e309',
  'true',
  'null',
  '',
  ' ',
];

/** Names an attacker might add to a body hoping a handler copies them through. */
const EXTRA_KEYS = [
  'id',
  'userId',
  'patientId',
  'role',
  'isAdmin',
  'admin',
  'createdAt',
  'version',
  '$where',
  'a\u0000b',
  '💊',
];

/** Values of every JSON type, including edge numbers, to put where they do not belong. */
const ANY_VALUE: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    false,
    0,
    -1,
    0.5,
    -0,
    1e308,
    -1e308,
    2 ** 53 + 1,
    '',
    'x',
    [],
    {},
    [null],
    { a: 1 },
    '2026-02-30',
    '25:99',
    '1970-01-01T00:00:00Z',
    '00000000-0000-0000-0000-000000000000',
  ),
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** One generated request body: its JSON text and what was done to the valid sample. */
export interface HostileBody {
  readonly kind: string;
  readonly text: string;
}

const DEEP = 'hostile-deep-placeholder';

/** `depth` levels of nested arrays or objects, as JSON text. */
function nested(depth: number, object: boolean): string {
  return object
    ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
    : `${'['.repeat(depth)}1${']'.repeat(depth)}`;
}

function withField(valid: Record<string, unknown>, field: string, value: unknown): string {
  return JSON.stringify({ ...valid, [field]: value });
}

/**
 * Bodies made from a valid sample by one hostile change each: wrong types, missing required
 * and unexpected extra fields, huge strings and arrays, deep nesting, hostile strings in text
 * fields, odd Unicode keys, or a body that is not an object at all.
 */
export function hostileBody(
  schema: JsonSchema,
  valid: Record<string, unknown>,
): fc.Arbitrary<HostileBody> {
  const fields = Object.keys(schema.properties ?? valid);
  if (fields.length === 0) fields.push('field');
  const field = fc.constantFrom(...fields);
  const required = schema.required ?? [];
  const kinds: fc.Arbitrary<HostileBody>[] = [
    fc.tuple(field, ANY_VALUE).map(([f, v]) => ({
      kind: `wrong value ${f}`,
      text: withField(valid, f, v),
    })),
    fc.tuple(fc.constantFrom(...EXTRA_KEYS), ANY_VALUE).map(([k, v]) => ({
      kind: `extra field ${JSON.stringify(k)}`,
      text: withField(valid, k, v),
    })),
    fc
      .tuple(field, fc.constantFrom(300, 5_000, 200_000), fc.constantFrom('x', 'é', '💊', "'"))
      .map(([f, n, unit]) => ({
        kind: `huge string ${f} (${String(n)})`,
        text: withField(valid, f, unit.repeat(n)),
      })),
    fc.tuple(field, fc.constantFrom(1_000, 50_000)).map(([f, n]) => ({
      kind: `huge array ${f} (${String(n)})`,
      text: withField(
        valid,
        f,
        Array.from({ length: n }, (_, i) => i),
      ),
    })),
    fc.tuple(field, fc.constantFrom(64, 1_000, 10_000), fc.boolean()).map(([f, depth, object]) => ({
      kind: `nested ${f} (${String(depth)} ${object ? 'objects' : 'arrays'})`,
      text: withField(valid, f, DEEP).replace(JSON.stringify(DEEP), nested(depth, object)),
    })),
    fc.tuple(field, fc.constantFrom(...HOSTILE_STRINGS)).map(([f, s]) => ({
      kind: `hostile string ${f}=${JSON.stringify(s).slice(0, 30)}`,
      text: withField(valid, f, s),
    })),
    fc
      .tuple(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }), ANY_VALUE)
      .map(([k, v]) => ({
        kind: `unicode key ${JSON.stringify(k)}`,
        text: withField(valid, k, v),
      })),
    fc.constantFrom('null', '[]', '"x"', '0', 'true', '[{}]', nested(5_000, false)).map((t) => ({
      kind: `not an object ${t.slice(0, 10)}`,
      text: t,
    })),
  ];
  if (required.length > 0) {
    kinds.push(
      fc.constantFrom(...required).map((f) => {
        const { [f]: _dropped, ...rest } = valid;
        return { kind: `missing ${f}`, text: JSON.stringify(rest) };
      }),
    );
  }
  return fc.oneof(...kinds);
}

/** `count` hostile bodies for one route, reproducible from the seed and the route's index. */
export function sampleHostileBodies(
  schema: JsonSchema,
  valid: Record<string, unknown>,
  count: number,
  index: number,
): HostileBody[] {
  return fc.sample(hostileBody(schema, valid), { seed: HOSTILE_SEED + index, numRuns: count });
}

/**
 * Path parameter values, already percent-encoded as they would travel: traversal, NUL bytes,
 * very long ids, ids that are not UUIDs, the nil UUID, injection, invalid percent-encoding and
 * Unicode — plus a few generated strings.
 */
export function pathTricks(index: number, generated = 3): string[] {
  const fixed = [
    '..%2f..%2f..%2fetc%2fpasswd',
    '..',
    '%2e%2e',
    '%00',
    'abc%00def',
    'a'.repeat(4_000),
    'not-a-uuid',
    '00000000-0000-0000-0000-000000000000',
    'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
    encodeURIComponent("' OR '1'='1"),
    encodeURIComponent('<script>alert(1)</script>'),
    '%F0%9F%92%8A',
    '%E2%80%AE',
    '%C0%AE%C0%AE',
    '%ff',
    '-1',
    '1e309',
  ];
  const random = fc.sample(fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }), {
    seed: HOSTILE_SEED + 7_919 * index,
    numRuns: generated,
  });
  return [...fixed, ...random.map(encodeURIComponent)];
}

/** Bad values for a query parameter: hostile strings and generated text, URL-encoded later. */
export function queryTricks(index: number, generated = 4): string[] {
  const fixed = [
    "' OR '1'='1",
    '<script>',
    '\u0000',
    'x'.repeat(5_000),
    '9999-99-99',
    '2026-02-30',
    '-1',
    '1e309',
    '[]',
    '𝕊💊',
  ];
  const random = fc.sample(fc.string({ unit: 'binary', maxLength: 30 }), {
    seed: HOSTILE_SEED + 104_729 * index,
    numRuns: generated,
  });
  return [...fixed, ...random];
}
