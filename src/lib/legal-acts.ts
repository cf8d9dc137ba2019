/**
 * The federal acts a mentoring regulation rests on, and how a document's list of legal bases
 * reads as a list of acts.
 *
 * Documents name their bases as a sentence goes on — «разработано в соответствии с
 * Федеральным законом …, Распоряжением …» — in the instrumental case, with «N» for «№», with or
 * without the date. A known act is recognised by its kind and number (a code or a convention by
 * its name) and shown in the nominative as its official details give it, linked to its official
 * publication where it has one; the document's own sentence stays where it is, in the text. An
 * act not in this vocabulary keeps its words: only its leading kind is put in the nominative, and
 * only where nothing after it agrees with it; otherwise it is shown as written.
 *
 * Every date, number and title here was checked (the sources are named by each act). An act's
 * link is its number on the official publication portal (номер опубликования); an act the portal
 * does not publish — a ministry's распоряжение or письмо, an act older than the portal, a
 * convention — has none, and so has an act whose number could not be checked.
 *
 * Plain Node: the importer and the tests read it too.
 */
import { numericDate } from './format.ts';

export interface LegalAct {
  id: string;
  /** The kind and issuer in the nominative, as a list of acts opens with it: «Федеральный закон», «Распоряжение Минпросвещения России». */
  kind: string;
  /** The date it was signed, ГГГГ-ММ-ДД. */
  date?: string;
  /** Its number as the issuer writes it, without «№». */
  number?: string;
  /** Its official title, shown in «ёлочках». */
  title?: string;
  /** What an act without an official title is, shown in brackets. */
  about?: string;
  /** Its number on publication.pravo.gov.ru (номер опубликования, 16 digits): the portal's address of it. */
  publication?: string;
  /** How a text names it: its kind (any case) and its number, or its name. */
  kindPattern?: RegExp;
  name?: RegExp;
}

/** «№ 273-ФЗ», «N МР-42/02», «№Р-145»: a number after its sign, the number's letters as typed in either alphabet, any dash for its hyphen. */
const NUMBER_SIGN = '(?:№|N|No\\.?)\\s*';
const LOOKALIKES: Record<string, string> = { Р: '[РP]', А: '[АA]', З: '[З3]', М: '[МM]', р: '[рp]', Ф: 'Ф' };
const numberPattern = (number: string) =>
  new RegExp(
    `${NUMBER_SIGN}${number
      .split('')
      .map((ch) => (ch === '-' ? '\\s*[-‐‑–—]\\s*' : (LOOKALIKES[ch] ?? ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))))
      .join('')}(?![\\d/])`,
    'iu',
  );

