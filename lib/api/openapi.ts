// The OpenAPI 3.1 document of the read API, generated from the zod schemas
// that shape the answers (schemas.ts, query.ts): served at /api/openapi.json
// and checked against real answers by tests/integration/api-openapi.test.ts.
import { z } from "zod";
import { API_ERRORS } from "./errors";
import { questionsQuery, reviewsQuery, speakersQuery, submissionsQuery } from "./query";
import {
  answerSchema,
  errorSchema,
  questionPage,
  questionSchema,
  reviewPage,
  reviewSchema,
  speakerPage,
  speakerRefSchema,
  speakerSchema,
  submissionPage,
  submissionSchema,
} from "./schemas";
import type { ApiScope } from "./scopes";

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

function components() {
  const registry = z.registry<{ id: string }>();
  const all: [z.ZodType, string][] = [
    [submissionSchema, "Submission"],
    [speakerSchema, "Speaker"],
    [reviewSchema, "Review"],
    [questionSchema, "Question"],
    [submissionPage, "SubmissionPage"],
    [speakerPage, "SpeakerPage"],
    [reviewPage, "ReviewPage"],
    [questionPage, "QuestionPage"],
    [errorSchema, "Error"],
    [speakerRefSchema, "SpeakerRef"],
    [answerSchema, "Answer"],
  ];
  for (const [schema, id] of all) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { target: "draft-2020-12", io: "output", uri: (id) => `#/components/schemas/${id}` });
  // Each schema carries its own $id/$schema otherwise; inside one document they are components.
  for (const s of Object.values(schemas)) {
    delete (s as Record<string, unknown>).$schema;
    delete (s as Record<string, unknown>).$id;
    delete (s as Record<string, unknown>).id;
  }
  return schemas;
}

function queryParameters(schema: z.ZodObject) {
  const json = z.toJSONSchema(schema, { io: "input", target: "draft-2020-12" }) as { properties: Record<string, Record<string, unknown>> };
  return Object.entries(json.properties).map(([name, s]) => {
    const { description, ...rest } = s;
    return { name, in: "query", required: false, ...(description ? { description } : {}), schema: rest };
  });
}

const errorResponses = Object.fromEntries(
  [...new Set(Object.values(API_ERRORS))].map((status) => [
    String(status),
    {
      description: `Error codes: ${Object.entries(API_ERRORS)
        .filter(([, s]) => s === status)
        .map(([c]) => c)
        .join(", ")}.`,
      content: { "application/json": { schema: ref("Error") } },
    },
  ]),
);

function operation(summary: string, scope: ApiScope, schemaId: string, parameters: unknown[]) {
  return {
    summary,
    description: `Needs a token with the "${scope}" scope.`,
    security: [{ token: [] }],
    parameters: [{ name: "slug", in: "path", required: true, schema: { type: "string" } }, ...parameters],
    responses: { "200": { description: "OK", content: { "application/json": { schema: ref(schemaId) } } }, ...errorResponses },
  };
}

const item = (name: string) => ({ name, in: "path", required: true, schema: { type: "string" } });

export function openApiDocument(serverUrl: string) {
  const base = "/api/events/{slug}";
  return {
    openapi: "3.1.0",
    info: {
      title: "CFP read API",
      version: "1.0.0",
      description:
        "Read an event's proposals, speakers, reviews and questions with an API token (event settings → API tokens). " +
        "Send `Authorization: Token <token>`. Lists are paged like pretalx's (`count`, `next`, `previous`, `results`; " +
        "`page`, `page_size`); field names follow pretalx's organizer API, and fields pretalx lacks are marked as extensions. " +
        "Errors are `{ error: { code, message } }` with a stable code. Each token may make 300 requests a minute.",
    },
    servers: [{ url: serverUrl }],
    components: {
      schemas: components(),
      securitySchemes: { token: { type: "apiKey", in: "header", name: "Authorization", description: "`Token <token>`" } },
    },
    paths: {
      [`${base}/submissions`]: { get: operation("List proposals", "proposals", "SubmissionPage", queryParameters(submissionsQuery)) },
      [`${base}/submissions/{code}`]: { get: operation("One proposal", "proposals", "Submission", [item("code")]) },
      [`${base}/speakers`]: { get: operation("List speakers", "speakers", "SpeakerPage", queryParameters(speakersQuery)) },
      [`${base}/speakers/{code}`]: { get: operation("One speaker", "speakers", "Speaker", [item("code")]) },
      [`${base}/reviews`]: { get: operation("List reviews", "reviews", "ReviewPage", queryParameters(reviewsQuery)) },
      [`${base}/reviews/{id}`]: { get: operation("One review", "reviews", "Review", [item("id")]) },
      [`${base}/questions`]: { get: operation("List custom questions", "proposals", "QuestionPage", queryParameters(questionsQuery)) },
      [`${base}/questions/{id}`]: { get: operation("One custom question", "proposals", "Question", [item("id")]) },
    },
  };
}
