// Is this the same person? The pure half of matching (ADR 015): how a name written in Latin letters is
// normalised — Danish letters, Turkish and Kurdish diacritics, the Somali alphabet's c and x, the many
// spellings of Arabic names (Mohamed/Muhammad, Ahmed/Ahmad, Hussein/Husayn, Abd al-/Abdul) — and how two
// would-be people are scored from their names, birth dates or years and where they live.
// The database half (matching.server.ts) only finds candidates; every score comes from here.

/** A person as matching sees them. `birthDate` is YYYY-MM-DD; `birthYearOnly` says only its year is known. */
export type MatchPerson = {
  firstName: string;
  lastName: string;
  birthDate?: string | null;
  birthYearOnly?: boolean;
  /** Walk-ins entered before the year-only flag existed carry 1 July of their year. */
  housingAreaId?: string | null;
  householdIds?: readonly string[];
};

/** At or above: shown as "is it this person?" and listed as a possible duplicate. */
export const MATCH_THRESHOLD = 0.85;

/** Letters that NFD does not take apart, and the Danish letters written out the way Danes do without them. */
const LETTERS: Record<string, string> = { æ: "ae", ø: "oe", å: "aa", ß: "ss", đ: "d", ł: "l", ı: "i", ə: "a", þ: "th" };

/**
 * Lower case, without diacritics, apostrophes or ayn/hamza marks; hyphens and dots split words; the Arabic
 * article (al-, el-) standing as its own word is dropped; Abd al-/Abdel/Abdul/Abdi + name become one word.
 */
export function nameTokens(name: string): string[] {
  return memo(tokensCache, name, tokensOf);
}

/** The duplicates list compares a few hundred people with a few thousand: the words of a name are worked out once. */
const tokensCache = new Map<string, string[]>();
const foldCache = new Map<string, string>();
function memo<T>(cache: Map<string, T>, key: string, compute: (key: string) => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size > 50_000) cache.clear();
    value = compute(key);
    cache.set(key, value);
  }
  return value;
}

