import { generateOpenApiDocument, type OpenAPIObject } from 'trpc-to-openapi';
import { openApiRouter } from './openapi-router';

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
    '(with Idempotent-Replayed: true) instead of registering twice. Keys are kept for at least 24 hours.',
  schema: { type: 'string', maxLength: 255 },
} as const;

interface Operation {
  parameters?: unknown[];
  responses?: Record<string, { description?: string; content?: Record<string, unknown> }>;
}

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
  for (const item of Object.values(doc.paths ?? {}) as Array<Record<string, Operation>>) {
    for (const [method, op] of Object.entries(item)) {
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
