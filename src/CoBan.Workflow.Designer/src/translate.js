// The `translate` service of diagram-js, replaced so every bpmn-js, diagram-js and properties
// panel string (they all call `translate(english, replacements)`) and our own strings come out
// in the designer's language. English is the key language: a string without a Chinese entry is
// shown in English rather than breaking the UI.
import zh from './translate-zh.js';

const DICTIONARIES = { zh, en: {} };

export function normalizeLang(lang) {
  return String(lang || 'zh').toLowerCase().startsWith('en') ? 'en' : 'zh';
}

export function createTranslate(lang) {
  const dictionary = DICTIONARIES[normalizeLang(lang)];

  return function translate(template, replacements) {
    const text = dictionary[template] || template;

    if (!replacements) {
      return text;
    }

    return text.replace(/{([^}]+)}/g, (match, key) =>
      key in replacements ? String(replacements[key]) : match);
  };
}

/** A didi module overriding diagram-js' built-in `translate` value. */
export function createTranslateModule(lang) {
  return { translate: [ 'value', createTranslate(lang) ] };
}
