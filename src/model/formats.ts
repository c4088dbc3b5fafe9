// The `format:` line that says what a file is. Apart from the zod schemas (model/schema.ts) so that
// reading a valid answers file never loads zod (validation/answers-fast.ts).
export const GRID_FORMAT = 'cap-ptce/grid@1';
export const ANSWERS_FORMAT = 'cap-ptce/answers@1';
