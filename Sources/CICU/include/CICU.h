// A narrow C interface to the system ICU for Werger.
//
// This header deliberately includes nothing but <stdint.h>: ICU's own headers clash with the
// private ICU inside the toolchain's Foundation ("'UBlockCode' has different definitions in
// different modules"), so only opaque handles and plain integers cross into Swift.
// Error codes are ICU's UErrorCode values: > 0 is a failure, <= 0 success or a warning.
#ifndef WERGER_CICU_H
#define WERGER_CICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

// MARK: Break iteration (ubrk)

typedef struct WICUBreakIterator WICUBreakIterator;

enum { WICU_BREAK_SENTENCE = 0, WICU_BREAK_WORD = 1 };
enum { WICU_BREAK_DONE = -1 };

/// Opens a sentence or word break iterator for an ICU locale id (e.g. "en", "en@ss=standard").
WICUBreakIterator *wicu_break_open(int32_t kind, const char *locale, int32_t *error);
void wicu_break_close(WICUBreakIterator *iterator);
/// Points the iterator at `text` (UTF-16, not copied: it must outlive the iteration).
void wicu_break_set_text(WICUBreakIterator *iterator, const uint16_t *text, int32_t length, int32_t *error);
/// The next boundary offset in UTF-16 units, or WICU_BREAK_DONE.
int32_t wicu_break_next(WICUBreakIterator *iterator);
/// The rule status of the boundary last returned (sentence: 0-99 terminator, 100-199 separator).
int32_t wicu_break_rule_status(const WICUBreakIterator *iterator);

// MARK: Locales (uloc)

/// BCP 47 tag -> ICU locale id. Returns the id's length; *parsed is how many characters of the
/// tag ICU understood (less than strlen(tag) means the tag is not well-formed).
int32_t wicu_locale_for_language_tag(const char *tag, char *locale, int32_t capacity, int32_t *parsed, int32_t *error);
/// ICU locale id -> canonical BCP 47 tag (strict). Returns the tag's length.
int32_t wicu_locale_to_language_tag(const char *locale, char *tag, int32_t capacity, int32_t *error);
/// Adds the likely script and region ("ckb" -> "ckb_Arab_IQ"). Returns the length.
int32_t wicu_locale_add_likely_subtags(const char *locale, char *maximized, int32_t capacity, int32_t *error);
/// The language, script and region parts of an ICU locale id. Return the lengths.
int32_t wicu_locale_language(const char *locale, char *out, int32_t capacity, int32_t *error);
int32_t wicu_locale_script(const char *locale, char *out, int32_t capacity, int32_t *error);
int32_t wicu_locale_region(const char *locale, char *out, int32_t capacity, int32_t *error);
/// Whether ICU knows the language subtag (it has a display name for it other than the code itself).
int32_t wicu_language_is_known(const char *language);
/// The number of ISO 639 language codes ICU knows, and the i-th of them (NUL-terminated, static).
int32_t wicu_iso_language_count(void);
const char *wicu_iso_language(int32_t index);

// MARK: Character sets (ucsdet, ucnv)

/// The most likely charset of `bytes`, written NUL-terminated to `name`. Returns the confidence
/// (0-100), or -1 when nothing matched.
int32_t wicu_detect_charset(const char *bytes, int32_t length, char *name, int32_t capacity, int32_t *error);

typedef struct WICUDecoder WICUDecoder;
/// A streaming decoder from `charset` to UTF-16 that stops at the first undecodable byte.
WICUDecoder *wicu_decoder_open(const char *charset, int32_t *error);
void wicu_decoder_close(WICUDecoder *decoder);
/// Decodes `length` bytes into `out`. Returns the number of UTF-16 units written (the caller gives
/// `capacity` >= 2 * length + 2). On an undecodable sequence, *error > 0 and *badOffset is the
/// offset, within this call's input, of the first bad byte — negative when that sequence began in
/// an earlier call's bytes. `flush` != 0 on the last call.
int32_t wicu_decoder_decode(WICUDecoder *decoder, const char *bytes, int32_t length, uint16_t *out,
                            int32_t capacity, int32_t flush, int32_t *badOffset, int32_t *error);

// MARK: Normalisation (unorm2)

/// NFKC with case folding (ICU's NFKC_Casefold) of UTF-16 `text` into `out`. Returns the length
/// written, or the length needed when it exceeds `capacity` (then *error is 15, buffer overflow).
int32_t wicu_nfkc_casefold(const uint16_t *text, int32_t length, uint16_t *out, int32_t capacity, int32_t *error);
/// Locale-aware lower-casing (u_strToLower): with "tr" or "az", `I` becomes dotless `ı` and `İ` becomes `i`.
/// Returns the length written, or needed (then *error is 15).
int32_t wicu_to_lower(const uint16_t *text, int32_t length, uint16_t *out, int32_t capacity, const char *locale, int32_t *error);

/// Scripts (uscript): a code point's script code (-1 on failure; 0 Common, 1 Inherited), and a
/// code's ISO 15924 short name ("Arab") and English name ("Arabic"); NULL for an unknown code.
int32_t wicu_script_of(uint32_t c);
const char *wicu_script_short_name(int32_t code);
const char *wicu_script_name(int32_t code);

#ifdef __cplusplus
}
#endif

#endif
