#include "CICU.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ucsdet.h>
#include <unicode/uloc.h>
#include <unicode/ustring.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>

struct WICUBreakIterator { UBreakIterator *iterator; };

WICUBreakIterator *wicu_break_open(int32_t kind, const char *locale, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *iterator = ubrk_open(kind == WICU_BREAK_WORD ? UBRK_WORD : UBRK_SENTENCE,
                                         locale, NULL, 0, &status);
    *error = status;
    if (U_FAILURE(status) || iterator == NULL) return NULL;
    WICUBreakIterator *handle = malloc(sizeof *handle);
    if (handle == NULL) { ubrk_close(iterator); *error = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    handle->iterator = iterator;
    return handle;
}

void wicu_break_close(WICUBreakIterator *iterator) {
    if (iterator == NULL) return;
    ubrk_close(iterator->iterator);
    free(iterator);
}

void wicu_break_set_text(WICUBreakIterator *iterator, const uint16_t *text, int32_t length, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    ubrk_setText(iterator->iterator, (const UChar *)text, length, &status);
    *error = status;
}

int32_t wicu_break_next(WICUBreakIterator *iterator) {
    int32_t next = ubrk_next(iterator->iterator);
    return next == UBRK_DONE ? WICU_BREAK_DONE : next;
}

int32_t wicu_break_rule_status(const WICUBreakIterator *iterator) {
    return ubrk_getRuleStatus(iterator->iterator);
}

int32_t wicu_locale_for_language_tag(const char *tag, char *locale, int32_t capacity, int32_t *parsed, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t length = uloc_forLanguageTag(tag, locale, capacity, parsed, &status);
    *error = status;
    return length;
}

int32_t wicu_locale_to_language_tag(const char *locale, char *tag, int32_t capacity, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t length = uloc_toLanguageTag(locale, tag, capacity, 1, &status);
    *error = status;
    return length;
}

int32_t wicu_locale_add_likely_subtags(const char *locale, char *maximized, int32_t capacity, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t length = uloc_addLikelySubtags(locale, maximized, capacity, &status);
    *error = status;
    return length;
}

int32_t wicu_locale_language(const char *locale, char *out, int32_t capacity, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t length = uloc_getLanguage(locale, out, capacity, &status);
    *error = status;
    return length;
}

int32_t wicu_locale_script(const char *locale, char *out, int32_t capacity, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t length = uloc_getScript(locale, out, capacity, &status);
    *error = status;
    return length;
}

int32_t wicu_locale_region(const char *locale, char *out, int32_t capacity, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t length = uloc_getCountry(locale, out, capacity, &status);
    *error = status;
    return length;
}

int32_t wicu_language_is_known(const char *language) {
    // ICU echoes the code back as the display name when it has no data for a language.
    UChar name[128];
    UErrorCode status = U_ZERO_ERROR;
    int32_t length = uloc_getDisplayLanguage(language, "en", name, 128, &status);
    if (U_FAILURE(status) || length <= 0) return 0;
    size_t codeLength = strlen(language);
    if ((size_t)length != codeLength) return 1;
    for (size_t i = 0; i < codeLength; i++) {
        if (name[i] != (UChar)(unsigned char)language[i]) return 1;
    }
    return 0;
}

int32_t wicu_iso_language_count(void) {
    const char *const *languages = uloc_getISOLanguages();
    int32_t count = 0;
    while (languages[count] != NULL) count++;
    return count;
}

const char *wicu_iso_language(int32_t index) {
    return uloc_getISOLanguages()[index];
}

int32_t wicu_detect_charset(const char *bytes, int32_t length, char *name, int32_t capacity, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UCharsetDetector *detector = ucsdet_open(&status);
    if (U_FAILURE(status)) { *error = status; return -1; }
    ucsdet_setText(detector, bytes, length, &status);
    const UCharsetMatch *match = ucsdet_detect(detector, &status);
    int32_t confidence = -1;
    if (U_SUCCESS(status) && match != NULL) {
        const char *found = ucsdet_getName(match, &status);
        confidence = ucsdet_getConfidence(match, &status);
        if (U_SUCCESS(status) && found != NULL && capacity > 0) {
            strncpy(name, found, (size_t)capacity - 1);
            name[capacity - 1] = '\0';
        }
    }
    ucsdet_close(detector);
    *error = status;
    return U_SUCCESS(status) ? confidence : -1;
}

struct WICUDecoder { UConverter *converter; };

WICUDecoder *wicu_decoder_open(const char *charset, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter *converter = ucnv_open(charset, &status);
    if (U_FAILURE(status) || converter == NULL) { *error = status; return NULL; }
    // Stop at the first undecodable byte instead of inventing U+FFFD: a translator's text must
    // never be changed silently.
    ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
    WICUDecoder *decoder = malloc(sizeof *decoder);
    if (decoder == NULL) { ucnv_close(converter); *error = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    decoder->converter = converter;
    *error = status;
    return decoder;
}

void wicu_decoder_close(WICUDecoder *decoder) {
    if (decoder == NULL) return;
    ucnv_close(decoder->converter);
    free(decoder);
}

int32_t wicu_decoder_decode(WICUDecoder *decoder, const char *bytes, int32_t length, uint16_t *out,
                            int32_t capacity, int32_t flush, int32_t *badOffset, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    const char *source = bytes;
    UChar *target = (UChar *)out;
    ucnv_toUnicode(decoder->converter, &target, (UChar *)out + capacity, &source, bytes + length,
                   NULL, (UBool)(flush != 0), &status);
    *badOffset = -1;
    if (U_FAILURE(status)) {
        // `source` stops just after the offending bytes; step back over them.
        char invalid[32];
        int8_t invalidLength = sizeof invalid;
        UErrorCode ignored = U_ZERO_ERROR;
        ucnv_getInvalidChars(decoder->converter, invalid, &invalidLength, &ignored);
        // Negative when the bad sequence began in an earlier call (held back as incomplete).
        *badOffset = (int32_t)(source - bytes) - (U_SUCCESS(ignored) ? invalidLength : 0);
    }
    *error = status;
    return (int32_t)(target - (UChar *)out);
}

int32_t wicu_nfkc_casefold(const uint16_t *text, int32_t length, uint16_t *out, int32_t capacity, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *normalizer = unorm2_getNFKCCasefoldInstance(&status);
    if (U_FAILURE(status)) { *error = status; return 0; }
    int32_t written = unorm2_normalize(normalizer, (const UChar *)text, length, (UChar *)out, capacity, &status);
    *error = status;
    return written;
}

int32_t wicu_to_lower(const uint16_t *text, int32_t length, uint16_t *out, int32_t capacity, const char *locale, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t written = u_strToLower((UChar *)out, capacity, (const UChar *)text, length, locale, &status);
    *error = status;
    return written;
}

int32_t wicu_script_of(uint32_t c) {
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode code = uscript_getScript((UChar32)c, &status);
    return U_FAILURE(status) ? -1 : (int32_t)code;
}

const char *wicu_script_short_name(int32_t code) { return uscript_getShortName((UScriptCode)code); }

const char *wicu_script_name(int32_t code) { return uscript_getName((UScriptCode)code); }
