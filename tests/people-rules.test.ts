/**
 * People's data in the content (issue 15): who counts as a minor, consent that ends, a person's
 * photo used elsewhere, a minor's surname in the id or in another field. Each case is a broken
 * copy of the minimal fixture; the check must name the file, the field and what to do.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import sharp from 'sharp';
import { checkContent, type ContentProblem } from '../src/integrity/check.ts';
import { consentNotices } from '../src/integrity/people.ts';
import { isMinor, consentEnded, mentorSchema } from '../src/schemas/mentors.ts';
import { plainTools } from '../src/schemas/common.ts';
import { publicName } from '../src/lib/people.ts';
import { buildDate } from '../src/lib/build-date.ts';
import { personId } from '../cms/latin-id.ts';
import { findWithheld, searchable, withheldOf } from '../src/privacy/withheld.ts';
import { scanDist } from '../src/privacy/scan-dist.ts';
import { fixtureCopy, projectRelative, ROOT, TMP } from './helpers/project.ts';

const MINOR = 'mentors/uchenik-artem.yaml';
const ADULT = 'mentors/ivanova-anna.yaml';

function variant(name: string, edit: (dir: string) => void | Promise<void>) {
  return (async () => {
    const dir = fixtureCopy(`people-${name}`);
    await edit(dir);
    return { dir, problems: checkContent(ROOT, projectRelative(dir)).problems.map((p) => ({ ...p, file: p.file.replace(`${projectRelative(dir)}/`, '') })) };
  })();
}
const edit = (dir: string, file: string, from: string | RegExp, to: string) => {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`в ${file} нечего заменить: ${from}`);
  writeFileSync(path, next);
};
const photo = () =>
  sharp({ create: { width: 64, height: 64, channels: 3, background: '#cc8888' } })
    .jpeg()
    .toBuffer();
const only = (problems: ContentProblem[], file: string) => problems.filter((p) => p.file === file);

describe('who is a minor', () => {
  const base = { name: { last: 'Секретов', first: 'Артём' }, consent: {} as { givenBy?: string; showSurname?: boolean; showPhoto?: boolean } };
  it('minor: true, a pupil, or a parent’s consent — unless a pupil is explicitly an adult with own consent', () => {
    expect(isMinor({ ...base, minor: true, category: 'teacher' })).toBe(true);
    expect(isMinor({ ...base, category: 'pupil' })).toBe(true);
    expect(isMinor({ ...base, category: 'teacher', consent: { givenBy: 'parent' } })).toBe(true);
    // The fields disagree: the safe side wins.
    expect(isMinor({ ...base, category: 'teacher', minor: false, consent: { givenBy: 'parent' } })).toBe(true);
    expect(isMinor({ ...base, category: 'pupil', minor: false, consent: { givenBy: 'self' } })).toBe(false);
    expect(isMinor({ ...base, category: 'teacher' })).toBe(false);
  });

  it('a pupil without «minor» is shown by first name, without photo (finding 2)', () => {
    const shown = publicName({ ...base, category: 'pupil', photo: 'x.jpg', consent: { givenBy: 'parent' } });
    expect(shown.displayName).toBe('Артём');
    expect(shown.showPhoto).toBe(false);
    const parentConsent = publicName({ ...base, category: 'teacher', photo: 'x.jpg', consent: { givenBy: 'parent' } });
    expect(parentConsent.displayName).toBe('Артём');
    expect(parentConsent.showPhoto).toBe(false);
  });

  it('the schema: a pupil whose consent the pupil gave must be marked an adult explicitly', () => {
    const schema = mentorSchema(plainTools);
    const record = {
      name: { last: 'Секретов', first: 'Артём' },
      position: 'ученик 11 класса',
      organization: 'uo-test',
      sphere: 'физика',
      category: 'pupil',
      since: 2025,
      consent: { publication: true, date: '2025-09-02', document: 'согласие № 2' },
    };
    const failed = schema.safeParse(record);
    expect(failed.success).toBe(false);
    expect(failed.error!.issues[0].path.join('.')).toBe('consent.givenBy');
    expect(failed.error!.issues[0].message).toMatch(/несовершеннолетним.*родитель.*minor: false/);
    expect(schema.safeParse({ ...record, minor: false }).success).toBe(true);
    expect(schema.safeParse({ ...record, consent: { ...record.consent, givenBy: 'parent' } }).success).toBe(true);
  });
});

describe('a minor’s id never carries the surname (finding 3)', () => {
  it('the editor makes a minor’s id from the first name and a suffix, an adult’s from the full name', () => {
    const minor = personId({ name: { last: 'Петров', first: 'Артём' }, category: 'pupil' }, 'k7q2');
    expect(minor).toBe('artyom-k7q2');
    expect(personId({ name: { last: 'Петров', first: 'Артём' }, category: 'teacher', consent: { givenBy: 'parent' } }, 'k7q2')).toBe('artyom-k7q2');
    expect(personId({ name: { last: 'Смирнова', first: 'Елена' }, category: 'teacher' }, 'k7q2')).toBe('smirnova-elena');
    expect(personId({ name: { last: 'Петров', first: 'Артём' }, minor: true, consent: { showSurname: true } }, 'k7q2')).toBe('petrov-artyom');
  });

  it('the check rejects an existing minor whose id holds the transliterated surname, in either spelling', async () => {
    for (const id of ['sekretov-artem', 'artem-sekretova', 'artyomsekretov']) {
      const { problems } = await variant(`id-${id}`, (dir) => {
        copyFileSync(join(dir, MINOR), join(dir, `mentors/${id}.yaml`));
        writeFileSync(join(dir, MINOR), '');
        edit(dir, 'practices/test-practice.md', 'uchenik-artem', id);
      });
      const found = only(problems, `mentors/${id}.yaml`).find((p) => p.field === 'id');
      expect(found?.message, `${id}: ${JSON.stringify(problems)}`).toMatch(/фамилию несовершеннолетнего.*переименуйте/);
    }
  });
});

describe('a person’s photo belongs to that person’s card (finding 1)', () => {
  const withPhotos = async (dir: string) => {
    mkdirSync(join(dir, 'mentors/photos'), { recursive: true });
    writeFileSync(join(dir, 'mentors/photos/artem.jpg'), await photo());
    writeFileSync(join(dir, 'mentors/photos/anna.jpg'), await photo());
    edit(dir, MINOR, /^position:/m, 'photo: ./photos/artem.jpg\nphotoAlt: Артём у доски\nposition:');
    edit(dir, ADULT, /^position:/m, 'photo: ./photos/anna.jpg\nphotoAlt: Анна Петровна\nposition:');
  };

  it('a practice cover from the mentors’ photos fails, naming both files', async () => {
    const { problems } = await variant('cover', async (dir) => {
      await withPhotos(dir);
      edit(dir, 'practices/test-practice.md', /^summary:/m, 'cover: ../mentors/photos/artem.jpg\ncoverAlt: Семинар\nsummary:');
    });
    const found = only(problems, 'practices/test-practice.md').find((p) => p.field === 'cover');
    expect(found?.message).toMatch(/фотография из карточки .*mentors\/uchenik-artem\.yaml/);
  });

  it('an image in a practice’s text from the mentors’ photos fails (Markdown and HTML)', async () => {
    for (const [name, markup] of [
      ['md', '![Артём](../mentors/photos/artem.jpg)'],
      ['html', '<img src="../mentors/photos/anna.jpg" alt="">'],
      ['unquoted', '<img src=../mentors/photos/anna.jpg alt="">'],
      ['srcset', '<picture><source srcset="../mentors/photos/artem.jpg 1x, x.jpg 2x"><img src="x.jpg" alt=""></picture>'],
      ['reference', '![фото][a]\n\n[a]: ../mentors/photos/artem.jpg'],
    ]) {
      const { problems } = await variant(`text-${name}`, async (dir) => {
        await withPhotos(dir);
        writeFileSync(join(dir, 'practices/test-practice.md'), `${readFileSync(join(dir, 'practices/test-practice.md'), 'utf8')}\n\n${markup}\n`);
      });
      const found = only(problems, 'practices/test-practice.md').find((p) => p.field === 'текст');
      expect(found?.message, name).toMatch(/фотография из карточки .*mentors\/(uchenik-artem|ivanova-anna)\.yaml/);
    }
  });

  it('two cards with one photo fail', async () => {
    const { problems } = await variant('shared', async (dir) => {
      await withPhotos(dir);
      edit(dir, ADULT, 'photo: ./photos/anna.jpg', 'photo: ./photos/artem.jpg');
    });
    const messages = problems
      .filter((p) => p.field === 'photo')
      .map((p) => `${p.file}: ${p.message}`)
      .join('\n');
    expect(messages).toMatch(/уже стоит в карточке .*mentors\/(uchenik-artem|ivanova-anna)\.yaml/);
  });
});

describe('a minor’s surname in another field is refused (finding 4)', () => {
  const cases: [string, string, RegExp | string, string][] = [
    ['photoAlt', MINOR, /^position:/m, 'photo: ./photos/artem.jpg\nphotoAlt: Артём Секретов у доски\nposition:'],
    ['position', MINOR, 'ученик 10 класса', 'ученик 10 класса, сын Секретовой И. П.'],
    ['sphere', MINOR, 'sphere: физика', 'sphere: физика (кружок Секретова)'],
    ['quote', MINOR, /^minor:/m, 'quote: Я Артём Секретов, и я люблю физику\nminor:'],
    ['awards[1]', MINOR, /^minor:/m, 'awards: [Грамота Секретову Артёму]\nminor:'],
    ['achievements[1].title', MINOR, /^minor:/m, 'achievements: [{title: Победа команды Секретовых, year: 2025, level: school}]\nminor:'],
    ['текст', 'practices/test-practice.md', 'для молодых педагогов', 'для молодых педагогов, а вёл их Артём Секретов'],
    ['summary', 'practices/test-practice.md', 'Год поддержки', 'Год поддержки от sekretov-artem'],
  ];
  for (const [field, file, from, to] of cases) {
    it(`${file} → ${field}`, async () => {
      const { problems } = await variant(`field-${field.replace(/\W+/g, '')}`, async (dir) => {
        mkdirSync(join(dir, 'mentors/photos'), { recursive: true });
        writeFileSync(join(dir, 'mentors/photos/artem.jpg'), await photo());
        edit(dir, file, from, to);
      });
      const found = only(problems, file).find((p) => p.field === field);
      expect(found?.message, JSON.stringify(problems)).toMatch(/фамилия несовершеннолетнего .*mentors\/uchenik-artem\.yaml.*родители не разрешили/);
    });
  }

  it('a consent’s number written into a public field is refused', async () => {
    const { problems } = await variant('consent-number', (dir) => edit(dir, ADULT, 'учитель математики', 'учитель математики (согласие № 1)'));
    expect(only(problems, ADULT).find((p) => p.field === 'position')?.message).toMatch(/номер документа о согласии/);
  });

  it('with the parents’ permission the surname may be written', async () => {
    const { problems } = await variant('allowed', (dir) => {
      edit(dir, MINOR, 'givenBy: parent', 'givenBy: parent, showSurname: true');
      edit(dir, MINOR, /^minor:/m, 'quote: Я Артём Секретов\nminor:');
    });
    expect(problems).toEqual([]);
  });
});

describe('consent has a life (item 4)', () => {
  it('dates in the future or before 2000 are errors; the end cannot precede the start', async () => {
    for (const [date, message] of [
      ['2099-01-01', /ещё не наступила/],
      ['1900-05-01', /раньше 2000 года/],
    ] as const) {
      const { problems } = await variant(`date-${date}`, (dir) => edit(dir, ADULT, 'date: 2025-09-02', `date: ${date}`));
      expect(only(problems, ADULT).find((p) => p.field === 'consent.date')?.message, date).toMatch(message);
    }
    const { problems } = await variant('until-before', (dir) => edit(dir, ADULT, 'document: согласие № 1', 'document: согласие № 1, until: 2025-01-01'));
    expect(only(problems, ADULT).find((p) => p.field === 'consent.until')?.message).toMatch(/раньше, чем дано/);
  });

  it('a withdrawn or ended consent is valid content and is listed; so is one ending within 30 days', async () => {
    const today = new Date('2026-11-23T00:00:00Z');
    expect(consentEnded({ withdrawn: new Date('2026-11-23T00:00:00Z') }, today)).toBe('withdrawn');
    expect(consentEnded({ until: new Date('2026-11-22T00:00:00Z') }, today)).toBe('expired');
    expect(consentEnded({ until: new Date('2026-11-23T00:00:00Z') }, today)).toBeUndefined();
    const { dir, problems } = await variant('withdrawn', (d) => {
      edit(d, ADULT, 'document: согласие № 1', 'document: согласие № 1, withdrawn: 2026-11-01');
      edit(d, MINOR, 'document: согласие № 2', 'document: согласие № 2, until: 2026-12-10');
    });
    expect(problems).toEqual([]);
    const notices = consentNotices(checkContent(ROOT, projectRelative(dir)).entries, today).join('\n');
    expect(notices).toMatch(/ivanova-anna\.yaml: согласие отозвано 01\.11\.2026/);
    expect(notices).toMatch(/uchenik-artem\.yaml: согласие действует до 10\.12\.2026/);
  });

  it('the name of a person whose consent was withdrawn may not stay in a practice’s text', async () => {
    const { problems } = await variant('withdrawn-named', (dir) => {
      edit(dir, ADULT, 'document: согласие № 1', 'document: согласие № 1, withdrawn: 2026-11-01');
      edit(dir, 'practices/test-practice.md', 'для молодых педагогов', 'для молодых педагогов (ведёт Анна Иванова)');
    });
    expect(only(problems, 'practices/test-practice.md').find((p) => p.field === 'текст')?.message).toMatch(
      /имя человека, которого нельзя публиковать \(согласие отозвано\)/,
    );
  });
});

describe('the withheld-detail matchers find a surname however it is written', () => {
  const entry = (last: string, first = 'Артём', extra = {}) => ({
    collection: 'mentors',
    id: 'artem-k7q2',
    file: 'mentors/artem-k7q2.yaml',
    data: {
      name: { last, first, middle: 'Ильич' },
      category: 'pupil',
      consent: { date: new Date('2025-09-10T00:00:00Z'), document: 'согласие № 27 от 10.09.2025', givenBy: 'parent' },
      ...extra,
    },
  });
  const hits = (last: string, text: string, mentioned: string[] = []) => {
    const { details } = withheldOf([entry(last)], '/tmp', new Date('2026-11-23T00:00:00Z'));
    return findWithheld(searchable(text), details, new Set(mentioned)).map((h) => `${h.detail.what}: ${h.found}`);
  };

  it.each([
    ['Сидорова', 'поздравляем Сидоровой Марии'],
    ['Сидорова', 'СИДОРОВА'],
    ['Ёлкин', 'Елкину вручена грамота'],
    ['Петров', 'Артём&nbsp;Петров'],
    ['Петров', '/files/%D0%9F%D0%B5%D1%82%D1%80%D0%BE%D0%B2.pdf'],
    ['Петров', '"\\u041f\\u0435\\u0442\\u0440\\u043e\\u0432"'],
    ['Петров', '/nastavniki/petrov-artyom/'],
    ['Щукина', 'shchukina.jpg'],
    ['Ли', 'Артём Ли из 9 «Б»'],
    // Found by trying the product as a hostile editor would:
    ['Секретова', 'опрос Се\u200dкретова'],
    ['Секретов', 'Се\ufeffкретов Артём, 10 класс'],
    ['Секретов', 'Секрето\u0301в Артём'],
    ['Секретов', 'пара Сeкретов — Иванова'],
    ['Секретов', '#СекретовАртём'],
    ['Секретов', '/files/SekretovArtem-esse.docx'],
    ['Секретов', 'грамота Artem Secretov'],
    ['Секретов', 'artem.sekretoff@yandex.ru'],
    ['Секретов', 'ＳＥＫＲＥＴＯＶ'],
    ['Фёдоров', 'fyodorov-artyom'],
    ['Максимов', 'Artem Maximov'],
    ['Петров', 'Петровым'],
    ['Андреев', 'Андрееву вручена грамота'],
  ])('%s in «%s»', async (last, text) => {
    expect(hits(last, text).join()).toMatch(/фамилия несовершеннолетнего/);
    // The scan of dist/ finds it too: its quick first pass must not let it through.
    const dist = join(TMP, 'scan-variants');
    rmSync(dist, { recursive: true, force: true });
    mkdirSync(dist, { recursive: true });
    writeFileSync(join(dist, /^"/.test(text) ? 'page.json' : 'page.html'), text);
    const { leaks } = await scanDist(dist, withheldOf([entry(last)], '/tmp', new Date('2026-11-23T00:00:00Z')));
    expect(leaks.map((l) => l.message).join()).toMatch(/фамилия несовершеннолетнего/);
  });

  it.each([
    ['Белов', 'Беловодский район'],
    ['Белов', 'see below'],
    ['Ли', 'если ли у нас'],
    ['Ли', 'Лиза и Лига'],
    ['Ким', 'город Кимры'],
    ['Петров', 'Петропавловск'],
    // A patronymic of the same root is not the surname.
    ['Петров', 'Анна Петровна Смирнова'],
    ['Андреев', 'Ольга Андреевна'],
    ['Павлова', 'Иван Павлович'],
  ])('not %s in «%s»', (last, text) => expect(hits(last, text).filter((h) => h.startsWith('фамилия'))).toEqual([]));

  it('the first name with the patronymic names a minor anywhere', () => {
    expect(hits('Петров', 'ответственный: Артём Ильич (10 «Б»)').join()).toMatch(/имя и отчество несовершеннолетнего/);
    expect(hits('Петров', 'Артёму Ильичу вручена грамота').join()).toMatch(/имя и отчество несовершеннолетнего/);
  });

  it('a consent’s number written another way, and its date in other formats on the person’s own page', () => {
    expect(hits('Петров', 'Спасибо родителям (согласие родителей № 27 от 10.09.25)').join()).toMatch(/номер документа о согласии/);
    expect(hits('Петров', 'согласия №27').join()).toMatch(/номер документа о согласии/);
    expect(hits('Петров', 'приказ № 27')).toEqual([]);
    for (const date of ['10.9.2025', '10.09.25', '10/09/2025', '10 сентября 2025'])
      expect(hits('Петров', `дата: ${date}`, ['artem-k7q2']).join(), date).toMatch(/дата согласия/);
  });

  it('a person whose consent ended is found by initials, by a declined first name, by name and patronymic', () => {
    const ended = {
      ...entry('Петрова', 'Мария'),
      id: 'petrova-mariya',
      data: {
        ...entry('Петрова', 'Мария').data,
        name: { last: 'Петрова', first: 'Мария', middle: 'Ивановна' },
        category: 'teacher',
        consent: { date: new Date('2025-09-10T00:00:00Z'), document: 'согласие № 5', givenBy: 'self', withdrawn: new Date('2026-10-01T00:00:00Z') },
      },
    };
    const { details } = withheldOf([ended], '/tmp', new Date('2026-11-23T00:00:00Z'));
    for (const text of [
      'Директор, Петрова М.И.',
      'заместитель директора М. И. Петрова.',
      'Благодарим Марию Петрову',
      'Куратор — Мария Ивановна',
      'Петровой Марии Ивановне',
    ])
      expect(
        findWithheld(searchable(text), details, new Set())
          .map((h) => h.detail.what)
          .join(),
        text,
      ).toMatch(/имя человека, которого нельзя публиковать \(согласие отозвано\)/);
    for (const text of ['Мария Иванова и Ольга Петрова', 'Марина Петрова', 'Мария Петровна Смирнова'])
      expect(findWithheld(searchable(text), details, new Set()), text).toEqual([]);
  });

  it('a minor stays a minor when the consent ends; a bare document number counts only after «согласие»', () => {
    const child = entry('Секретов');
    const withdrawn = { ...child, data: { ...child.data, consent: { ...child.data.consent, document: '№ 5', withdrawn: new Date('2026-10-01T00:00:00Z') } } };
    const { details } = withheldOf([withdrawn], '/tmp', new Date('2026-11-23T00:00:00Z'));
    const found = (text: string) =>
      findWithheld(searchable(text), details, new Set())
        .map((h) => h.detail.what)
        .join();
    expect(found('семья Секретовых')).toMatch(/фамилия несовершеннолетнего/);
    expect(found('/files/sekretov-artem.pdf')).toMatch(/фамилия несовершеннолетнего/);
    expect(found('Школа № 5')).toBe('');
    expect(found('по согласию № 5')).toMatch(/номер документа о согласии/);
  });

  it('a consent’s number anywhere; its date and the patronymic only where the person is named', async () => {
    expect(hits('Петров', 'см. Согласие №27 от 10.09.2025').join()).toMatch(/номер документа о согласии/);
    const dist = join(TMP, 'scan-consent');
    rmSync(dist, { recursive: true, force: true });
    mkdirSync(dist, { recursive: true });
    writeFileSync(join(dist, 'page.html'), 'см. Согласие&nbsp;№27 от 10.09.2025');
    const { leaks } = await scanDist(dist, withheldOf([entry('Петров')], '/tmp', new Date('2026-11-23T00:00:00Z')));
    expect(leaks.map((l) => l.message).join()).toMatch(/номер документа о согласии/);
    expect(hits('Петров', 'согласие № 270 от 10.09.2025')).toEqual([]);
    expect(hits('Петров', 'опубликовано 10 сентября 2025 г.; Ильич')).toEqual([]);
    const own = hits('Петров', 'опубликовано 10 сентября 2025 г.; Артём Ильич', ['artem-k7q2']).join();
    expect(own).toMatch(/дата согласия: 10 сентября 2025/);
    expect(own).toMatch(/отчество несовершеннолетнего: Ильич/);
  });
});

describe('the build date is the local day', () => {
  it('at 01:30 in Moscow on 1 October a consent withdrawn from that day has ended', () => {
    const zone = process.env.TZ;
    vi.useFakeTimers();
    try {
      process.env.TZ = 'Europe/Moscow';
      vi.setSystemTime(new Date('2026-09-30T22:30:00Z'));
      const today = buildDate({});
      expect(today.toISOString().slice(0, 10)).toBe('2026-10-01');
      expect(consentEnded({ withdrawn: new Date('2026-10-01T00:00:00Z') }, today)).toBe('withdrawn');
      expect(buildDate({ BUILD_DATE: '2026-11-23' }).toISOString().slice(0, 10)).toBe('2026-11-23');
    } finally {
      vi.useRealTimers();
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});

describe('a mistyped BUILD_DATE', () => {
  it('stops the build instead of treating every consent as valid', () => {
    for (const wrong of ['2026-1-5', '2026-02-30', 'вчера']) expect(() => buildDate({ BUILD_DATE: wrong }), wrong).toThrow(/ГГГГ-ММ-ДД/);
  });
});
