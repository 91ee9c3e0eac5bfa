/**
 * Words too common to search for on their own. A query made only of these (or of punctuation) is refused
 * rather than run: it would match nearly every segment of a project. English always applies (lessons and
 * queries mix it in); the languages below apply when a search names them with `language=`. Compared without
 * case or accents, as the index compares.
 */
const LISTS: Record<string, string> = {
  en: `a about above after again against all am an and any are as at be because been before being below between
    both but by can could did do does doing down during each few for from further had has have having he her here
    hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of
    off on once only or other our ours ourselves out over own same she should so some such than that the their
    theirs them themselves then there these they this those through to too under until up very was we were what
    when where which while who whom why will with would you your yours yourself yourselves`,
  de: `aber alle als also am an auch auf aus bei bin bis bist da damit dann das dass dein dem den der des dich die
    dir du durch ein eine einem einen einer eines er es euch euer für hat hatte ich ihr im in ist ja jetzt kann
    mein mich mir mit nach nicht noch nun nur ob oder sein sich sie sind so um und uns unser von vor war was
    weil wenn wer wie wir wird zu zum zur`,
  fr: `a au aux avec ce ces cette dans de des du elle en est et eux il ils je la le les leur lui ma mais me mes
    moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sont sur ta te tes toi ton tu un une vos
    votre vous y`,
  es: `a al algo como con de del el ella ellos en entre era es esa ese eso esta este esto fue ha hay la las le les
    lo los mas me mi muy no nos o para pero por que se si sin sobre su sus te tu un una uno y ya yo`,
  it: `a al alla alle che chi ci come con da dal dalla dei del della di e ed gli ha i il in io la le lei lo loro
    lui ma mi ne nel nella noi non o per perché più quella quello questa questo se si sono su sua suo tu un una uno`,
  pt: `a ao aos as com como da das de do dos e ela ele em entre era essa esse esta este eu foi isso isto já lhe
    mais mas me meu minha muito na nas no nos não o os ou para pela pelo por qual que se sem seu sua são também te
    um uma você`,
  nl: `aan al als bij dat de den der deze die dit door een en er het hij hoe hun ik in is je kan maar me met mijn
    na naar niet nog nu of om ons ook op over te tot u uit van voor was wat we wel wie wij zal ze zich zij zijn zo`,
};

/** Lower case without accents, as unicode61 with remove_diacritics folds tokens. */
export const foldToken = (token: string) => token.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

const parsed = new Map(
  Object.entries(LISTS).map(([language, words]) => [
    language,
    new Set(words.split(/\s+/).filter(Boolean).map(foldToken)),
  ]),
);

/** Whether a (folded) token is a stop word for a search in `language` (English always counts). */
export function isStopWord(folded: string, language?: string): boolean {
  return Boolean(parsed.get("en")?.has(folded) || (language && parsed.get(language)?.has(folded)));
}
