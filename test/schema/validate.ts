/**
 * Validation of document JSON for tests: the JSON Schema (structure, types, enums) plus what a schema cannot
 * say — spans that run backwards or past the text, ids that point at no record, ids repeated within a layer.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { packagePath } from '../../src/package-path.js';

export const documentSchema = JSON.parse(readFileSync(packagePath('schema/document.schema.json'), 'utf8')) as {
  properties: Record<string, unknown>;
  required: string[];
  $defs: Record<string, unknown>;
};

// ajv-formats is CommonJS; under NodeNext its default export arrives as the module namespace.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validateSchema = ajv.compile(documentSchema);

type Json = Record<string, unknown>;

/** Where each kind of reference must point: layer of the target, by the field path in a record. */
const REFERENCES: Record<string, Record<string, string>> = {
  mentions: { actor: 'actors' },
  actors: { mentions: 'mentions' },
  roles: { person: 'actors', org: 'actors' },
  memberships: { person: 'actors', org: 'actors' },
  statements: { speaker: 'actors' },
  events: { actor: 'actors', recipient: 'actors', place: 'actors', statement: 'statements' },
  stateChanges: { subject: 'actors', body: 'actors', with: 'actors', event: 'events' },
  commitments: { by: 'actors', to: 'actors', statement: 'statements', source: 'actors' },
  agreements: { parties: 'actors' },
  relations: { a: 'actors', b: 'actors' },
};

/** Every problem found, as "path: message" lines; empty when the document is valid. */
export function validateDocument(json: unknown): string[] {
  if (!validateSchema(json)) {
    return (validateSchema.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`);
  }
  const doc = json as Json & { text: string };
  const problems: string[] = [];
  checkSpans(doc, '', doc.text.length, problems);
  const ids = new Map<string, Set<string>>();
  for (const layer of Object.keys(REFERENCES).concat('sentences', 'times')) {
    const seen = new Set<string>();
    (doc[layer] as Json[]).forEach((r, i) => {
      const id = r.id as string;
      if (seen.has(id)) problems.push(`/${layer}/${i}/id: ${id} repeats an earlier id`);
      seen.add(id);
    });
    ids.set(layer, seen);
  }
  for (const [layer, fields] of Object.entries(REFERENCES)) {
    (doc[layer] as Json[]).forEach((record, i) => {
      for (const [field, target] of Object.entries(fields)) {
        const value = record[field];
        const refs = value === undefined ? [] : Array.isArray(value) ? (value as string[]) : [value as string];
        refs.forEach((ref, k) => {
          const path = `/${layer}/${i}/${field}${Array.isArray(value) ? `/${k}` : ''}`;
          if (!ids.get(target)!.has(ref)) problems.push(`${path}: ${ref} is not the id of any ${target} record`);
        });
      }
    });
  }
  return problems;
}

function checkSpans(node: unknown, path: string, textLength: number, problems: string[]): void {
  if (Array.isArray(node)) {
    node.forEach((child, i) => checkSpans(child, `${path}/${i}`, textLength, problems));
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const o = node as Json;
  if (typeof o.start === 'number' && typeof o.end === 'number' && Object.keys(o).length === 2) {
    if (o.end < o.start) problems.push(`${path}: span [${o.start}, ${o.end}) runs backwards`);
    if (o.end > textLength) problems.push(`${path}: span [${o.start}, ${o.end}) runs past the end of the text (${textLength})`);
    return;
  }
  for (const [key, child] of Object.entries(o)) if (key !== 'text') checkSpans(child, `${path}/${key}`, textLength, problems);
}
