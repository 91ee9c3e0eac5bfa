import { z } from "zod";

/**
 * ISO-639-1, the form Whisper documents for its `language` hint. The transcription job's payload uses this
 * same schema, so a code the job accepts is one the service accepts.
 */
export const LanguageCodeSchema = z
  .string()
  .regex(/^[a-z]{2}$/, "Use an ISO-639-1 language code such as 'en'")
  .describe("Spoken language hint for Whisper (ISO-639-1); detected when absent");

/**
 * Language codes: Whisper reports the language it detected by name ("english"), everything else in this
 * service speaks ISO 639-1 ("en"). Runtime-neutral: the Worker imports it too.
 */

/**
 * Whisper's language table (openai/whisper tokenizer.py) as `code=name` pairs, then the other names Whisper
 * accepts. Cantonese has no ISO 639-1 code of its own; "zh" is its macrolanguage.
 */
const WHISPER_LANGUAGES = [
  "en=english,zh=chinese,de=german,es=spanish,ru=russian,ko=korean,fr=french,ja=japanese,pt=portuguese,",
  "tr=turkish,pl=polish,ca=catalan,nl=dutch,ar=arabic,sv=swedish,it=italian,id=indonesian,hi=hindi,",
  "fi=finnish,vi=vietnamese,he=hebrew,uk=ukrainian,el=greek,ms=malay,cs=czech,ro=romanian,da=danish,",
  "hu=hungarian,ta=tamil,no=norwegian,th=thai,ur=urdu,hr=croatian,bg=bulgarian,lt=lithuanian,la=latin,",
  "mi=maori,ml=malayalam,cy=welsh,sk=slovak,te=telugu,fa=persian,lv=latvian,bn=bengali,sr=serbian,",
  "az=azerbaijani,sl=slovenian,kn=kannada,et=estonian,mk=macedonian,br=breton,eu=basque,is=icelandic,",
  "hy=armenian,ne=nepali,mn=mongolian,bs=bosnian,kk=kazakh,sq=albanian,sw=swahili,gl=galician,",
  "mr=marathi,pa=punjabi,si=sinhala,km=khmer,sn=shona,yo=yoruba,so=somali,af=afrikaans,oc=occitan,",
  "ka=georgian,be=belarusian,tg=tajik,sd=sindhi,gu=gujarati,am=amharic,yi=yiddish,lo=lao,uz=uzbek,",
  "fo=faroese,ht=haitian creole,ps=pashto,tk=turkmen,nn=nynorsk,mt=maltese,sa=sanskrit,",
  "lb=luxembourgish,my=myanmar,bo=tibetan,tl=tagalog,mg=malagasy,as=assamese,tt=tatar,ln=lingala,",
  "ha=hausa,ba=bashkir,jv=javanese,su=sundanese,",
  "zh=cantonese,my=burmese,ca=valencian,nl=flemish,ht=haitian,lb=letzeburgesch,ps=pushto,pa=panjabi,",
  "ro=moldavian,ro=moldovan,si=sinhalese,es=castilian,zh=mandarin,",
].join("");

const WHISPER_LANGUAGE_CODES: Record<string, string> = Object.fromEntries(
  WHISPER_LANGUAGES.split(",")
    .filter(Boolean)
    .map((pair) => pair.split("=").reverse() as [string, string]),
);

/** Whisper's own codes that are not ISO 639-1. */
const WHISPER_CODE_ALIASES: Record<string, string> = { jw: "jv", yue: "zh" };

/**
 * The ISO 639-1 code for what Whisper (or a caller) calls a language: a name ("english", "Haitian Creole"),
 * a code ("en", "EN"), Whisper's "jw", or a tag ("en-US"). Null when it names no language with a two-letter
 * code (Hawaiian, say, or nothing at all).
 */
export function toLanguageCode(value: string | null | undefined): string | null {
  const text = value?.trim().toLowerCase().replace(/_/g, "-");
  if (!text) return null;
  const named = WHISPER_LANGUAGE_CODES[text] ?? WHISPER_CODE_ALIASES[text];
  if (named) return named;
  const primary = text.split("-")[0] ?? "";
  return /^[a-z]{2}$/.test(primary) ? primary : null;
}

/** "German (de)": how prompts name a language; the code alone where the runtime knows no name for it. */
export function describeLanguage(code: string): string {
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames(["en"], { type: "language", fallback: "none" }).of(code);
  } catch {
    name = undefined;
  }
  return name && name.toLowerCase() !== code ? `${name} (${code})` : code;
}
