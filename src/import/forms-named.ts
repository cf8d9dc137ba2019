/** How documents name the five forms of mentoring («ученик – ученик», «учитель-учитель»…), by form id. */
export const FORMS_NAMED: { id: string; pattern: RegExp }[] = [
  { id: 'uchenik-uchenik', pattern: /учени[кц]\S*\s*[-–—]\s*учени[кц]/i },
  { id: 'uchitel-uchitel', pattern: /(учител|педагог)\S*\s*[-–—]\s*(учител|педагог)/i },
  { id: 'student-uchenik', pattern: /студент\S*\s*[-–—]\s*учени[кц]/i },
  { id: 'rabotodatel-uchenik', pattern: /работодател\S*\s*[-–—]\s*учени[кц]/i },
  { id: 'rabotodatel-student', pattern: /работодател\S*\s*[-–—]\s*студент/i },
];
