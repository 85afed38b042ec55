// Each feature folder owns its slice of the message catalogue, `messages.ts`: the zh-CN messages
// first, the source, then the English checked against them in both directions with
// `satisfies TranslationOf<…>`. So a key missing in either language, or a {placeholder} the other
// language does not name, fails the typecheck at the message. Keys stay flat ('ledger.field.bank')
// so TypeScript and the i18n test compare the languages key by key.

/** The names of a message's {placeholders}, as a union. */
type Placeholders<Text extends string> = Text extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;

type AllOf<Union> = (Union extends unknown ? (all: Union) => void : never) extends (all: infer Every) => void ? Every : never;

type Mentioning<Name extends string> = Name extends unknown ? `${string}{${Name}}${string}` : never;

/** Any text that names every placeholder of `Source`. */
type Naming<Source extends string> = [Placeholders<Source>] extends [never] ? string : AllOf<Mentioning<Placeholders<Source>>>;

/** The shape a translation of `Source` must have: the same keys, each naming the source's placeholders. */
export type TranslationOf<Source extends Record<string, string>> = { readonly [Key in keyof Source]: Naming<Source[Key]> };
