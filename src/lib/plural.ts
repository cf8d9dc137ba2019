/** Russian plural forms through the platform's ICU (Intl), in a module of its own so the search page's script can take it alone. */
const plurals = new Intl.PluralRules('ru-RU');

/** plural(5, ['наставник', 'наставника', 'наставников']) → «наставников». */
export function plural(count: number, [one, few, many]: readonly [string, string, string]): string {
  switch (plurals.select(count)) {
    case 'one':
      return one;
    case 'few':
      return few;
    default:
      return many;
  }
}
