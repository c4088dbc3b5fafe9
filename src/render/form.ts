// The offline form as one self-contained HTML file (`cap-ptce grid --format form`): inline CSS, one
// inline script, the grid's data as a JSON block, no external resource. Pure: data and the sources
// of the template, stylesheet and script in, a string out.
//
// Security: the Content-Security-Policy allows no source at all except the inline style and the one
// inline script whose SHA-256 is computed here, from the exact text that goes between <script> and
// </script>: an edited or injected script does not run. The grid's text reaches the page two ways,
// both inert: in the markup through Handlebars' HTML escaping (the template never uses {{{x}}}), and
// in a `type="application/json"` block (never executed) where `<`, `>`, `&` and the line separators
// are written as \u escapes, so no text can close the block (`</script>`) or open a comment.
import { createRequire } from 'node:module';
import type Handlebars from 'handlebars';
import Runtime from 'handlebars/runtime';
import { DomainError } from '../errors.js';
import type { FormData } from '../analysis/form.js';
import { htmlView } from './html.js';
import { COMMON_HELPERS, compileTemplate, lockedHandlebars, type LockedHandlebars } from './templating.js';

export const FORM_HTML_TEMPLATE = 'form.html.hbs';
export const FORM_STYLE = 'form.css';
export const FORM_SCRIPT = 'form.js';

let locked: LockedHandlebars | undefined;

function handlebars(): LockedHandlebars {
  const { heading: _markdownOnly, ...shared } = COMMON_HELPERS;
  locked ??= lockedHandlebars(shared);
  return locked;
}

/** JSON that can sit inside an HTML <script> element: nothing in it can end the element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The CSP source for an inline script: 'sha256-<base64 of the SHA-256 of its exact text>'. */
export function scriptHashSource(script: string): string {
  // node:crypto loaded here only: every report would pay for it (this module is in the registry).
  const { createHash } = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;
}

/** The page's Content-Security-Policy: nothing but the inline style and that one script. */
export function formContentSecurityPolicy(script: string): string {
  return [
    "default-src 'none'",
    `script-src ${scriptHashSource(script)}`,
    "style-src 'unsafe-inline'",
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** Renders the form through templates/form.html.hbs, with templates/form.css and templates/form.js inlined. */
export function renderFormHtml(data: FormData, templateSource: string, styleSource: string, scriptSource: string): string {
  if (/<\/script|<!--/i.test(scriptSource)) throw new DomainError('invalid-input', 'Le script du formulaire ne peut pas contenir « </script » ni « <!-- ».');
  if (/<\/style/i.test(styleSource)) throw new DomainError('invalid-input', 'La feuille de style du formulaire ne peut pas contenir « </style ».');
  const { knownHelpers } = handlebars();
  let template: Handlebars.TemplateDelegate;
  try {
    template = compileTemplate(handlebars(), templateSource, { strict: false, knownHelpers, knownHelpersOnly: true, preventIndent: true });
  } catch (error) {
    throw new DomainError('invalid-input', `Le modèle ${FORM_HTML_TEMPLATE} ne peut pas être utilisé : ${String((error as Error)?.message ?? error).split('\n')[0]}`);
  }
  // The script goes in as is: its hash is of these exact characters.
  const script = scriptSource.replace(/\r\n?/g, '\n');
  const shown = htmlView(data);
  const view = {
    ...shown,
    // Fixed words and base64 only: no character to escape, and the source stays readable.
    csp: new (Runtime as unknown as typeof Handlebars).SafeString(formContentSecurityPolicy(script)),
    style: new (Runtime as unknown as typeof Handlebars).SafeString(styleSource),
    script: new (Runtime as unknown as typeof Handlebars).SafeString(script),
    modelJson: new (Runtime as unknown as typeof Handlebars).SafeString(jsonForScript(shown.model)),
  };
  return template(view, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
}
