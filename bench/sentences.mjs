/**
 * Sentence and paragraph generators for the benchmark corpus: English,
 * Chinese and mixed sentences built from {@link ./vocabulary.mjs}.
 */
import * as v from './vocabulary.mjs'

/** @typedef {import('./prng.mjs').Prng} Prng */

/**
 * Lower-cases the first letter of a subject, unless it is a name or acronym.
 * @param {string} subject
 * @returns {string}
 */
function lowerSubject(subject) {
  return /^(?:The|Each|Most|Our|Average|Annual) /.test(subject) ? subject[0].toLowerCase() + subject.slice(1) : subject
}

/**
 * One English sentence.
 * @param {Prng} rng
 * @param {{markdown: boolean}} style Whether inline Markdown (code, links, emphasis) may appear.
 * @returns {string}
 */
export function englishSentence(rng, style) {
  const subject = rng.pick(v.enSubjects)
  switch (rng.int(0, 5)) {
    case 0:
      return `${subject} ${rng.pick(v.enChanges)} ${rng.int(2, 39)}% in ${rng.int(2015, 2026)}, to ${rng.int(12, 160)} μg/m³.`
    case 1:
      return `In ${rng.int(2015, 2026)}, ${lowerSubject(subject)} ${rng.pick(v.enPastVerbs)} ${rng.pick(v.enObjects)} ${rng.pick(v.enModifiers)}.`
    case 2:
      return `${subject} ${rng.pick(v.enPastVerbs)} ${rng.pick(v.enObjects)}, ${rng.pick(v.enConnectives)} ${lowerSubject(rng.pick(v.enSubjects))} ${rng.pick(v.enPastVerbs)} ${rng.pick(v.enObjects)}.`
    case 3: {
      const [term, gloss] = rng.pick(v.glossedTerms)
      return `The ${term} (${gloss}) shaped how ${lowerSubject(subject)} ${rng.pick(v.enPastVerbs)} ${rng.pick(v.enObjects)}.`
    }
    case 4: {
      if (style.markdown && rng.chance(0.5)) {
        return `${subject} ${rng.pick(v.enPastVerbs)} ${rng.pick(v.enObjects)}; see ${rng.pick(v.codeSpans)} and [the portal](${rng.pick(v.links)}) for **details**.`
      }
      return `${subject} ${rng.pick(v.enPastVerbs)} ${rng.pick(v.enObjects)} and uploaded it to ${rng.pick(v.links)} ${rng.pick(v.enModifiers)}.`
    }
    default: {
      const [name, zhName] = rng.pick(v.people)
      const [place, zhPlace] = rng.pick(v.places)
      return `Professor ${name} (${zhName}) said that ${place} (${zhPlace}) ${rng.pick(v.enChanges)} ${rng.int(2, 30)}% ${rng.pick(v.enModifiers)}.`
    }
  }
}

/**
 * One Chinese sentence.
 * @param {Prng} rng
 * @returns {string}
 */
export function chineseSentence(rng) {
  const subject = rng.pick(v.zhSubjects)
  switch (rng.int(0, 3)) {
    case 0:
      return `${subject}${rng.pick(v.zhAdverbs)}${rng.pick(v.zhVerbs)}${rng.pick(v.zhObjects)}。`
    case 1:
      return `${rng.int(2015, 2026)} 年，${subject}的排放量${rng.pick(v.zhChanges)} ${rng.int(2, 39)}%，${rng.pick(v.zhClauses)}。`
    case 2:
      return `${subject}每 ${rng.int(5, 60)} 秒${rng.pick(v.zhVerbs)}一次${rng.pick(v.zhObjects)}，${rng.pick(v.zhClauses)}。`
    default:
      return `根据${rng.pick(v.zhObjects)}，${subject}${rng.pick(v.zhAdverbs)}${rng.pick(v.zhVerbs)}${rng.pick(v.zhObjects)}，${rng.pick(v.zhClauses)}。`
  }
}

/**
 * One mixed sentence: Chinese with English terms, formulas and units.
 * @param {Prng} rng
 * @returns {string}
 */
export function mixedSentence(rng) {
  switch (rng.int(0, 3)) {
    case 0:
      return `${rng.pick(v.zhSubjects)}通过 ${rng.pick(v.mixedTerms)}${rng.pick(v.zhVerbs)}${rng.pick(v.zhObjects)}。`
    case 1:
      return `${rng.pick(v.zhFormulas)}超过 ${rng.int(35, 160)} μg/m³ 时，${rng.pick(v.zhClauses)}。`
    case 2:
      return `单个 ${rng.pick(v.mixedTerms)}的峰值吞吐约为 ${rng.int(1, 9)},${rng.int(100, 999)} 条/秒，延迟中位数为 ${rng.int(1, 9)}.${rng.int(0, 9)} ms。`
    default: {
      const [place, zhPlace] = rng.pick(v.places)
      return `${zhPlace}（${place}）的${rng.pick(v.zhFormulas)}${rng.pick(v.zhChanges)} ${rng.int(2, 30)}%，${rng.pick(v.zhClauses)}。`
    }
  }
}

/**
 * A paragraph of 2 to 6 sentences of one kind. Rarely (about 1 paragraph in
 * 40) an English paragraph gets a deliberate defect sentence.
 * @param {Prng} rng
 * @param {'en' | 'zh' | 'mixed'} kind
 * @param {{markdown: boolean}} style
 * @returns {string}
 */
export function paragraph(rng, kind, style) {
  const count = rng.int(2, 6)
  const sentences = []
  for (let index = 0; index < count; index++) {
    if (kind === 'en') sentences.push(englishSentence(rng, style))
    else if (kind === 'zh') sentences.push(chineseSentence(rng))
    else sentences.push(rng.chance(0.5) ? mixedSentence(rng) : chineseSentence(rng))
  }
  if (kind === 'en' && rng.chance(0.025)) sentences.splice(rng.int(0, count), 0, rng.pick(v.defectSentences))
  return sentences.join(kind === 'en' ? ' ' : '')
}

/**
 * The kind of the next paragraph, weighted so that about a fifth of the
 * corpus's characters are Han.
 * @param {Prng} rng
 * @returns {'en' | 'zh' | 'mixed'}
 */
export function paragraphKind(rng) {
  const roll = rng.next()
  if (roll < 0.5) return 'en'
  if (roll < 0.76) return 'zh'
  return 'mixed'
}
