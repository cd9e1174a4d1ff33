// A small JSON Schema checker for the subset z.toJSONSchema emits (type, properties, required, enum, const,
// items, minimum/maximum, exclusiveMinimum/Maximum, minLength, anyOf, additionalProperties, $ref/$defs), written
// independently of src/format/shape.ts so that tests can check the published schema file on its own.
type Schema = Record<string, unknown>;

const KNOWN = new Set([
  '$schema', '$id', '$ref', '$defs', 'title', 'description', 'type', 'properties', 'required', 'enum', 'const',
  'items', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'anyOf',
  'additionalProperties', 'propertyNames',
]);

function typeOk(type: string, v: unknown): boolean {
  switch (type) {
    case 'object': return typeof v === 'object' && v !== null && !Array.isArray(v);
    case 'array': return Array.isArray(v);
    case 'string': return typeof v === 'string';
    case 'boolean': return typeof v === 'boolean';
    // JSON has no Infinity or NaN: a non-finite value is not a JSON number.
    case 'number': return typeof v === 'number' && Number.isFinite(v);
    case 'integer': return typeof v === 'number' && Number.isInteger(v);
    case 'null': return v === null;
    default: throw new Error(`json-schema-check: unknown type ${type}`);
  }
}

/** Paths (JSON pointers) where `value` breaks `schema`; empty when it conforms. */
export function jsonSchemaErrors(schema: Schema, value: unknown): string[] {
  const root = schema;
  const errors: string[] = [];
  const visit = (node: Schema, v: unknown, at: string, out: string[] = errors): void => {
    for (const k of Object.keys(node)) if (!KNOWN.has(k)) throw new Error(`json-schema-check: keyword ${k} not supported`);
    if (typeof node.$ref === 'string') {
      const name = node.$ref.replace('#/$defs/', '');
      visit((root.$defs as Record<string, Schema>)[name], v, at, out);
      return;
    }
    if (Array.isArray(node.anyOf)) {
      const fits = (sub: Schema) => {
        const e: string[] = [];
        visit(sub, v, at, e);
        return e.length === 0;
      };
      if (!node.anyOf.some((sub) => fits(sub as Schema))) out.push(at + ' (anyOf)');
      return;
    }
    if ('const' in node && v !== node.const) out.push(at + ' (const)');
    if (Array.isArray(node.enum) && !node.enum.includes(v)) out.push(at + ' (enum)');
    if (node.type !== undefined) {
      const types = Array.isArray(node.type) ? (node.type as string[]) : [node.type as string];
      if (!types.some((t) => typeOk(t, v))) {
        out.push(at + ' (type)');
        return;
      }
    }
    if (typeof v === 'number') {
      if (typeof node.minimum === 'number' && v < node.minimum) out.push(at + ' (minimum)');
      if (typeof node.maximum === 'number' && v > node.maximum) out.push(at + ' (maximum)');
      if (typeof node.exclusiveMinimum === 'number' && v <= node.exclusiveMinimum) out.push(at + ' (exclusiveMinimum)');
      if (typeof node.exclusiveMaximum === 'number' && v >= node.exclusiveMaximum) out.push(at + ' (exclusiveMaximum)');
    }
    if (typeof v === 'string' && typeof node.minLength === 'number' && [...v].length < node.minLength) {
      out.push(at + ' (minLength)');
    }
    if (Array.isArray(v) && node.items) v.forEach((x, i) => visit(node.items as Schema, x, `${at}/${i}`, out));
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      const props = (node.properties ?? {}) as Record<string, Schema>;
      for (const r of (node.required ?? []) as string[]) {
        if (!Object.prototype.hasOwnProperty.call(o, r)) out.push(`${at}/${r} (required)`);
      }
      for (const k of Object.keys(o)) {
        if (Object.prototype.hasOwnProperty.call(props, k)) visit(props[k], o[k], `${at}/${k}`, out);
        else if (node.additionalProperties === false) out.push(`${at}/${k} (additionalProperties)`);
        else if (typeof node.additionalProperties === 'object') visit(node.additionalProperties as Schema, o[k], `${at}/${k}`, out);
      }
    }
  };
  visit(root, value, '');
  return errors;
}
