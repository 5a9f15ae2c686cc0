/**
 * What every repository shares: the database and the world it was given (clock, ids), the one
 * schema check before a write, and the full record a save builds from its input.
 */
import type * as v from 'valibot';
import { futureProblem } from '../export/validate.ts';
import type { Clip, Highlight } from '../model/index.ts';
import { check, type clipSchema, type highlightSchema } from '../model/schemas.ts';
import { InvalidRecordError } from './errors.ts';
import type { EpaperDB } from './schema.ts';

/** A repository's world: the database, the clock and the id source. */
export interface Ctx {
  db: EpaperDB;
  clock: () => number;
  newId: () => string;
}

/** `value` checked with `schema` (unknown fields dropped), or an InvalidRecordError naming the field. */
export function valid<S extends v.GenericSchema>(
  schema: S,
  value: unknown,
  refusal: string,
): v.InferOutput<S> {
  const r = check(schema, value);
  if (!r.ok) throw new InvalidRecordError(`${refusal}: ${r.error}`);
  return r.value;
}

/**
 * A record to write: `input` with id, note, tags and times filled in as a save fills them
 * (createdAt kept, updatedAt now), checked with `schema` (unknown fields dropped) and for a
 * creation time from the future; an InvalidRecordError naming the field otherwise.
 */
export function record<S extends typeof highlightSchema | typeof clipSchema>(
  ctx: Ctx,
  what: 'highlight' | 'clip',
  schema: S,
  input: unknown,
  now: number,
  refusal = `The ${what} was not saved`,
): v.InferOutput<S> {
  const i = (input && typeof input === 'object' ? input : {}) as Partial<Highlight & Clip>;
  const r = valid(
    schema,
    {
      ...i,
      id: i.id ?? ctx.newId(),
      note: i.note ?? '',
      tags: i.tags ?? [],
      createdAt: i.createdAt ?? now,
      updatedAt: now,
    },
    refusal,
  );
  const future = futureProblem(r, ['createdAt'], now);
  if (future) throw new InvalidRecordError(`${refusal}: ${future}`);
  return r;
}

/** Only the fields a patch may set (a message could carry more). */
export function pick<T extends object>(patch: T): Partial<T> {
  const out: Partial<T> = {};
  for (const k of ['color', 'note', 'tags', 'selectors'] as Array<keyof T>) {
    if (patch[k] !== undefined) out[k] = patch[k];
  }
  return out;
}
