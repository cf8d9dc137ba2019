/**
 * Findings of the second trial on documents nobody here had seen (issue 18): a post and a name
 * on two lines of one responsible's cell, «Пояснительная записка» glued onto the title, the
 * period given by «Срок реализации: …» above the table, and a «Направление» column taking the
 * row's number away from its event. The documents are built here, as the readers make them.
 */
import { describe, expect, it } from 'vitest';
import { importDocument } from '../src/import/import-document.ts';
import { readHtml } from '../src/import/read-html.ts';
import { readText } from '../src/import/read-text.ts';

interface Item {
  number?: string;
  title: string;
  responsible: string[];
}
interface Stage {
  number?: string;
  title: string;
  items: Item[];
}

const TITLE = '<p align="center"><b>Дорожная карта реализации программы наставничества на 2025-2026 учебный год</b></p>';
const roadmapOf = (body: string) => importDocument(readHtml(`<html><body>${body}</body></html>`, 'plan.html'), { organization: 'shkola' }).data;
const table = (header: string[], rows: string[][]) =>
  `<table border="1">${[header, ...rows].map((cells) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table>`;
const responsiblesOf = (cells: string[]) => {
  const rows = cells.map((cell, i) => [String(i + 1), `Мероприятие ${i + 1}`, 'сентябрь 2025 г.', cell]);
  const stages = roadmapOf(TITLE + table(['№', 'Мероприятие', 'Сроки', 'Ответственные'], rows)).stages as Stage[];
  return stages.flatMap((s) => s.items).map((i) => i.responsible);
};

describe('responsibles on the lines of one cell', () => {
  it('a post alone on its line goes with the name on the next (.docx, .odt)', () => {
    expect(
      responsiblesOf([
        'Заместитель директора по УВР<br>Иванова А. А.',
        'Директор<br>Петров Б.Б.',
        'педагог-психолог<br>Сидорова В. В.',
        'Руководитель МО<br>Кузнецова Г. Г.',
      ]),
    ).toEqual([
      ['Заместитель директора по УВР Иванова А. А.'],
      ['Директор Петров Б.Б.'],
      ['педагог-психолог Сидорова В. В.'],
      ['Руководитель МО Кузнецова Г. Г.'],
    ]);
  });

  it('two posts on two lines stay two responsibles', () => {
    expect(responsiblesOf(['Заместитель директора по УВР<br>Классные руководители'])).toEqual([['Заместитель директора по УВР', 'Классные руководители']]);
  });

  it('a name, then posts on the line a PDF joined onto it, are two responsibles', () => {
    expect(responsiblesOf(['Иванова А.А.<br>Петров Б.Б. классные руководители', 'Петров Б. Б. педагог-психолог'])).toEqual([
      ['Иванова А.А.', 'Петров Б.Б.', 'классные руководители'],
      ['Петров Б. Б.', 'педагог-психолог'],
    ]);
  });

  it('keeps a name with a preposition after it whole', () => {
    expect(responsiblesOf(['Иванова А.А. и классные руководители'])).toEqual([['Иванова А.А. и классные руководители']]);
  });
});

describe('the title stops at the next heading', () => {
  it.each(['Пояснительная записка', 'Цели программы:', 'Задачи', 'Срок реализации: 2025–2026 учебный год', 'Ожидаемые результаты', 'Целевые показатели'])(
    '«%s» is no part of the title',
    (heading) => {
      const data = roadmapOf(
        `${TITLE}<p align="center"><b>${heading}</b></p><p>Текст записки.</p>` +
          table(['№', 'Мероприятие', 'Сроки', 'Ответственные'], [['1', 'Приказ', 'сентябрь 2025 г.', 'Директор']]),
      );
      expect(data.title).toBe('Дорожная карта реализации программы наставничества на 2025-2026 учебный год');
    },
  );

  it('a title over two bold lines is still one title', () => {
    const data = roadmapOf(
      '<p><b>Дорожная карта реализации программы наставничества</b></p><p><b>в МАОУ «Каялинская СОШ» на 2025-2026 учебный год</b></p>' +
        table(['№', 'Мероприятие', 'Сроки', 'Ответственные'], [['1', 'Приказ', 'сентябрь 2025 г.', 'Директор']]),
    );
    expect(data.title).toBe('Дорожная карта реализации программы наставничества в МАОУ «Каялинская СОШ» на 2025-2026 учебный год');
  });
});

