/**
 * Type checks on a JSON record's metadata fields. A metadata field must be text or a number (or null/absent): an
 * object or a list would otherwise be written as "[object Object]" or "a,b", and an id that is an object would give
 * every such record the same id.
 */
const METADATA_FIELDS = ['id', 'title', 'outlet', 'publisher', 'date', 'url', 'event'];

/** The first metadata field whose value is an object or a list, with what it is; undefined when all are fine. */
export function nonScalarField(fields: Record<string, unknown>): { field: string; kind: string } | undefined {
  for (const field of METADATA_FIELDS) {
    const v = fields[field];
    if (v !== null && typeof v === 'object') return { field, kind: Array.isArray(v) ? 'a list' : 'an object' };
  }
  return undefined;
}
