/**
 * Fastify's schema compilers (ajv for requests, fast-json-stringify for replies), built only when
 * a route declares a schema. None of Folio's routes does (input is checked by src/validate), yet
 * Fastify loads both when an app is made: ajv alone is about a hundred files, a noticeable part
 * of every restart. Given here, they load on first need, from Fastify's own dependencies.
 * Fastify treats factories given this way as custom compilers, which means it does not
 * lower-case the property names of a `headers` schema: a route given one must name headers in
 * lower case.
 */
import type { FastifyServerOptions } from 'fastify';
import { createRequire } from 'node:module';

type Factories = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>;
type ValidatorFactory = NonNullable<Factories['buildValidator']>;
type SerializerFactory = NonNullable<Factories['buildSerializer']>;

let fromFastify: NodeRequire | undefined;
const load = <T>(name: string): T => {
  fromFastify ??= createRequire(createRequire(import.meta.url).resolve('fastify'));
  return (fromFastify(name) as () => T)();
};

let validator: ValidatorFactory | undefined;
let serializer: SerializerFactory | undefined;

export const schemaController: NonNullable<FastifyServerOptions['schemaController']> = {
  compilersFactory: {
    buildValidator: (schemas, options) => (validator ??= load<ValidatorFactory>('@fastify/ajv-compiler'))(schemas, options),
    buildSerializer: (schemas, options) => (serializer ??= load<SerializerFactory>('@fastify/fast-json-stringify-compiler'))(schemas, options),
  },
};