describe('the period named above the table', () => {
  const periodOf = (line: string) =>
    importDocument(
      readText(
        [
          'Дорожная карта реализации программы наставничества',
          '',
          line,
          '',
          'Мероприятие\tСрок\tОтветственный',
          'Приказ\tсентябрь\tДиректор',
          'Итоги\tмай\tДиректор',
        ].join('\n'),
        'plan.txt',
      ),
      { organization: 'shkola' },
    ).data.period;

  it('«Срок реализации: 1 сентября 2025 года – 31 мая 2026 года» is that period', () => {
    expect(periodOf('Срок реализации: 1 сентября 2025 года – 31 мая 2026 года')).toEqual({ from: '2025-09-01', to: '2026-05-31' });
  });

  it('inside a paragraph, and over the title’s school year', () => {
    const data = roadmapOf(
      `${TITLE}<p><b>Пояснительная записка</b></p><p>Настоящая дорожная карта разработана… Срок реализации: 1 сентября 2025 года – 31 мая 2026 года. Ответственный — Иванова А. А.</p>` +
        table(['№', 'Мероприятие', 'Сроки', 'Ответственные'], [['1', 'Приказ', 'сентябрь 2025 г.', 'Директор']]),
    );
    expect(data.period).toEqual({ from: '2025-09-01', to: '2026-05-31' });
  });

  it('«Сроки реализации программы: 2025–2026 учебный год» is that school year', () => {
    expect(periodOf('Сроки реализации программы: 2025–2026 учебный год')).toEqual({ from: '2025-09-01', to: '2026-08-31' });
  });

  it('numeric dates too: «Срок реализации: 01.09.2025 – 31.05.2026»', () => {
    expect(periodOf('Срок реализации: 01.09.2025 – 31.05.2026')).toEqual({ from: '2025-09-01', to: '2026-05-31' });
  });
});

describe('a «Направление» column', () => {
  const stagesOf = (rows: string[][]) =>
    roadmapOf(TITLE + table(['№ п/п', 'Направление', 'Мероприятие', 'Сроки', 'Ответственные', 'Результат'], rows)).stages as Stage[];

  it('names the stage, and the row’s number stays with its event', () => {
    const stages = stagesOf([
      ['1', 'Нормативное обеспечение', 'Разработка положения о наставничестве', 'до 15.09.2025', 'Иванова А. А.', 'Положение'],
      ['2', 'Кадровое обеспечение', 'Отбор наставников', 'сентябрь 2025 г.', 'Петров Б. Б.', 'База наставников'],
      ['3', 'Кадровое обеспечение', 'Обучение наставников', 'октябрь 2025 г.', 'Петров Б. Б.', 'Удостоверения'],
      ['4', 'Мониторинг', 'Итоговая диагностика', 'май 2026 г.', 'Кузнецова Г. Г.', 'Справка'],
    ]);
    expect(stages.map((s) => [s.number, s.title])).toEqual([
      [undefined, 'Нормативное обеспечение'],
      [undefined, 'Кадровое обеспечение'],
      [undefined, 'Мониторинг'],
    ]);
    expect(stages.map((s) => s.items.map((i) => [i.number, i.title]))).toEqual([
      [['1', 'Разработка положения о наставничестве']],
      [
        ['2', 'Отбор наставников'],
        ['3', 'Обучение наставников'],
      ],
      [['4', 'Итоговая диагностика']],
    ]);
  });
});
