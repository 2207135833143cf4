#include "CXML.h"

#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/tree.h>

struct WXMLReader {
    xmlTextReaderPtr reader;
    int errorLine;
    int errorColumn;
    char errorMessage[512];
};

static void record_error(void *context, xmlErrorPtr error) {
    struct WXMLReader *handle = context;
    // Warnings (a relative namespace URI, say) do not make a document unreadable.
    if (error == NULL || error->level < XML_ERR_ERROR || handle->errorMessage[0] != '\0') return;  // keep the first error
    handle->errorLine = error->line;
    handle->errorColumn = error->int2;
    const char *message = error->message ? error->message : "malformed XML";
    strncpy(handle->errorMessage, message, sizeof handle->errorMessage - 1);
    handle->errorMessage[sizeof handle->errorMessage - 1] = '\0';
    size_t length = strlen(handle->errorMessage);
    while (length > 0 && (handle->errorMessage[length - 1] == '\n' || handle->errorMessage[length - 1] == ' ')) {
        handle->errorMessage[--length] = '\0';
    }
}

// No DTD loading, no network, no entity substitution; libxml2's default limits (no XML_PARSE_HUGE)
// refuse entity-expansion bombs.
// BIG_LINES: line numbers past 65535 in error messages and diagnostics.
static const int options = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES;

static WXMLReader *wrap(xmlTextReaderPtr reader) {
    if (reader == NULL) return NULL;
    WXMLReader *handle = calloc(1, sizeof *handle);
    if (handle == NULL) { xmlFreeTextReader(reader); return NULL; }
    handle->reader = reader;
    xmlTextReaderSetStructuredErrorHandler(reader, record_error, handle);
    return handle;
}

WXMLReader *wxml_open_file(const char *path) {
    return wrap(xmlReaderForFile(path, NULL, options));
}

void wxml_close(WXMLReader *reader) {
    if (reader == NULL) return;
    xmlFreeTextReader(reader->reader);
    free(reader);
}

int32_t wxml_read(WXMLReader *reader) {
    int result = xmlTextReaderRead(reader->reader);
    if (result < 0 && reader->errorMessage[0] == '\0') {
        strcpy(reader->errorMessage, "malformed XML");
        reader->errorLine = xmlTextReaderGetParserLineNumber(reader->reader);
        reader->errorColumn = xmlTextReaderGetParserColumnNumber(reader->reader);
    }
    if (result >= 0 && reader->errorMessage[0] != '\0') return -1;
    return result;
}

int32_t wxml_node_type(WXMLReader *reader) { return xmlTextReaderNodeType(reader->reader); }
int32_t wxml_depth(WXMLReader *reader) { return xmlTextReaderDepth(reader->reader); }
int32_t wxml_is_empty_element(WXMLReader *reader) { return xmlTextReaderIsEmptyElement(reader->reader); }

const char *wxml_name(WXMLReader *reader) {
    const xmlChar *name = xmlTextReaderConstName(reader->reader);
    return name ? (const char *)name : "";
}

const char *wxml_value(WXMLReader *reader) {
    const xmlChar *value = xmlTextReaderConstValue(reader->reader);
    return value ? (const char *)value : "";
}

char *wxml_attribute(WXMLReader *reader, const char *name) {
    return (char *)xmlTextReaderGetAttribute(reader->reader, (const xmlChar *)name);
}

void wxml_free(char *string) { if (string) xmlFree(string); }

int32_t wxml_line(WXMLReader *reader) {
    // The node's own line: the parser itself has usually read ahead.
    xmlNodePtr node = xmlTextReaderCurrentNode(reader->reader);
    long line = node ? xmlGetLineNo(node) : -1;
    return line > 0 ? (int32_t)line : xmlTextReaderGetParserLineNumber(reader->reader);
}
int32_t wxml_error_line(WXMLReader *reader) { return reader->errorLine; }
int32_t wxml_error_column(WXMLReader *reader) { return reader->errorColumn; }
const char *wxml_error_message(WXMLReader *reader) { return reader->errorMessage; }


int64_t wxml_bytes_consumed(WXMLReader *reader) { return (int64_t)xmlTextReaderByteConsumed(reader->reader); }

static int is_code(const xmlChar *name) {
    return xmlStrEqual(name, BAD_CAST "bpt") || xmlStrEqual(name, BAD_CAST "ept") || xmlStrEqual(name, BAD_CAST "ph")
        || xmlStrEqual(name, BAD_CAST "it") || xmlStrEqual(name, BAD_CAST "ut");
}

// Appends the text of `node`'s children, leaving inline codes out; notes whether any element occurs.
// An internal entity (declared in the document) contributes its text; any other entity reference
// sets *unresolved, since its text cannot be known without loading something.
static void collect_text(xmlNodePtr node, xmlBufferPtr text, int *hasElements, int *unresolved) {
    for (xmlNodePtr child = node->children; child != NULL; child = child->next) {
        if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
            if (child->content) xmlBufferCat(text, child->content);
        } else if (child->type == XML_ENTITY_REF_NODE) {
            xmlEntityPtr entity = xmlGetDocEntity(child->doc, child->name);
            if (entity != NULL && entity->etype == XML_INTERNAL_GENERAL_ENTITY && entity->content != NULL) {
                xmlBufferCat(text, entity->content);
            } else {
                *unresolved = 1;
            }
        } else if (child->type == XML_ELEMENT_NODE) {
            *hasElements = 1;
            if (!is_code(child->name)) collect_text(child, text, hasElements, unresolved);
        }
    }
}

int32_t wxml_read_segment(WXMLReader *reader, char **text, char **markup) {
    *text = NULL;
    *markup = NULL;
    xmlNodePtr node = xmlTextReaderExpand(reader->reader);
    if (node == NULL) return -1;
    xmlBufferPtr buffer = xmlBufferCreate();
    if (buffer == NULL) return -1;
    int hasElements = 0;
    int unresolved = 0;
    collect_text(node, buffer, &hasElements, &unresolved);
    *text = (char *)xmlStrdup(xmlBufferContent(buffer));
    xmlBufferFree(buffer);
    if (hasElements) *markup = (char *)xmlTextReaderReadInnerXml(reader->reader);
    return unresolved ? 1 : 0;
}
