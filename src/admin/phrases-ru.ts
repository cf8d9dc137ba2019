/**
 * Decap's Russian (decap-cms-locales `ru`) completed and corrected (issue 17, finding 8). Decap
 * fills a phrase missing from a locale with the English one, which is how «Expand»,
 * «Strikethrough», «Set date to now» reached the screen: RU_PHRASES has every phrase of the
 * English locale that `ru` lacks (tests/editor-wording.test.ts checks that none is left), fixes
 * typos («Полужиный», «По убывания», «Cтатус» with a Latin C) and words things as Russian reads.
 * A few keys are ours, used by our own code (marked so).
 */
import type { CmsLocalePhrases } from 'decap-cms-core';

export type Phrases = { [key: string]: string | Phrases };

/** Corrections and additions to decap-cms-locales' `ru`, in its shape; merged over it. */
export const RU_PHRASES = {
  auth: {
    loggingIn: 'Вход…',
    loginWithForgejo: 'Войти через Forgejo',
    errors: {
      email: 'Введите адрес электронной почты.',
    },
  },
  app: {
    header: {
      quickAdd: 'Создать',
    },
    app: {
      errorHeader: 'Не удалось загрузить настройки редактора',
      configErrors: 'Ошибки в настройках',
      // Our settings are not a config.yml: they are built from the schemas by cms/config.ts.
      checkConfigYml: 'Проверьте настройки редактора.',
    },
    notFoundPage: {
      header: 'Страница не найдена',
    },
  },
  collection: {
    sidebar: {
      searchAll: 'Искать во всех разделах',
    },
    collectionTop: {
      viewAsList: 'Показать списком',
      viewAsGrid: 'Показать плитками',
      // Decap's «＋» (a full-width plus) is missing from common fonts and shows as a box.
      newButton: '+ %{collectionLabel}',
      newButtonAriaLabel: 'Создать: %{collectionLabel}',
      descending: 'По убыванию',
      searchResults: 'Найдено по запросу «%{searchTerm}»',
      searchResultsInCollection: 'Найдено по запросу «%{searchTerm}» в разделе «%{collection}»',
    },
    entries: {
      unpublishedHeader: 'Неопубликованные записи',
    },
    groups: {
      other: 'Другие',
      negateLabel: 'Не «%{label}»',
    },
    defaultFields: {
      updatedOn: { label: 'Дате изменения' },
    },
  },
  editor: {
    editorControl: {
      field: {
        // A neuter adverb agrees with every label: «Фотография (необязательно)», not «(необязательный)».
        optional: 'необязательно',
        // Decap puts «<widget> field» (the widget's English name: «string field») on every field's
        // box, a <div> without a role, where screen readers do not announce it anyway; the field's
        // input is named by its own <label>. An empty phrase leaves no English behind.
        widgetLabel: '',
      },
    },
    editorControlPane: {
      widget: {
        invalidPath: 'Путь «%{path}» записан с ошибкой',
        pathExists: 'Путь «%{path}» уже есть',
      },
      i18n: {
        writingInLocale: 'Язык: %{locale}',
        copyFromLocale: 'Заполнить из другого языка',
        copyFromLocaleConfirm: 'Заполнить данными на языке %{locale}?\nВсё, что уже записано, будет заменено.',
      },
    },
    editorInterface: {
      toggleI18n: 'Показать или скрыть другие языки',
      togglePreview: 'Показать или скрыть предпросмотр',
      toggleScrollSync: 'Прокручивать вместе с предпросмотром',
      toggleNotes: 'Показать или скрыть заметки',
    },
    editorNotesPane: {
      title: 'Заметки',
      emptyState: 'Заметок пока нет. Напишите первую ниже.',
      addNote: 'Добавить заметку',
      addPlaceholder: 'Новая заметка…',
      editPlaceholder: 'Текст заметки…',
      save: 'Сохранить',
      cancel: 'Отмена',
      edit: 'Изменить',
      delete: 'Удалить',
      resolve: 'Отметить решённой',
      unresolve: 'Вернуть в работу',
      confirmDelete: 'Удалить эту заметку?',
      shortcut: 'Ctrl+Enter — добавить заметку',
    },
    editorToolbar: {
      publishing: 'Публикация…',
      status: 'Статус: %{status}',
      backCollection: 'К списку «%{collectionLabel}»',
      unsavedChanges: 'Изменения не сохранены',
      // Decap says «changes saved» also on a new entry nothing of which is saved: dom-words.ts shows this there.
      notSavedYet: 'Запись ещё не сохранена',
      ready: 'Готово',
      deployPreviewPendingButtonLabel: 'Проверить, готов ли предпросмотр',
      deployPreviewButtonLabel: 'Открыть предпросмотр',
      deployButtonLabel: 'Открыть на сайте',
      statusInfoTooltipDraft: 'Запись — черновик. Когда она будет готова, поставьте статус «На рассмотрении».',
    },
    editorWidgets: {
      markdown: {
        bold: 'Полужирный',
        strikethrough: 'Зачёркнутый',
        linkPrompt: 'Адрес ссылки',
        addComponent: 'Вставить блок',
        richText: 'Визуальный режим',
        toggleMode: {
          rich: 'Перейти в визуальный режим',
          markdown: 'Перейти в режим Markdown',
        },
      },
      // Decap's own wording kept («Выберите изображение»), without the Latin «URL» and with «ещё» fixed.
      image: {
        chooseUrl: 'Вставить по адресу',
        replaceUrl: 'Заменить адресом',
        promptUrl: 'Адрес изображения',
        addMore: 'Добавить ещё изображения',
      },
      file: {
        chooseUrl: 'Вставить по адресу',
        replaceUrl: 'Заменить адресом',
        promptUrl: 'Адрес файла',
        addMore: 'Добавить ещё файлы',
      },
      unknownControl: {
        noControl: 'Поле вида «%{widget}» редактор не умеет показывать.',
      },
      unknownPreview: {
        noPreview: 'Поле вида «%{widget}» нельзя показать в предпросмотре.',
      },
      headingOptions: {
        headingOne: 'Заголовок 1',
        headingTwo: 'Заголовок 2',
        headingThree: 'Заголовок 3',
        headingFour: 'Заголовок 4',
        headingFive: 'Заголовок 5',
        headingSix: 'Заголовок 6',
      },
      datetime: {
        setToNow: 'Поставить текущие дату и время в поле «%{fieldLabel}»',
        // Ours (widget-words.ts): a date without time is set to today, not «now».
        today: 'Сегодня',
        setToToday: 'Поставить сегодняшнюю дату в поле «%{fieldLabel}»',
      },
      list: {
        // Ours (dom-words.ts): Decap leaves a list item's icon buttons without a name for screen readers.
        itemToggle: 'Свернуть или развернуть',
        itemMove: 'Переставить',
        itemRemove: 'Убрать из списка',
      },
      object: {
        expand: 'Развернуть',
        collapse: 'Свернуть',
      },
    },
  },
  mediaLibrary: {
    mediaLibraryCard: {
      copyUrl: 'Копировать адрес',
    },
    mediaLibrary: {
      onDelete: 'Удалить выбранный файл?',
      fileTooLarge: 'Файл слишком большой.\nМожно загружать файлы не больше %{size} КБ.',
    },
    mediaLibraryModal: {
      loading: 'Загрузка медиафайлов…',
      close: 'Закрыть',
      noAssetsFound: 'Файлов нет.',
      noImagesFound: 'Изображений нет.',
      private: 'Личные ',
      mediaAssets: 'Медиафайлы',
      search: 'Поиск…',
      upload: 'Загрузить',
      deleteSelected: 'Удалить выбранное',
      chooseSelected: 'Выбрать',
    },
  },
  ui: {
    errorBoundary: {
      reportIt: 'сообщите о ней на GitHub.',
    },
    settingsDropdown: {
      account: 'Меню учётной записи',
    },
    toast: {
      noteAdded: 'Заметка добавлена',
      onFailToAddNote: 'Не удалось добавить заметку: %{details}',
      noteUpdated: 'Заметка изменена',
      onFailToUpdateNote: 'Не удалось изменить заметку: %{details}',
      noteDeleted: 'Заметка удалена',
      onFailToDeleteNote: 'Не удалось удалить заметку: %{details}',
      noteResolved: 'Заметка отмечена решённой',
      noteReopened: 'Заметка снова в работе',
      onFailToToggleNote: 'Не удалось изменить состояние заметки: %{details}',
      onBackendDown: 'Сервер, где хранятся записи, недоступен. Подробности: %{details}',
    },
  },
  workflow: {
    workflow: {
      workflowHeading: 'Редакционный процесс',
      description: 'Ждут проверки: %{smart_count}, готовы к публикации: %{readyCount}.',
      dateFormat: 'D MMMM',
    },
    workflowList: {
      readyHeader: 'Готовы',
      // Polyglot picks one of the three by the count, by Russian rules (its locale is «ru»).
      currentEntries: '%{smart_count} запись |||| %{smart_count} записи |||| %{smart_count} записей',
    },
  },
};

const isTree = (value: unknown): value is Phrases => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `base` with `over` laid on it, phrase by phrase (what Decap itself does with a locale over English). */
export function mergePhrases(base: Phrases, over: Phrases): Phrases {
  const merged: Phrases = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const under = merged[key];
    merged[key] = isTree(value) && isTree(under) ? mergePhrases(under, value) : value;
  }
  return merged;
}

/** One phrase by its dotted key, as Decap's `t` finds it: `phrase(phrases, 'editor.editorToolbar.changesSaved')`. */
export function phrase(phrases: Phrases, key: string): string {
  const found = key.split('.').reduce<string | Phrases | undefined>((at, part) => (typeof at === 'object' ? at[part] : undefined), phrases);
  if (typeof found !== 'string') throw new Error(`нет фразы ${key}`);
  return found;
}

/** Decap's Russian with our corrections. */
export const russianPhrases = (base: CmsLocalePhrases): Phrases => mergePhrases(base as unknown as Phrases, RU_PHRASES);
