// The zod schemas, for the paths that need them: a user's grid, an answers file with a mistake,
// `cap-ptce schema`. In dist/ the build replaces this file with one that loads
// dist/lib/model-schema.cjs on first call (zod and the schemas: 200 kB parsed and 30 ms of schema
// building that a valid answers file on the built-in grid never needs; see answers-fast.ts).
import * as schemas from './schema.js';

export function zodSchemas(): typeof schemas {
  return schemas;
}