function tokensOf(name: string): string[] {
  const lowered = name
    .toLocaleLowerCase("en")
    .replace(/[æøåßđłıəþ]/g, (c) => LETTERS[c] ?? c)
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/['’‘`´ʿʾʼ]/g, "");
  const words = lowered.split(/[^a-z]+/).filter(Boolean);
  const out: string[] = [];
  for (const word of words) {
    // The article standing as its own word ("Al-Hassan", "Abd al-Rahman") is dropped when the name has more words.
    if ((word === "al" || word === "el" || word === "ul") && words.length > 1) continue;
    const previous = out[out.length - 1];
    if (previous !== undefined && ABD.test(previous) && (previous !== "abdi" || DIVINE_NAMES.test(word))) {
      out[out.length - 1] = `${previous}${word}`;
      continue;
    }
    out.push(word);
  }
  return out.map(abdPrefix);
}

/** "Servant of": abd with its article or linking vowel, written apart from the name that follows it. */
const ABD = /^abd(u|ul|al|el|il|ol|ur|ir|er|i|e|a)?$/;
/** Names that follow abd- (Abdi alone is a Somali name; Abdi Rahman is Abdirahman). */
const DIVINE_NAMES =
  /^(rahman|rahim|aziz|kadir|qadir|karim|nasir|nasser|fatah|fattah|wahab|rashid|salam|latif|majid|hamid|hakim|malik|ghani|qani|wahid|jabbar|razak|razzaq|basit|halim|hadi|samad|llah|lah|allah|ullah|ullahi|illahi|ilahi|allahi)/;
/** Abdul-, Abdel-, Abdir-, Abdur-… become abd-: "abdulrahman", "abdirahman" and "abderrahmane" are one name. */
const abdPrefix = (word: string) => word.replace(/^abd(ul|al|el|il|ol|ur|ir|er|ar|u|i|e|a)(?=[^aeiou])/, "abd");

/**
 * One spelling for sounds that Latin transliterations write in several ways: vowels folded (o→u, e→i, ey/ei/ay→ai),
 * doubled letters single, kh/q/c/ck → h/k/k/k, ch → sh (Rachid) but Chr → Kr (Christensen), j between vowels → y
 * (Freja, Maja), ph → f, w → v, y → i, dj → j, a final t → d (Mehmet, Ahmet), a final h after a vowel and a final e
 * after a consonant dropped (Fatimah, Yasmine).
 */
export function foldToken(token: string): string {
  return memo(foldCache, token, foldOf);
}

function foldOf(token: string): string {
  return token
    .replace(/([aeiou])h$/, "$1")
    .replace(/([^aeiou])e$/, "$1")
    .replace(/^dj/, "j")
    .replace(/sch/g, "sh")
    .replace(/^chr/, "kr")
    .replace(/ch/g, "sh")
    .replace(/([aeiou])j(?=[aeiou])/g, "$1y")
    .replace(/ph/g, "f")
    .replace(/kh/g, "h")
    .replace(/gh/g, "g")
    .replace(/(th|dh)/g, (m) => m[0]!)
    .replace(/ck|q|c(?!h)/g, "k")
    .replace(/w/g, "v")
    .replace(/ou|oo|uu/g, "u")
    .replace(/ee|ii|ie/g, "i")
    .replace(/aa/g, "a")
    .replace(/(ey|ei|ay|eyi)/g, "ai")
    .replace(/y/g, "i")
    .replace(/o/g, "u")
    .replace(/e/g, "i")
    .replace(/(.)\1+/g, "$1")
    .replace(/t$/, "d");
}

/** The Somali alphabet writes ayn as c (Cali, Cabdi) and ḥ as x (Maxamed), and long vowels doubled. */
export function somaliToken(token: string): string | null {
  if (!/[cx]/.test(token)) return null;
  return abdPrefix(
    token
      .replace(/^c/, "")
      .replace(/([aeiou])c/g, "$1")
      .replace(/c/g, "")
      .replace(/x/g, "h"),
  );
}

/**
 * Spellings of one name that folding alone does not bring together (or would bring together with a different
 * name: Hussein and Hassan fold to husain and hasan, close but not the same). Each line is one name.
 */
const VARIANTS: readonly (readonly string[])[] = [
  ["muhammad", "mohamed", "mohammed", "mohammad", "mohamad", "muhammed", "mehmet", "mehmed", "mohammet", "maxamed", "mahamed", "mahammad", "mhamed"],
  ["ahmad", "ahmed", "ahmet", "axmed", "achmed", "ahmat"],
  ["hussein", "hussain", "husayn", "husain", "husein", "huseyin", "hossein", "hussien", "xuseen", "huseen"],
  ["hassan", "hasan", "hassen", "xasan", "hasaan"],
  ["mahmoud", "mahmud", "mahmood", "mohamud", "maxamuud", "mahmut"],
  ["mustafa", "mostafa", "moustafa", "mustapha"],
  ["yusuf", "yousef", "youssef", "yussuf", "yosef", "joseph", "yusuuf", "josef"],
  ["ibrahim", "ebrahim", "ibraahim", "brahim"],
  ["ismail", "ismael", "esmail", "ismaaciil", "ismahil"],
  ["omar", "umar", "cumar", "ömer", "omer"],
  ["osman", "uthman", "othman", "cusmaan", "usman"],
  ["abdullah", "abdallah", "abdulla", "abdullahi", "cabdullahi", "abdillahi"],
  ["abdrahman", "abdirahman", "abdurrahman", "cabdiraxmaan", "abderrahmane", "abdurahman"],
  ["abdi", "cabdi"],
  ["ali", "aly", "cali"],
  ["fatima", "fatma", "fatimah", "faadumo", "fatuma"],
  ["aisha", "aicha", "ayse", "aysha", "caasha", "aischa", "ayesha"],
  ["khadija", "hatice", "khadijah", "xadiija", "kadija", "hadija"],
  ["zainab", "zaynab", "zeynep", "zeinab"],
  ["maryam", "mariam", "meryem", "maryan", "mariyam"],
  ["amina", "amineh", "emine", "aminah", "aamina"],
  ["khalid", "khaled", "halit", "xaalid", "halid"],
  ["said", "saeed", "sayed", "saiid", "sacid", "seyit"],
  ["yasin", "yassin", "yaseen", "yassine"],
  ["hamza", "hamzah", "xamsa"],
  ["nur", "noor", "nour", "nuur"],
  ["hawa", "hawo", "havva", "xaawo"],
  ["halima", "xaliimo", "halime"],
  ["rukiya", "ruqayya", "rukia", "ruqiya"],
  ["salah", "salaheddin", "selahattin", "salahuddin"],
  ["jamal", "cemal", "djamel", "gamal"],
  ["jamil", "cemil", "djamil", "jameel"],
  ["jamila", "cemile", "gamila"],
  ["hevi", "hevin", "hêvî"],
  ["shivan", "sivan", "şivan"],
  ["jiyan", "zhiyan", "jian"],
];

const CANONICAL = new Map<string, string>();
for (const line of VARIANTS) for (const spelling of line) for (const token of nameTokens(spelling)) CANONICAL.set(token, line[0]!);

const VOWELS = new Set(["a", "e", "i", "o", "u"]);

/** Edits (insert, delete, substitute, swap two neighbours) from one word to the other; one vowel for another costs half. */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : VOWELS.has(a[i - 1]!) && VOWELS.has(b[j - 1]!) ? 0.5 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * How alike two name words are, 0..1: the same word 1; spellings of one name (the list above) 0.97; the same after
 * folding (or read as Somali) 0.95; else by the edits between the folded forms. Two names of the list that differ
 * (Hassan, Hussein), a name and its form with -a (Amir, Amira; Karim, Karima) and short names one letter apart
 * (Emma, Ella; Ali, Ole) are different names.
 */
export function tokenSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const canonicalA = CANONICAL.get(a);
  const canonicalB = CANONICAL.get(b);
  if (canonicalA && canonicalA === canonicalB) return 0.97;
  if (canonicalA && canonicalB) return 0.5;
  const foldedA = [foldToken(a), ...[somaliToken(a)].filter((s): s is string => s !== null).map(foldToken)];
  const foldedB = [foldToken(b), ...[somaliToken(b)].filter((s): s is string => s !== null).map(foldToken)];
  let best = 0;
  for (const x of foldedA) {
    for (const y of foldedB) {
      if (x === y) return 0.95;
      if (x === `${y}a` || y === `${x}a`) continue;
      const length = Math.max(x.length, y.length);
      const distance = editDistance(x, y);
      const similarity = (1 - distance / length) ** 1.5 * 0.95;
      // Short names one letter apart are usually two names (Emma, Ella; Ali, Ole), unless only a vowel inside differs (Aden, Adan).
      const onlyAVowel = distance < 1 && x[0] === y[0];
      best = Math.max(best, length <= 5 && !onlyAVowel ? Math.min(similarity, 0.7) : similarity);
    }
  }
  return best;
}

