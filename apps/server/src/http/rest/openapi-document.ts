import { generateOpenApiDocument, type OpenAPIObject } from 'trpc-to-openapi';
import { openApiRouter } from './openapi-router';
import { IDEMPOTENCY_KEEP_HOURS } from './idempotency';
import { EXAMPLE_EVENT, registrationExamples, webhookExamples } from './openapi-examples';

type SchemaObject = NonNullable<NonNullable<OpenAPIObject['components']>['schemas']>[string];

const errorSchema: SchemaObject = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'fields'],
      properties: {
        code: {
          type: 'string',
          description:
            'Stable code: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, INVALID_INPUT, INVALID_STATE, ' +
            'TOO_MANY_ATTEMPTS, PAYLOAD_TOO_LARGE, IDEMPOTENCY_KEY_IN_USE, IDEMPOTENCY_KEY_REUSED, INTERNAL',
          example: 'INVALID_INPUT',
        },
        message: { type: 'string', example: 'Some fields are not valid: registration.participant.email' },
        fields: {
          type: 'object',
          description: 'Dotted path of each field at fault -> messages',
          additionalProperties: { type: 'array', items: { type: 'string' } },
          example: { 'registration.participant.email': ['Enter a valid email address'] },
        },
      },
    },
  },
};

const idempotencyHeader = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Any unique string (a UUID): a retry with the same key and body returns the first response ' +
    '(with Idempotent-Replayed: true) instead of registering twice. ' +
    `Keys are kept for ${IDEMPOTENCY_KEEP_HOURS} hours.`,
  schema: { type: 'string', maxLength: 255 },
} as const;

interface Operation {
  parameters?: Array<{ name?: string; in?: string; example?: unknown }>;
  requestBody?: { content?: Record<string, { schema?: BodySchema; examples?: unknown }> };
  responses?: Record<string, { description?: string; content?: Record<string, unknown> }>;
}
interface BodySchema {
  type?: string;
  properties?: Record<string, unknown>;
  required?: string[];
  oneOf?: unknown[];
}

/**
 * The registration POST takes exactly one of registration and delegation. zod's
 * refine cannot be said in JSON Schema, so the generator listed both as optional:
 * say it as oneOf, so a generated client knows, and the reference shows one of each.
 */
function exactlyOne(body: BodySchema): BodySchema {
  const { registration, delegation, ...shared } = body.properties ?? {};
  if (!registration || !delegation) return body;
  const variant = (name: 'registration' | 'delegation', schema: unknown) => ({
    type: 'object',
    title: name === 'registration' ? 'One person' : 'A delegation',
    properties: { [name]: schema, ...shared },
    required: [name],
    additionalProperties: false,
  });
  return { oneOf: [variant('registration', registration), variant('delegation', delegation)] };
}

const bodyExamples: Record<string, unknown> = {
  'post /events/{eventId}/registrations': registrationExamples,
  'post /events/{eventId}/webhooks': webhookExamples,
};

/**
 * The OpenAPI 3.1 document of the partner API, from the procedures' meta (only
 * procedures with openapi meta are in it), with the error bodies and statuses
 * the REST layer actually sends.
 */
export function partnerApiDocument(): OpenAPIObject {
  const doc = generateOpenApiDocument(openApiRouter, {
    title: 'Plenary partner API',
    version: '1.0.0',
    description:
      'Register participants from your own systems. Authenticate with the API key an event organiser ' +
      'gave you (Authorization: Bearer plk_...). A key sees its own event and only its organisation’s ' +
      'registrations. ' +
      'Each key has a limit of requests a minute (120 unless the organiser set another when making it); ' +
      'over it the answer is 429 with Retry-After. Bodies up to 1 MB.',
    baseUrl: '/api/v1',
    securitySchemes: {
      apiKey: { type: 'http', scheme: 'bearer', description: 'The partner API key, plk_...' },
    },
  });
  const schemas = (doc.components?.schemas ?? {}) as Record<string, unknown>;
  for (const name of Object.keys(schemas)) if (name.startsWith('error.')) delete schemas[name];
  doc.components = { ...doc.components, schemas: { ...schemas, Error: errorSchema } };
  for (const [path, item] of Object.entries(doc.paths ?? {}) as Array<[string, Record<string, Operation>]>) {
    for (const [method, op] of Object.entries(item)) {
      for (const p of op.parameters ?? [])
        if (p.name === 'eventId' && p.in === 'path') p.example = EXAMPLE_EVENT;
      const json = op.requestBody?.content?.['application/json'];
      if (json?.schema && path === '/events/{eventId}/registrations') json.schema = exactlyOne(json.schema);
      const examples = bodyExamples[`${method} ${path}`];
      if (json && examples) json.examples = examples;
      const responses = op.responses ?? {};
      for (const [status, response] of Object.entries(responses)) {
        if (Number(status) >= 400)
          response.content = { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } };
      }
      if (method === 'post') {
        // A POST creates: it answers 201, not the generator's 200.
        if (responses['200']) {
          responses['201'] = responses['200'];
          delete responses['200'];
        }
        op.parameters = [...(op.parameters ?? []), idempotencyHeader];
      }
    }
  }
  return doc;
}
