/**
 * Legal bases as a list of acts: a known act (src/lib/legal-acts.ts) is recognised in the text by
 * its kind and number, whatever case the document names it in, and shown in the nominative with
 * its date, number and title, linked to its official publication where it has one; an act the
 * vocabulary does not know keeps its words, its leading kind turned to the nominative only where
 * that cannot break the sentence, and claims nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEGAL_ACTS, legalBasesView, nominative, officialUrl, recogniseAct } from '../src/lib/legal-acts.ts';
import { SEEDS } from './helpers/project.ts';

/** Seed 003's own list of legal bases, the lines under its clause 1.1, without their list marks. */
const SEED_003_BASES = readFileSync(join(SEEDS, '003_d4ef5299309bf860.txt'), 'utf8')
  .split('\n')
  .slice(4, 7)
  .map((line) => line.replace(/^\s*-\s*/, '').replace(/[;.\s]+$/, ''));

describe('the acts seed 003 rests on', () => {
  it('are the lines under clause 1.1, written in the instrumental case', () => {
    expect(SEED_003_BASES).toHaveLength(3);
    expect(SEED_003_BASES.map((b) => b.split(' ')[0])).toEqual(['Федеральным', 'Распоряжением', 'Письмом']);
  });

  it('read as acts in the nominative, each with its kind, date, number and title', () => {
    const view = legalBasesView(SEED_003_BASES);
    expect(view.map((v) => v.act?.id)).toEqual(['fz-273', 'minpros-r-145', 'minpros-mr-42-02']);
    expect(view.map((v) => v.name)).toEqual([
      'Федеральный закон от 29.12.2012 № 273-ФЗ «Об образовании в Российской Федерации»',
      'Распоряжение Минпросвещения России от 25.12.2019 № Р-145 «Об утверждении методологии (целевой модели) наставничества обучающихся для организаций, осуществляющих образовательную деятельность по общеобразовательным, дополнительным общеобразовательным и программам среднего профессионального образования, в том числе с применением лучших практик обмена опытом между обучающимися»',
      'Письмо Минпросвещения России от 23.01.2020 № МР-42/02 «О направлении целевой модели наставничества и методических рекомендаций»',
    ]);
    expect(view.every((v) => v.nominative)).toBe(true);
  });

  it('link to the official publication only where the act is published there', () => {
    const view = legalBasesView(SEED_003_BASES);
    expect(view.map((v) => v.url)).toEqual(['http://publication.pravo.gov.ru/document/0001201212300007', undefined, undefined]);
  });
});

describe('recognising an act', () => {
  it('by its kind and number, in any case and with «N» for «№»', () => {
    expect(recogniseAct('Федеральный закон от 29.12.2012 N 273-ФЗ')?.id).toBe('fz-273');
    expect(recogniseAct('ст. 2 Федерального закона «Об образовании в Российской Федерации» № 273-ФЗ')?.id).toBe('fz-273');
    expect(recogniseAct('Указом Президента Российской Федерации от 7 мая 2018 года № 204 «О национальных целях…»')?.id).toBe('ukaz-204');
    expect(recogniseAct('Трудовым кодексом Российской Федерации')?.id).toBe('tk-rf');
    expect(recogniseAct('Конвенцией ООН о правах ребенка')?.id).toBe('convention-child');
  });

  it('not by a number alone, nor when the date names another act', () => {
    // A school's own order № 204 is not the President's decree.
    expect(recogniseAct('Приказом директора школы от 01.09.2020 № 204')).toBeUndefined();
    // Another letter under the same number, or a typo: no claim either way.
    expect(recogniseAct('Письмом Минпросвещения России от 23.01.2021 № МР-42/02')).toBeUndefined();
  });

  it('keeps the part of a code it cites', () => {
    const [view] = legalBasesView(['Трудовой кодекс Российской Федерации, статья 351.8 «Наставничество»']);
    expect(view.act?.id).toBe('tk-rf');
    expect(view.name).toBe('Трудовой кодекс Российской Федерации от 30.12.2001 № 197-ФЗ, статья 351.8 «Наставничество»');
  });

  it('lists an act once, however many times it is named', () => {
    const view = legalBasesView(['Федеральным законом № 273-ФЗ', 'Федеральный закон от 29.12.2012 № 273-ФЗ «Об образовании в Российской Федерации»']);
    expect(view).toHaveLength(1);
  });
});

describe('an act the vocabulary does not know', () => {
  it('has its leading kind turned to the nominative, the rest as written', () => {
    const written =
      'Приказом Минпросвещения России от 15.05.2020 № 236 «Об утверждении Порядка приема на обучение по образовательным программам начального общего, основного общего и среднего общего образования»';
    const [view] = legalBasesView([written]);
    expect(view.act).toBeUndefined();
    expect(view.url).toBeUndefined();
    expect(view.nominative).toBe(true);
    expect(view.name).toBe(written.replace(/^Приказом/, 'Приказ'));
    expect(nominative('Федеральным Законом «О чём-то» от 01.01.2020 № 1-ФЗ')).toBe('Федеральный закон «О чём-то» от 01.01.2020 № 1-ФЗ');
    expect(nominative('Уставом МОУ «СШ № 2»')).toBe('Устав МОУ «СШ № 2»');
    expect(nominative('Методическими рекомендациями по внедрению')).toBe('Методические рекомендации по внедрению');
  });

  it('stays as written, with no claim, where turning it could break the sentence or no pattern fits', () => {
    // «утверждённым» agrees with «Положением»: turning only the first word would leave it wrong.
    const agreeing = 'Положением о наставничестве, утвержденным приказом от 01.09.2020 № 15';
    expect(nominative(agreeing)).toBeUndefined();
    const [view] = legalBasesView([agreeing]);
    expect(view).toMatchObject({ name: agreeing, nominative: false });
    expect(view.url).toBeUndefined();
    expect(nominative('иными нормативными актами')).toBeUndefined();
    // Already in the nominative: nothing to turn.
    expect(nominative('Приказ директора от 01.09.2020 № 15')).toBe('Приказ директора от 01.09.2020 № 15');
  });
});

describe('the vocabulary of acts', () => {
  it('gives each act a kind, and a date and number written the one way', () => {
    for (const act of LEGAL_ACTS) {
      expect(act.kind, act.id).toMatch(/^\p{Lu}/u);
      if (act.date) expect(act.date, act.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (act.number) expect(act.number, act.id).not.toMatch(/^[№N]/);
      expect(act.title || act.about || act.kind, act.id).toBeTruthy();
    }
    expect(new Set(LEGAL_ACTS.map((a) => a.id)).size).toBe(LEGAL_ACTS.length);
  });

  it('links by the publication number, whose date is on or after the act’s own', () => {
    for (const act of LEGAL_ACTS.filter((a) => a.publication)) {
      expect(act.publication, act.id).toMatch(/^\d{16}$/);
      const published = `${act.publication!.slice(4, 8)}-${act.publication!.slice(8, 10)}-${act.publication!.slice(10, 12)}`;
      expect(published >= act.date!, act.id).toBe(true);
      expect(officialUrl(act)).toBe(`http://publication.pravo.gov.ru/document/${act.publication}`);
    }
  });

  it('recognises each act in its own nominative line', () => {
    for (const act of LEGAL_ACTS) expect(recogniseAct(`${act.kind}${act.number ? ` № ${act.number}` : ''}`)?.id, act.id).toBe(act.id);
  });
});