/** Best pairing of name words: every word of the shorter name finds its closest word in the longer one. */
function wordMatches(a: readonly string[], b: readonly string[]): number[] {
  if (!a.length || !b.length) return [0];
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.map((word) => Math.max(...long.map((other) => withoutArticle(word, other))));
}

const wordsSimilarity = (a: readonly string[], b: readonly string[]) => {
  const matches = wordMatches(a, b);
  return matches.reduce((sum, x) => sum + x, 0) / matches.length;
};

/** An article written onto the name (Alhassan, Elsayed, Eldin) against the name without it. */
function withoutArticle(a: string, b: string): number {
  const strip = (word: string) => word.replace(/^(al|el)(?=[^aeiou][a-z]{2})/, "");
  return Math.max(tokenSimilarity(a, b), tokenSimilarity(strip(a), strip(b)) * 0.98);
}

/** A first name's first word is the one people are called by: "Mohamed Ali" is still Mohamed. */
function firstNamesSimilarity(a: readonly string[], b: readonly string[]): number {
  if (!a.length || !b.length) return 0;
  return Math.max(withoutArticle(a[0]!, b[0]!), wordsSimilarity(a, b) * 0.97);
}

/** First and last name must both agree: the weaker of the two weighs most (siblings share a last name). */
const both = (first: number, last: number) => 0.75 * Math.min(first, last) + 0.25 * ((first + last) / 2);