export const LEGAL_ACTS: readonly LegalAct[] = [
  {
    // Seed 003, п. 1.1; publication number: the portal's address as several public registers of acts give it.
    id: 'fz-273',
    kind: 'Федеральный закон',
    date: '2012-12-29',
    number: '273-ФЗ',
    title: 'Об образовании в Российской Федерации',
    publication: '0001201212300007',
    kindPattern: /(?<!\p{L})закон/iu,
  },
  {
    // Seed 003, п. 1.1; DOMAIN.md. A ministry's распоряжение, not registered by the Ministry of Justice: not on the portal.
    id: 'minpros-r-145',
    kind: 'Распоряжение Минпросвещения России',
    date: '2019-12-25',
    number: 'Р-145',
    title:
      'Об утверждении методологии (целевой модели) наставничества обучающихся для организаций, осуществляющих образовательную деятельность по общеобразовательным, дополнительным общеобразовательным и программам среднего профессионального образования, в том числе с применением лучших практик обмена опытом между обучающимися',
    kindPattern: /(?<!\p{L})распоряжени/iu,
  },
  {
    // Seed 003, п. 1.1; DOMAIN.md. A letter: not on the portal.
    id: 'minpros-mr-42-02',
    kind: 'Письмо Минпросвещения России',
    date: '2020-01-23',
    number: 'МР-42/02',
    title: 'О направлении целевой модели наставничества и методических рекомендаций',
    kindPattern: /(?<!\p{L})письм/iu,
  },
  {
    // DOMAIN.md; the Union's and «Учительская газета»'s accounts of it name what it sent. A letter: not on the portal.
    id: 'minpros-az-1128',
    kind: 'Письмо Минпросвещения России и Общероссийского Профсоюза образования',
    date: '2021-12-21',
    number: 'АЗ-1128/08/657',
    about:
      'Методические рекомендации по разработке и внедрению системы (целевой модели) наставничества педагогических работников в образовательных организациях',
    kindPattern: /(?<!\p{L})письм/iu,
  },
  {
    // DOMAIN.md. Its number on the portal could not be checked here: no link until it is.
    id: 'rasp-1264-r',
    kind: 'Распоряжение Правительства Российской Федерации',
    date: '2025-05-21',
    number: '1264-р',
    about: 'Концепция развития наставничества до 2030 года',
    kindPattern: /(?<!\p{L})распоряжени/iu,
  },
  {
    // «Учительская газета» on the mentoring of teachers, which it underlies. No link: its number on the portal not checked.
    id: 'rasp-3273-r',
    kind: 'Распоряжение Правительства Российской Федерации',
    date: '2019-12-31',
    number: '3273-р',
    title:
      'Об утверждении основных принципов национальной системы профессионального роста педагогических работников Российской Федерации, включая национальную систему учительского роста',
    kindPattern: /(?<!\p{L})распоряжени/iu,
  },
  {
    // Public registers of acts; no link: the one portal number found was not corroborated.
    id: 'ukaz-204',
    kind: 'Указ Президента Российской Федерации',
    date: '2018-05-07',
    number: '204',
    title: 'О национальных целях и стратегических задачах развития Российской Федерации на период до 2024 года',
    kindPattern: /(?<!\p{L})указ/iu,
  },
  {
    id: 'ukaz-474',
    kind: 'Указ Президента Российской Федерации',
    date: '2020-07-21',
    number: '474',
    title: 'О национальных целях развития Российской Федерации на период до 2030 года',
    kindPattern: /(?<!\p{L})указ/iu,
  },
  {
    id: 'ukaz-309',
    kind: 'Указ Президента Российской Федерации',
    date: '2024-05-07',
    number: '309',
    title: 'О национальных целях развития Российской Федерации на период до 2030 года и на перспективу до 2036 года',
    kindPattern: /(?<!\p{L})указ/iu,
  },
  {
    // 2006: older than the portal (it publishes from 2011), so no link.
    id: 'fz-152',
    kind: 'Федеральный закон',
    date: '2006-07-27',
    number: '152-ФЗ',
    title: 'О персональных данных',
    kindPattern: /(?<!\p{L})закон/iu,
  },
  {
    // 2001: older than the portal. Named by its name more often than by its number.
    id: 'tk-rf',
    kind: 'Трудовой кодекс Российской Федерации',
    date: '2001-12-30',
    number: '197-ФЗ',
    kindPattern: /(?<!\p{L})кодекс/iu,
    name: /трудов\p{L}*\s+кодекс/iu,
  },
  {
    // A convention: not on the portal.
    id: 'convention-child',
    kind: 'Конвенция о правах ребёнка',
    about: 'одобрена Генеральной Ассамблеей ООН 20.11.1989',
    name: /конвенци\p{L}*\s+(?:оон\s+)?о\s+правах\s+реб[её]нка/iu,
  },
  {
    // A national project is a passport, not a published act: no number, no link.
    id: 'np-obrazovanie',
    kind: 'Национальный проект «Образование»',
    name: /национальн\p{L}*\s+проект\p{L}*\s+[«"„“]образование[»"”]/iu,
  },
];

/** The portal's address of an act it publishes. */
export const officialUrl = (act: LegalAct) => (act.publication ? `http://publication.pravo.gov.ru/document/${act.publication}` : undefined);

