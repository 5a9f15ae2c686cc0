/**
 * The UI edge of lib's problems: a sentence the core made from lib/model/problems.ts is shown in the
 * reader's language from `_locales` (`probNoDate` …); any other text (already translated here, or
 * from the browser) is shown as it is.
 */
import { problemOf, UNTITLED_PART, type ProblemCode } from '../../model/problems';
import { t } from './i18n';

/** The `_locales` key of a problem code: 「noDate」 → 「probNoDate」. */
export function problemKey(code: ProblemCode): string {
  return 'prob' + code[0].toUpperCase() + code.slice(1);
}

/** A problem or refusal from lib, in the UI's language. */
export function problemText(text: string): string {
  const p = problemOf(text);
  if (!p) return text;
  return t(
    problemKey(p.code),
    // A parameter may be a problem itself (「…not available (page A4 was not given)」).
    p.params.map((x) => (x === UNTITLED_PART ? t('probUntitledPart') : problemText(x))),
  );
}
