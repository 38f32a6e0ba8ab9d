/** Contentful's scalars and the small shared object types every schema has. */
import { GraphQLError, GraphQLFloat, GraphQLObjectType, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

/** Passes JSON through; input literals are read as JSON values. */
export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'The `JSON` scalar type represents JSON values as specified by ECMA-404',
  serialize: (v) => v,
  parseValue: (v) => v,
  parseLiteral: function literal(node: ValueNode): unknown {
    switch (node.kind) {
      case Kind.STRING:
      case Kind.BOOLEAN:
        return node.value;
      case Kind.INT:
      case Kind.FLOAT:
        return Number(node.value);
      case Kind.LIST:
        return node.values.map(literal);
      case Kind.OBJECT:
        return Object.fromEntries(node.fields.map((f) => [f.name.value, literal(f.value)]));
      default:
        return null;
    }
  },
});

const isoDate = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function dateTime(v: unknown): string {
  if (typeof v !== 'string' || !isoDate.test(v) || Number.isNaN(Date.parse(v))) throw new GraphQLError(`DateTime expects an ISO-8601 date or date-time, got ${JSON.stringify(v)}`);
  return v;
}

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar.',
  serialize: (v) => v,
  parseValue: dateTime,
  parseLiteral: (node) => dateTime(node.kind === Kind.STRING ? node.value : undefined),
});

function boundedInt(name: string, min: number, max: number, description: string) {
  const check = (v: unknown) => {
    if (!Number.isInteger(v) || (v as number) < min || (v as number) > max) throw new GraphQLError(`${name} expects an integer from ${min} to ${max}, got ${JSON.stringify(v)}`);
    return v as number;
  };
  return new GraphQLScalarType({
    name,
    description,
    serialize: (v) => v,
    parseValue: check,
    parseLiteral: (node) => check(node.kind === Kind.INT ? Number(node.value) : undefined),
  });
}

export const DimensionScalar = boundedInt('Dimension', 1, 4000, 'The \'Dimension\' type represents dimensions as whole numeric values between `1` and `4000`.');
export const QualityScalar = boundedInt('Quality', 1, 100, 'The \'Quality\' type represents quality as whole numeric values between `1` and `100`.');

function hexColor(v: unknown): string {
  if (typeof v !== 'string' || !/^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(v)) throw new GraphQLError(`HexColor expects #RGB or #RRGGBB, got ${JSON.stringify(v)}`);
  return v;
}

export const HexColorScalar = new GraphQLScalarType({
  name: 'HexColor',
  description: 'The \'HexColor\' type represents color in `rgb:ffffff` string format.',
  serialize: (v) => v,
  parseValue: hexColor,
  parseLiteral: (node) => hexColor(node.kind === Kind.STRING ? node.value : undefined),
});

export const LocationType = new GraphQLObjectType({
  name: 'Location',
  fields: { lat: { type: GraphQLFloat }, lon: { type: GraphQLFloat } },
});

