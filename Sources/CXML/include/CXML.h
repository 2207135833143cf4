// A narrow C interface to libxml2's streaming reader (xmlTextReader) for Werger's TMX and XLIFF
// readers. Like CICU, the header includes only <stdint.h>: libxml2's headers stay out of Swift
// (the toolchain's FoundationXML carries its own view of them).
//
// The reader never loads a DTD, never fetches anything over the network and never substitutes
// entities; libxml2's own limits stop entity-expansion bombs with an error.
#ifndef WERGER_CXML_H
#define WERGER_CXML_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct WXMLReader WXMLReader;

/// Node types, as libxml2 numbers them.
enum {
    WXML_ELEMENT = 1, WXML_TEXT = 3, WXML_CDATA = 4, WXML_WHITESPACE = 13, WXML_SIGNIFICANT_WHITESPACE = 14,
    WXML_END_ELEMENT = 15
};

/// Opens `path` for streaming. Returns NULL when the file cannot be opened.
WXMLReader *wxml_open_file(const char *path);
void wxml_close(WXMLReader *reader);

/// Moves to the next node: 1 on success, 0 at the end, -1 on a parse error (see wxml_error_*).
int32_t wxml_read(WXMLReader *reader);
int32_t wxml_node_type(WXMLReader *reader);
int32_t wxml_depth(WXMLReader *reader);
int32_t wxml_is_empty_element(WXMLReader *reader);
/// The node's qualified name, or its value (text nodes); NUL-terminated, valid until the next read.
const char *wxml_name(WXMLReader *reader);
const char *wxml_value(WXMLReader *reader);
/// An attribute of the current element by qualified name (e.g. "xml:lang"), or NULL. Free with wxml_free.
char *wxml_attribute(WXMLReader *reader, const char *name);
void wxml_free(char *string);
/// The line of the current node (1-based), or 0 when unknown.
int32_t wxml_line(WXMLReader *reader);
/// The first parse error: its line, column and message (NUL-terminated; empty when none).
int32_t wxml_error_line(WXMLReader *reader);
int32_t wxml_error_column(WXMLReader *reader);
const char *wxml_error_message(WXMLReader *reader);
/// Reads the `<seg>` element at the cursor in one call: *text gets its text with inline codes
/// (bpt, ept, ph, it, ut — and the `<sub>` text inside them) left out and `<hi>` text kept; *markup
/// gets its inner XML when it holds any element, else NULL. Free both with wxml_free. Returns 0;
/// 1 when the segment uses an entity whose text is not in the document (nothing is fetched); -1 on a
/// parse error.
/// The cursor stays on the `<seg>`; the following reads walk its content.
int32_t wxml_read_segment(WXMLReader *reader, char **text, char **markup);
/// Bytes of the input consumed so far (for progress reports).
int64_t wxml_bytes_consumed(WXMLReader *reader);

#ifdef __cplusplus
}
#endif

#endif