/** How alike two names are, 0..1, also when first and last name were swapped or a middle name moved. */
export function nameSimilarity(a: Pick<MatchPerson, "firstName" | "lastName">, b: Pick<MatchPerson, "firstName" | "lastName">): number {
  const [af, al, bf, bl] = [nameTokens(a.firstName), nameTokens(a.lastName), nameTokens(b.firstName), nameTokens(b.lastName)];
  const direct = both(firstNamesSimilarity(af, bf), wordsSimilarity(al, bl));
  const swapped = both(firstNamesSimilarity(af, bl), wordsSimilarity(al, bf)) * 0.97;
  // Words moved between the fields ("Mohamed Ali" / "Hassan" against "Mohamed" / "Ali Hassan"): all words pooled.
  const pooledMatches = wordMatches([...af, ...al], [...bf, ...bl]);
  const pooled = both(Math.min(...pooledMatches), pooledMatches.reduce((sum, x) => sum + x, 0) / pooledMatches.length) * 0.95;
  // Pooled may not hide that the first names differ entirely.
  const pooledGuarded = Math.max(firstNamesSimilarity(af, bf), firstNamesSimilarity(af, bl)) >= 0.85 ? pooled : 0;
  return Math.max(direct, swapped, pooledGuarded);
}

export type BirthAgreement = "sameDate" | "sameYear" | "adjacentYear" | "unknown" | "different";

/** Whether two birth dates can be the same person's: a year alone agrees with any date in that year. */
export function birthAgreement(a: MatchPerson, b: MatchPerson): BirthAgreement {
  if (!a.birthDate || !b.birthDate) return "unknown";
  const [ya, yb] = [Number(a.birthDate.slice(0, 4)), Number(b.birthDate.slice(0, 4))];
  const yearOnly = Boolean(a.birthYearOnly || b.birthYearOnly);
  if (!yearOnly && a.birthDate === b.birthDate) return "sameDate";
  if (ya === yb) return yearOnly ? "sameYear" : "different";
  // A birth year given by a child or a volunteer at the door is often one off.
  if (yearOnly && Math.abs(ya - yb) === 1) return "adjacentYear";
  return "different";
}

const BIRTH_WEIGHT: Record<BirthAgreement, number> = { sameDate: 0.07, sameYear: 0.04, adjacentYear: -0.06, unknown: -0.02, different: -0.5 };

export type MatchScore = { score: number; name: number; birth: BirthAgreement; sameArea: boolean; sameHousehold: boolean };

/** The score of a candidate: name similarity, moved by the birth date and by a shared area or household. */
export function matchScore(a: MatchPerson, b: MatchPerson): MatchScore {
  const name = nameSimilarity(a, b);
  const birth = birthAgreement(a, b);
  const sameArea = Boolean(a.housingAreaId && a.housingAreaId === b.housingAreaId);
  const sameHousehold = Boolean(a.householdIds?.some((id) => b.householdIds?.includes(id)));
  const score = name + BIRTH_WEIGHT[birth] + (sameArea ? 0.02 : 0) + (sameHousehold ? 0.03 : 0);
  return { score: Math.round(Math.max(0, Math.min(1, score)) * 1000) / 1000, name, birth, sameArea, sameHousehold };
}

export const isLikelySame = (a: MatchPerson, b: MatchPerson) => matchScore(a, b).score >= MATCH_THRESHOLD;
