/**
 * A regulation laid out like the federal model ones (issue 18, tester's t04): sections
 * numbered in Roman numerals («I. Общие положения», «Раздел II. …»), clauses numbered flat
 * «1.», «2.» (running on across sections, or starting again in each), sub-points «а)» and «1)».
 * The tester's .odt and .docx copies sit in tests/fixtures/import-units/trial/.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importDocument } from '../src/import/import-document.ts';
import { readBuffer } from '../src/import/read-document.ts';
import { readText } from '../src/import/read-text.ts';
import { readRegulationBody } from '../src/import/regulation.ts';

const lines = (...text: string[]) => readText(text.join('\n'), 'roman.txt');

const CONTINUING = [
  'УТВЕРЖДАЮ',
  'Директор школы',
  'ПОЛОЖЕНИЕ О НАСТАВНИЧЕСТВЕ',
  'I. Общие положения',
  '1. Настоящее Положение разработано на основании распоряжения Минпросвещения России от 25.12.2019 № Р-145.',
  '2. Наставничество является формой передачи опыта.',
  'II. Цели и задачи',
  '3. Целью наставничества является раскрытие потенциала наставляемого.',
  '4. Задачами наставничества являются:',
  'а) улучшение показателей в образовательной деятельности;',
  'б) подготовка обучающегося к самостоятельной жизни.',
  'III. Организация наставничества',
  '5. Наставничество организуется на основании приказа директора.',
  '6. Куратор назначается приказом директора.',
  'IV. Права и обязанности наставника',
  '7. Наставник обязан:',
  '1) подключаться к мониторингу;',
  '2) вести журнал.',
  'V. Заключительные положения',
  '8. Изменения в положение вносятся приказом директора.',
];

describe('a regulation with Roman sections and flat clauses', () => {
  it('is found as a regulation, its Roman numerals sections and its «N.» lines clauses', () => {
    const result = importDocument(lines(...CONTINUING), { organization: 'x' });
    expect(result.kind).toBe('regulation');
    expect(result.stats).toEqual({ clauses: 8, sections: 5 });
    const body = result.body!;
    expect(body).toContain('## I. Общие положения\n');
    expect(body).toContain('## V. Заключительные положения\n');
    // A clause under section II is a paragraph with its own number, never a section «3.».
    expect(body).toContain('\n3\\. Целью наставничества');
    expect(body).not.toMatch(/^## \d/m);
    expect(result.data.title).toBe('Положение о наставничестве');
  });

  it('makes sub-points a list of their clause, their letters and numbers kept as text', () => {
    const body = importDocument(lines(...CONTINUING), { organization: 'x' }).body!;
    expect(body).toContain(
      '4\\. Задачами наставничества являются:\n\n- а) улучшение показателей в образовательной деятельности;\n- б) подготовка обучающегося к самостоятельной жизни.\n',
    );
    // «1)» would open an ordered list of Markdown's own numbering: it stays the document's text.
    expect(body).toContain('7\\. Наставник обязан:\n\n- 1\\) подключаться к мониторингу;\n- 2\\) вести журнал.\n');
  });

  it('reads numbering that starts again in each section, and «Раздел»/«Глава» before the numeral', () => {
    const draft = readRegulationBody(
      lines(
        'Раздел I. Общие положения',
        '1. Положение определяет порядок наставничества.',
        '2. Наставничество является формой передачи опыта.',
        'РАЗДЕЛ II. ЦЕЛИ И ЗАДАЧИ',
        '1. Целью наставничества является раскрытие потенциала.',
        '2. Задачи наставничества определяет куратор.',
        'Глава III Организация наставничества',
        '1. Наставничество организуется приказом директора.',
        'Х. Заключительные положения',
        '1. Изменения вносятся приказом директора.',
      ).blocks,
    );
    expect(draft.sections).toBe(4);
    expect(draft.clauses).toBe(6);
    // The word before the numeral goes: the heading is «## N. Название», as every section's.
    expect(draft.body).toContain('## I. Общие положения\n');
    expect(draft.body).toContain('## II. ЦЕЛИ И ЗАДАЧИ\n');
    expect(draft.body).toContain('## III. Организация наставничества\n');
    // A Cyrillic «Х» typed for the numeral is read as X.
    expect(draft.body).toContain('## X. Заключительные положения\n');
  });

  it('leaves a numbered list that is not a regulation alone: «N.» lines without Roman sections are not clauses', () => {
    expect(() => importDocument(lines('План работы', '1. Собрание.', '2. Встреча.', '3. Отчёт.', '4. Итоги.', '5. Анализ.'), { organization: 'x' })).toThrow(
      /не найдено/,
    );
  });

  for (const format of ['odt', 'docx']) {
    it(`imports the tester's .${format} copy`, async () => {
      const { document } = await readBuffer(readFileSync(`tests/fixtures/import-units/trial/t04-regulation-roman.${format}`), `t04.${format}`);
      const result = importDocument(document, { organization: 'kayalinskaya-sosh' });
      expect(result.kind).toBe('regulation');
      expect(result.stats).toEqual({ clauses: 8, sections: 5 });
      expect(result.body).toMatch(/^## I\. Общие положения\n\n1\\. Настоящее Положение/);
      expect(result.body).toContain('## II. Цели и задачи\n\n3\\. Целью наставничества');
      expect(result.body).toContain('- а) улучшение показателей');
    });
  }
});

describe('an appendix after the clauses', () => {
  it('is a part of its own with its heading, not text glued onto the last section', () => {
    const result = importDocument(
      lines(
        'ПОЛОЖЕНИЕ о наставничестве',
        '1. Общие положения',
        '1.1. Положение определяет порядок наставничества.',
        '1.2. Наставничество добровольно.',
        '2. Участники',
        '2.1. Участники — наставники и наставляемые.',
        '2.2. Куратор назначается приказом.',
        '2.3. Пары закрепляются приказом.',
        'Приложение 1',
        'к Положению о наставничестве',
        'Форма согласия на участие в программе наставничества',
        'Я, ______________, согласен участвовать в программе наставничества.',
      ),
      { organization: 'shkola-7', kind: 'regulation' },
    );
    const body = result.body!;
    expect(body).toContain('## Приложение 1 к Положению о наставничестве\n');
    const clause = body.indexOf('2.3. Пары закрепляются приказом.');
    const appendix = body.indexOf('## Приложение 1');
    expect(body.slice(clause, appendix).trim()).toBe('2.3. Пары закрепляются приказом.');
    expect(body.slice(appendix)).toContain('Я, ______________, согласен участвовать в программе наставничества.');
    expect(result.stats).toMatchObject({ sections: 2, clauses: 5 });
  });
});
