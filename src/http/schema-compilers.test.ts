import Fastify from 'fastify';
import { createRequire } from 'node:module';
import { expect, it } from 'vitest';
import { schemaController } from './schema-compilers.js';

const loaded = (name: string) => Object.keys(createRequire(import.meta.url).cache).some((file) => file.includes(`/node_modules/${name}/`));

it('loads ajv and fast-json-stringify only when a route declares a schema, and then validates and serialises with them', async () => {
  const app = Fastify({ schemaController });
  app.get('/plain', async () => ({ ok: true }));
  await app.ready();
  expect(loaded('@fastify/ajv-compiler')).toBe(false);
  expect(loaded('@fastify/fast-json-stringify-compiler')).toBe(false);
  expect((await app.inject('/plain')).json()).toEqual({ ok: true });
  await app.close();

  const typed = Fastify({ schemaController });
  typed.post(
    '/typed',
    {
      schema: {
        body: { type: 'object', required: ['n'], properties: { n: { type: 'integer' } } },
        response: { 200: { type: 'object', properties: { n: { type: 'integer' } } } },
      },
    },
    async (request) => ({ ...(request.body as object), secret: 'not in the schema' }),
  );
  await typed.ready();
  expect(loaded('@fastify/ajv-compiler')).toBe(true);
  expect((await typed.inject({ method: 'POST', url: '/typed', payload: { n: 'x' } })).statusCode).toBe(400);
  expect((await typed.inject({ method: 'POST', url: '/typed', payload: { n: 2 } })).json()).toEqual({ n: 2 });
  await typed.close();
});
