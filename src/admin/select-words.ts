/**
 * The drop-down lists of Decap's «select» and «relation» fields are react-select, which speaks
 * English to screen readers («option X, selected», «Use Up and Down to choose options…») and in
 * its menu («No options»). react-select takes its words as props (`ariaLiveMessages`,
 * `screenReaderStatus`, `noOptionsMessage`, `loadingMessage`), but Decap renders it with fixed
 * props; so the Russian words become react-select's defaults, which every select Decap renders
 * takes (issue 17, finding 8). Key names (Enter, Esc, Tab, Backspace) stay as the keys are labelled.
 */
import type { AriaLiveMessages } from 'react-select';
import { defaultProps } from 'react-select/base';
import { countedForm } from '../../cms/wording.ts';

const position = (list: readonly unknown[] | undefined, item: unknown) => (list?.length ? `${list.indexOf(item) + 1} из ${list.length}` : '');

export const RUSSIAN_ARIA_LIVE: AriaLiveMessages<any, boolean, any> = {
  guidance({ context, isSearchable, isMulti, tabSelectsValue, isInitialFocus, ...props }) {
    if (context === 'menu') {
      return `Стрелками вверх и вниз выберите вариант, Enter — выбрать, Esc — закрыть список${tabSelectsValue ? ', Tab — выбрать и закрыть список' : ''}.`;
    }
    if (context === 'input') {
      if (!isInitialFocus) return '';
      const name = (props as { 'aria-label'?: string })['aria-label'] || 'Список';
      return `${name}: ${isSearchable ? 'печатайте, чтобы сузить список, ' : ''}стрелка вниз открывает список${isMulti ? ', стрелка влево ведёт к выбранным значениям' : ''}.`;
    }
    if (context === 'value') return 'Стрелками влево и вправо переходите между выбранными значениями, Backspace убирает значение.';
    return '';
  },
  onChange({ action, label = '', labels, isDisabled }) {
    switch (action) {
      case 'deselect-option':
      case 'pop-value':
      case 'remove-value':
        return `Убрано: ${label}.`;
      case 'clear':
        return 'Выбор снят со всех вариантов.';
      case 'initial-input-focus':
        return `Выбрано: ${labels.join(', ')}.`;
      case 'select-option':
        return isDisabled ? `Вариант «${label}» недоступен, выберите другой.` : `Выбрано: ${label}.`;
      default:
        return '';
    }
  },
  onFocus({ context, focused, options, label = '', selectValue, isDisabled, isSelected, isAppleDevice }) {
    if (context === 'value' && selectValue) return `В фокусе ${label}, ${position(selectValue, focused)}.`;
    if (context === 'menu' && isAppleDevice) {
      return `${label}${isSelected ? ', выбрано' : ''}${isDisabled ? ', недоступно' : ''}, ${position(options, focused)}.`;
    }
    return '';
  },
  onFilter({ inputValue, resultsMessage }) {
    return `${resultsMessage}${inputValue ? ` по запросу «${inputValue}»` : ''}.`;
  },
};

/** «5 вариантов», «1 вариант»: how many options the menu offers. */
export const optionsCount = (count: number) => `${count} ${countedForm(count, { one: 'вариант', few: 'варианта', many: 'вариантов' })}`;

export function registerSelectWords(): void {
  Object.assign(defaultProps, {
    ariaLiveMessages: RUSSIAN_ARIA_LIVE,
    screenReaderStatus: ({ count }: { count: number }) => `В списке ${optionsCount(count)}`,
    noOptionsMessage: () => 'Ничего не найдено',
    loadingMessage: () => 'Загрузка…',
  });
}
