// string-width as the bundle sees it (scripts/build.mjs): src/text/string-width.ts, the same
// widths without ICU. CommonJS so that both `require('string-width')` and
// `import stringWidth from 'string-width'` (wrap-ansi, src/) get the function.
const { default: stringWidth } = require('../../src/text/string-width.ts');

module.exports = stringWidth;
module.exports.default = stringWidth;
