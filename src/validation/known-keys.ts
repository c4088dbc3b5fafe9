// The keys a schema allows at a data path, found by walking the zod schema itself, so that
// "did you mean" suggestions never drift from the schema.
import type { z } from 'zod';
import type { PathSegment } from './yaml-source.js';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  valueType?: z.ZodType;
  innerType?: z.ZodType;
  getter?: () => z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

function unwrap(schema: z.ZodType): z.ZodType[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'nullable':
    case 'readonly':
    case 'prefault':
      return unwrap(def.innerType!);
    case 'lazy':
      return unwrap(def.getter!());
    case 'pipe':
      return unwrap(def.in!);
    case 'union':
      return def.options!.flatMap(unwrap);
    default:
      return [schema];
  }
}

function step(schema: z.ZodType, seg: PathSegment): z.ZodType[] {
  const out: z.ZodType[] = [];
  for (const s of unwrap(schema)) {
    const def = defOf(s);
    if (def.type === 'object' && typeof seg === 'string' && def.shape && seg in def.shape) out.push(def.shape[seg]!);
    else if (def.type === 'array' && typeof seg === 'number') out.push(def.element!);
    else if (def.type === 'record') out.push(def.valueType!);
  }
  return out;
}

export function knownKeysAt(root: z.ZodType, path: readonly PathSegment[]): string[] {
  let current: z.ZodType[] = [root];
  for (const seg of path) {
    current = current.flatMap((s) => step(s, seg));
    if (current.length === 0) return [];
  }
  const keys = new Set<string>();
  for (const s of current.flatMap(unwrap)) {
    const def = defOf(s);
    if (def.type === 'object' && def.shape) for (const k of Object.keys(def.shape)) keys.add(k);
  }
  return [...keys];
}
