/**
 * Target indicators after a roadmap's table or in a «Целевые показатели» list (issue 18, item 6):
 * every target of a sentence, sentences broken across lines, bounds and units as written, and
 * nothing taken for a target that is not one.
 */
import { describe, expect, it } from 'vitest';
import { readTargets } from '../src/import/targets.ts';
import { targetSchema } from '../src/schemas/roadmaps.ts';

const read = (...lines: string[]) => readTargets(lines);

describe('readTargets', () => {
  it('two years in one sentence give two targets of the same indicator', () => {
    const { targets, used } = read('Доля обучающихся, вовлечённых в наставничество, — не менее 10 % в 2025 году, не менее 15 % в 2026 году.');
    expect(targets).toEqual([
      { indicator: 'Доля обучающихся, вовлечённых в наставничество', value: 'не менее 10', unit: '%', year: 2025 },
      { indicator: 'Доля обучающихся, вовлечённых в наставничество', value: 'не менее 15', unit: '%', year: 2026 },
    ]);
    expect([...used]).toEqual([0]);
  });

  it('the year before the value belongs to that value', () => {
    expect(read('Количество наставнических пар: в 2025 году — 12, в 2026 году — 20.').targets).toEqual([
      { indicator: 'Количество наставнических пар', value: 12, year: 2025 },
      { indicator: 'Количество наставнических пар', value: 20, year: 2026 },
    ]);
  });

  it('two groups in one sentence give two indicators; one year in the sentence holds for both', () => {
    expect(read('Вовлечение в наставничество не менее 10 % обучающихся и не менее 15 % педагогов к 2025 году.').targets).toEqual([
      { indicator: 'Вовлечение в наставничество обучающихся', value: 'не менее 10', unit: '%', year: 2025 },
      { indicator: 'Вовлечение в наставничество педагогов', value: 'не менее 15', unit: '%', year: 2025 },
    ]);
    expect(read('Доля обучающихся — 10 %, доля педагогов — 20 %.').targets).toEqual([
      { indicator: 'Доля обучающихся', value: 10, unit: '%' },
      { indicator: 'доля педагогов', value: 20, unit: '%' },
    ]);
  });

  it('a sentence continued on the next line is one target, and both lines are used', () => {
    const { targets, used } = read(
      'Подписано электронной подписью.',
      'Доля педагогов, вошедших в наставнические пары в качестве',
      'наставников, — не менее 30 % в 2025 году.',
      'Директор школы',
    );
    expect(targets).toEqual([
      { indicator: 'Доля педагогов, вошедших в наставнические пары в качестве наставников', value: 'не менее 30', unit: '%', year: 2025 },
    ]);
    expect([...used].sort()).toEqual([1, 2]);
  });

  it('a value broken off to the next line, and a second year there', () => {
    expect(read('Доля молодых педагогов, закреплённых за наставниками, — не менее', '70 % к 2025 году.').targets).toEqual([
      { indicator: 'Доля молодых педагогов, закреплённых за наставниками', value: 'не менее 70', unit: '%', year: 2025 },
    ]);
    const { targets, used } = read('Доля наставляемых — не менее 10 % в 2025 году, не менее 15 %', 'в 2026 году.');
    expect(targets.map((t) => [t.value, t.year])).toEqual([
      ['не менее 10', 2025],
      ['не менее 15', 2026],
    ]);
    expect(used.size).toBe(2);
  });

  it('two targets on two lines stay two', () => {
    const { targets } = read('Доля обучающихся — 10 %', 'доля педагогов — 20 %');
    expect(targets.map((t) => t.indicator)).toEqual(['Доля обучающихся', 'доля педагогов']);
  });

  it('keeps the comparison words and the unit; «из 5» is never the value', () => {
    expect(read('Удовлетворённость участников программой наставничества — не ниже 4,5 балла из 5.').targets).toEqual([
      { indicator: 'Удовлетворённость участников программой наставничества', value: 'не ниже 4,5', unit: 'балла из 5' },
    ]);
    expect(read('Средняя оценка наставников по анкете: 4,2 из 5 баллов').targets).toEqual([
      { indicator: 'Средняя оценка наставников по анкете', value: 4.2, unit: 'из 5 баллов' },
    ]);
    expect(read('Охват программами наставничества — до 100 % к 2026 году').targets).toEqual([
      { indicator: 'Охват программами наставничества', value: 'до 100', unit: '%', year: 2026 },
    ]);
    expect(read('Число наставляемых на одного наставника — не более 2').targets).toEqual([
      { indicator: 'Число наставляемых на одного наставника', value: 'не более 2' },
    ]);
    expect(read('Доля молодых специалистов, имеющих наставника, — 100 %').targets).toEqual([
      { indicator: 'Доля молодых специалистов, имеющих наставника', value: 100, unit: '%' },
    ]);
    expect(read('Количество наставников — не менее 15 человек в 2025 году').targets).toEqual([
      { indicator: 'Количество наставников', value: 'не менее 15', unit: 'человек', year: 2025 },
    ]);
  });

  it('a list under «Целевые показатели» gives one target per item', () => {
    const { targets, used } = read(
      'Целевые показатели:',
      '1) доля обучающихся в возрасте от 10 до 18 лет, вовлечённых в наставничество, — не менее 10 %;',
      '2) доля педагогов в возрасте до 35 лет, вошедших в программы наставничества в роли наставляемого, — не менее 70 %.',
    );
    expect(targets).toEqual([
      { indicator: 'доля обучающихся в возрасте от 10 до 18 лет, вовлечённых в наставничество', value: 'не менее 10', unit: '%' },
      { indicator: 'доля педагогов в возрасте до 35 лет, вошедших в программы наставничества в роли наставляемого', value: 'не менее 70', unit: '%' },
    ]);
    // The heading is the title of the field the targets went to: it is used too.
    expect([...used].sort()).toEqual([0, 1, 2]);
  });

  it('takes nothing that is not a target', () => {
    const lines = [
      'Провести 2 встречи в 2025 году',
      'Провести не менее 2 встреч с родителями в 2025 году.',
      'Целевые показатели:',
      'Приказ № 15-о от 29.08.2024',
      'До 29.01.2021 по отдельному плану',
      'Срок реализации программы — 2 года.',
      'Директор школы ________ И. И. Иванов',
      'Подписано электронной подписью. Сертификат 01 AB 23, действителен с 12.01.2024 до 12.04.2025',
      'Мероприятия проводятся в 2024–2025 учебном году',
    ];
    const { targets, used } = readTargets(lines);
    expect(targets).toEqual([]);
    expect(used.size).toBe(0);
  });

  it('whatever it reads, the roadmap schema accepts', () => {
    const { targets } = read(
      'Доля обучающихся — не менее 10 % в 2025 году, не менее 15 % в 2026 году.',
      'Удовлетворённость — не ниже 4,5 балла из 5.',
      'Количество пар — 12.',
    );
    expect(targets).toHaveLength(4);
    for (const t of targets) expect(() => targetSchema.parse(t)).not.toThrow();
  });
});