const MONTHS = ['январ', 'феврал', 'март', 'апрел', 'ма', 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр'];
/** Every date a text names, ГГГГ-ММ-ДД: «29.12.2012», «7 мая 2018 года». */
function datesIn(text: string): string[] {
  const pad = (n: number) => String(n).padStart(2, '0');
  const numeric = [...text.matchAll(/(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)/g)].map((m) => `${m[3]}-${pad(+m[2])}-${pad(+m[1])}`);
  const words = [...text.matchAll(/(?<!\d)(\d{1,2})\s+(январ|феврал|март|апрел|ма|июн|июл|август|сентябр|октябр|ноябр|декабр)\p{L}*\s+(\d{4})(?!\d)/giu)].map(
    (m) => `${m[3]}-${pad(MONTHS.indexOf(m[2].toLowerCase()) + 1)}-${pad(+m[1])}`,
  );
  return [...numeric, ...words];
}

/**
 * The known act a text names: by its kind and number, or by its name. A date the text gives
 * must be the act's: another date is another act under the same number (or a typo), and then
 * nothing is claimed.
 */
export function recogniseAct(text: string): LegalAct | undefined {
  const flat = text.replace(/\s+/g, ' ');
  const dates = datesIn(flat);
  return LEGAL_ACTS.find((act) => {
    const named = (act.name && act.name.test(flat)) || (act.number && act.kindPattern?.test(flat) && numberPattern(act.number).test(flat));
    return named && (!act.date || !dates.length || dates.includes(act.date));
  });
}

/**
 * Leading words in the instrumental case («разработано в соответствии с Федеральным законом…»)
 * and their nominative. Only the words that name the act's kind change; what follows them is in
 * the case it has in either sentence (the issuer in the genitive, the title in quotes).
 */
const INSTRUMENTAL: [RegExp, string][] = [
  [/^федеральным\s+конституционным\s+законом/i, 'Федеральный конституционный закон'],
  [/^федеральным\s+государственным\s+образовательным\s+стандартом/i, 'Федеральный государственный образовательный стандарт'],
  [/^федеральным\s+законом/i, 'Федеральный закон'],
  [/^областным\s+законом/i, 'Областной закон'],
  [/^законом/i, 'Закон'],
  [/^трудовым\s+кодексом/i, 'Трудовой кодекс'],
  [/^семейным\s+кодексом/i, 'Семейный кодекс'],
  [/^гражданским\s+кодексом/i, 'Гражданский кодекс'],
  [/^конституцией/i, 'Конституция'],
  [/^конвенцией/i, 'Конвенция'],
  [/^указом/i, 'Указ'],
  [/^постановлением/i, 'Постановление'],
  [/^распоряжением/i, 'Распоряжение'],
  [/^приказом/i, 'Приказ'],
  [/^совместным\s+письмом/i, 'Совместное письмо'],
  [/^письмом/i, 'Письмо'],
  [/^решением/i, 'Решение'],
  [/^методическими\s+рекомендациями/i, 'Методические рекомендации'],
  [/^концепцией/i, 'Концепция'],
  [/^стратегией/i, 'Стратегия'],
  [/^национальным\s+проектом/i, 'Национальный проект'],
  [/^федеральным\s+проектом/i, 'Федеральный проект'],
  [/^региональным\s+проектом/i, 'Региональный проект'],
  [/^государственной\s+программой/i, 'Государственная программа'],
  [/^профессиональным\s+стандартом/i, 'Профессиональный стандарт'],
  [/^уставом/i, 'Устав'],
  [/^положением/i, 'Положение'],
  [/^порядком/i, 'Порядок'],
];
/** Nominative openings: a line that starts so needs no turning. */
const NOMINATIVE =
  /^(федеральн\p{L}* (?:конституционный )?закон|закон|кодекс|трудовой|семейный|гражданский|конституция|конвенция|указ|постановление|распоряжение|приказ|письмо|совместное письмо|решение|методические|концепция|стратегия|национальный|федеральный|региональный|государственная|профессиональный|устав|положение|порядок)(?!\p{L})/iu;
/**
 * A word after the kind that agrees with it in the instrumental — «Положением …, утвержденным
 * приказом» — would be left in a case that no longer fits: then the line is not turned.
 */
const AGREEING =
  /(?<!\p{L})(?:утвержд|принят|одобрен|введ[её]н|согласован|рекомендован|направлен|зарегистрирован|действующ|изданн)\p{L}*(?:ым|ой|ою|ыми|им|ем)(?!\p{L})/iu;

/** The text with its leading kind in the nominative; undefined where no pattern fits it reliably. */
export function nominative(text: string): string | undefined {
  const trimmed = text.trim();
  for (const [pattern, replacement] of INSTRUMENTAL) {
    const match = pattern.exec(trimmed);
    if (!match) continue;
    const rest = trimmed.slice(match[0].length);
    if (AGREEING.test(rest)) return undefined;
    return replacement + rest;
  }
  return NOMINATIVE.test(trimmed) ? trimmed : undefined;
}

/** «статья 351.8 «Наставничество»», «ст. 10.1»: the part of an act a text cites. */
const ARTICLE = /(?:^|[,;(]\s*|\s)((?:стать[яиеёю]\p{L}*|ст\.)\s*\d+(?:\.\d+)*(?:\s*[«"][^»"]+[»"])?)/iu;

/** An act's line in a list: «Федеральный закон от 29.12.2012 № 273-ФЗ «Об образовании в Российской Федерации»». */
export function actLine(act: LegalAct): string {
  const date = act.date ? ` от ${numericDate(new Date(`${act.date}T00:00:00Z`))}` : '';
  const number = act.number ? ` № ${act.number}` : '';
  const title = act.title ? ` «${act.title}»` : act.about ? ` (${act.about})` : '';
  return `${act.kind}${date}${number}${title}`;
}

export interface LegalBasisView {
  /** The basis as the document (or the editor) wrote it. */
  written: string;
  /** The known act it names. */
  act?: LegalAct;
  /** The line the list shows. */
  name: string;
  /** Whether the line is in the nominative: false when it is shown as written, with no claim. */
  nominative: boolean;
  /** The official text, where the act is published on the portal. */
  url?: string;
}

/** A list of legal bases as a list of acts: each known act once, in the nominative, the part of it cited kept. */
export function legalBasesView(bases: readonly string[]): LegalBasisView[] {
  const seen = new Set<string>();
  const views: LegalBasisView[] = [];
  for (const written of bases) {
    const act = recogniseAct(written);
    let view: LegalBasisView;
    if (act) {
      const article = ARTICLE.exec(written)?.[1];
      view = {
        written,
        act,
        name: actLine(act) + (article ? `, ${article.replace(/^(?:стать\p{L}*|ст\.)\s*/iu, 'статья ')}` : ''),
        nominative: true,
        url: officialUrl(act),
      };
    } else {
      const turned = nominative(written);
      view = { written, name: turned ?? written, nominative: turned !== undefined };
    }
    const key = view.name.toLowerCase().replace(/\s+/g, ' ');
    if (seen.has(key)) continue;
    seen.add(key);
    views.push(view);
  }
  return views;
}

/** The known acts a sentence names, in its order: what a clause «разработано в соответствии с …» rests on. */
export function actsNamedIn(text: string): LegalAct[] {
  // Each act's stretch of the sentence: from its kind to the next «, » or « и » that opens another.
  const pieces = text.split(/[,;]\s+|\s+и\s+(?=[а-яё]*(?:закон|кодекс|распоряжени|приказ|письм|постановлени|указ|конвенци|национальн))/iu);
  const found: LegalAct[] = [];
  for (const piece of pieces) {
    const act = recogniseAct(piece);
    if (act && !found.includes(act)) found.push(act);
  }
  return found;
}

/**
 * The clause whose list names the bases (its anchor, «p-1-1», and number «1.1»): where the page
 * points a reader for the document's own wording. Found in the regulation's Markdown text: the
 * numbered paragraph above the first list item that holds a basis as written.
 */
export function citingClause(body: string, bases: readonly string[]): { number: string; anchor: string } | undefined {
  const flat = (s: string) =>
    s
      .replace(/\s+/g, ' ')
      .replace(/[;.,]+$/, '')
      .trim();
  const wanted = new Set(bases.map(flat));
  const lines = body.split('\n');
  const at = lines.findIndex((line) => /^\s*[-*+]\s/.test(line) && wanted.has(flat(line.replace(/^\s*[-*+]\s+/, ''))));
  const inClause = at >= 0 ? undefined : lines.findIndex((line) => bases.some((b) => flat(line).includes(flat(b))));
  const from = at >= 0 ? at : (inClause ?? -1);
  for (let i = from; i >= 0; i--) {
    const number = /^(\d+(?:\.\d+)+)\.?(?=\s)/.exec(lines[i])?.[1];
    if (number) return { number, anchor: `p-${number.replace(/\./g, '-')}` };
    if (/^#/.test(lines[i])) break;
  }
  return undefined;
}
