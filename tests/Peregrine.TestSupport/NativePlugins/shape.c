/*
 * shape: a plugin whose exported symbols and static answers are chosen at compile time, to
 * reproduce every load-time check (missing symbols, versions, half capabilities, bad JSON...).
 * With no defines it exports only the eight required symbols (and so has no capability).
 *
 * Answers (string defines are C string literals):
 *   SHAPE_API_VERSION "3.0.0"   SHAPE_VERSION "0.1.0"   SHAPE_NAME "shape"
 *   SHAPE_NULL_API_VERSION      get_required_api_version returns NULL
 * Leave a required symbol out: SHAPE_OMIT_<SYMBOL>, e.g. SHAPE_OMIT_GET_CONTACT.
 * Optional symbols, exported only when defined:
 *   SHAPE_OPEN, SHAPE_CLOSE, SHAPE_NEXT_BATCH (returns EOF), SHAPE_ID <n>, SHAPE_EVENT_SOURCE "s",
 *   SHAPE_FIELDS "json" (or SHAPE_FIELDS_NULL), SHAPE_EXTRACT (fails), SHAPE_EXTRACT_SOURCES "json",
 *   SHAPE_EXTRACT_TYPES (returns 322 and 402), SHAPE_PARSE, SHAPE_PARSE_SOURCES "json",
 *   SHAPE_ASYNC_EVENTS "json", SHAPE_ASYNC_HANDLER, SHAPE_ASYNC_SOURCES "json",
 *   SHAPE_CAPTURE_OPEN, SHAPE_CAPTURE_CLOSE,
 *   SHAPE_INIT_SCHEMA "text" with SHAPE_INIT_SCHEMA_TYPE <n> (default 1),
 *   SHAPE_OPEN_PARAMS "json" with SHAPE_OPEN_PARAMS_RC <rc> (default 0).
 * Behaviour: SHAPE_INIT_FAIL "msg" (init fails, state returned), SHAPE_INIT_FAIL_NULL (init fails,
 * NULL state), SHAPE_UNDEFINED_SYMBOL (references a symbol nothing defines: RTLD_NOW fails).
 */
#include "peregrine_plugin_api.h"
#include "fixture_util.h"

#ifndef SHAPE_API_VERSION
#define SHAPE_API_VERSION "3.0.0"
#endif
#ifndef SHAPE_VERSION
#define SHAPE_VERSION "0.1.0"
#endif
#ifndef SHAPE_NAME
#define SHAPE_NAME "shape"
#endif
#ifndef SHAPE_INIT_SCHEMA_TYPE
#define SHAPE_INIT_SCHEMA_TYPE 1
#endif
#ifndef SHAPE_OPEN_PARAMS_RC
#define SHAPE_OPEN_PARAMS_RC 0
#endif

typedef struct shape_state {
	char lasterr[PRG_MAX_ERRLEN];
} shape_state;

#ifdef SHAPE_UNDEFINED_SYMBOL
extern int peregrine_symbol_that_does_not_exist(void);
#endif

#ifndef SHAPE_OMIT_GET_REQUIRED_API_VERSION
FX_EXPORT const char* plugin_get_required_api_version(void) {
#ifdef SHAPE_NULL_API_VERSION
	return NULL;
#else
	return SHAPE_API_VERSION;
#endif
}
#endif

#ifndef SHAPE_OMIT_GET_VERSION
FX_EXPORT const char* plugin_get_version(void) { return SHAPE_VERSION; }
#endif

#ifndef SHAPE_OMIT_GET_NAME
FX_EXPORT const char* plugin_get_name(void) { return SHAPE_NAME; }
#endif

#ifndef SHAPE_OMIT_GET_DESCRIPTION
FX_EXPORT const char* plugin_get_description(void) { return "a plugin of configurable shape"; }
#endif

#ifndef SHAPE_OMIT_GET_CONTACT
FX_EXPORT const char* plugin_get_contact(void) { return "peregrine tests"; }
#endif

#ifndef SHAPE_OMIT_INIT
FX_EXPORT ss_plugin_t* plugin_init(const ss_plugin_init_input* in, ss_plugin_rc* rc) {
	(void)in;
#ifdef SHAPE_UNDEFINED_SYMBOL
	peregrine_symbol_that_does_not_exist();
#endif
#ifdef SHAPE_INIT_FAIL_NULL
	*rc = SS_PLUGIN_FAILURE;
	return NULL;
#else
	shape_state* st = (shape_state*)calloc(1, sizeof(shape_state));
#ifdef SHAPE_INIT_FAIL
	snprintf(st->lasterr, sizeof(st->lasterr), "%s", SHAPE_INIT_FAIL);
	*rc = SS_PLUGIN_FAILURE;
#else
	*rc = SS_PLUGIN_SUCCESS;
#endif
	return st;
#endif
}
#endif

#ifndef SHAPE_OMIT_DESTROY
FX_EXPORT void plugin_destroy(ss_plugin_t* s) { free(s); }
#endif

#ifndef SHAPE_OMIT_GET_LAST_ERROR
FX_EXPORT const char* plugin_get_last_error(ss_plugin_t* s) { return ((shape_state*)s)->lasterr; }
#endif

#ifdef SHAPE_INIT_SCHEMA
FX_EXPORT const char* plugin_get_init_schema(ss_plugin_schema_type* type) {
	*type = (ss_plugin_schema_type)SHAPE_INIT_SCHEMA_TYPE;
	return SHAPE_INIT_SCHEMA;
}
#endif

#ifdef SHAPE_ID
FX_EXPORT uint32_t plugin_get_id(void) { return SHAPE_ID; }
#endif

#ifdef SHAPE_EVENT_SOURCE
FX_EXPORT const char* plugin_get_event_source(void) { return SHAPE_EVENT_SOURCE; }
#endif

#ifdef SHAPE_OPEN
FX_EXPORT ss_instance_t* plugin_open(ss_plugin_t* s, const char* params, ss_plugin_rc* rc) {
	(void)s;
	(void)params;
	*rc = SS_PLUGIN_SUCCESS;
	return calloc(1, 8);
}
#endif

#ifdef SHAPE_CLOSE
FX_EXPORT void plugin_close(ss_plugin_t* s, ss_instance_t* h) {
	(void)s;
	free(h);
}
#endif

#ifdef SHAPE_NEXT_BATCH
FX_EXPORT ss_plugin_rc plugin_next_batch(ss_plugin_t* s, ss_instance_t* h, uint32_t* nevts, ss_plugin_event*** evts) {
	(void)s;
	(void)h;
	*nevts = 0;
	*evts = NULL;
	return SS_PLUGIN_EOF;
}
#endif

#ifdef SHAPE_OPEN_PARAMS
FX_EXPORT const char* plugin_list_open_params(ss_plugin_t* s, ss_plugin_rc* rc) {
	shape_state* st = (shape_state*)s;
	snprintf(st->lasterr, sizeof(st->lasterr), "open params unavailable");
	*rc = (ss_plugin_rc)SHAPE_OPEN_PARAMS_RC;
	return SHAPE_OPEN_PARAMS;
}
#endif

#if defined(SHAPE_FIELDS) || defined(SHAPE_FIELDS_NULL)
FX_EXPORT const char* plugin_get_fields(void) {
#ifdef SHAPE_FIELDS_NULL
	return NULL;
#else
	return SHAPE_FIELDS;
#endif
}
#endif

#ifdef SHAPE_EXTRACT
FX_EXPORT ss_plugin_rc plugin_extract_fields(ss_plugin_t* s, const ss_plugin_event_input* evt, const ss_plugin_field_extract_input* in) {
	(void)evt;
	(void)in;
	snprintf(((shape_state*)s)->lasterr, PRG_MAX_ERRLEN, "shape cannot extract");
	return SS_PLUGIN_FAILURE;
}
#endif

#ifdef SHAPE_EXTRACT_SOURCES
FX_EXPORT const char* plugin_get_extract_event_sources(void) { return SHAPE_EXTRACT_SOURCES; }
#endif

#ifdef SHAPE_EXTRACT_TYPES
FX_EXPORT uint16_t* plugin_get_extract_event_types(uint32_t* numtypes, ss_plugin_t* s) {
	static uint16_t types[] = {402, 322};
	(void)s;
	*numtypes = 2;
	return types;
}
#endif

#ifdef SHAPE_PARSE
FX_EXPORT ss_plugin_rc plugin_parse_event(ss_plugin_t* s, const ss_plugin_event_input* evt, const ss_plugin_event_parse_input* in) {
	(void)s;
	(void)evt;
	(void)in;
	return SS_PLUGIN_SUCCESS;
}
#endif

#ifdef SHAPE_PARSE_SOURCES
FX_EXPORT const char* plugin_get_parse_event_sources(void) { return SHAPE_PARSE_SOURCES; }
#endif

#ifdef SHAPE_ASYNC_EVENTS
FX_EXPORT const char* plugin_get_async_events(void) { return SHAPE_ASYNC_EVENTS; }
#endif

#ifdef SHAPE_ASYNC_SOURCES
FX_EXPORT const char* plugin_get_async_event_sources(void) { return SHAPE_ASYNC_SOURCES; }
#endif

#ifdef SHAPE_ASYNC_HANDLER
FX_EXPORT ss_plugin_rc plugin_set_async_event_handler(ss_plugin_t* s, ss_plugin_owner_t* owner, const ss_plugin_async_event_handler_t handler) {
	(void)s;
	(void)owner;
	(void)handler;
	return SS_PLUGIN_SUCCESS;
}
#endif

#ifdef SHAPE_CAPTURE_OPEN
FX_EXPORT ss_plugin_rc plugin_capture_open(ss_plugin_t* s, const ss_plugin_capture_listen_input* i) {
	(void)s;
	(void)i;
	return SS_PLUGIN_SUCCESS;
}
#endif

#ifdef SHAPE_CAPTURE_CLOSE
FX_EXPORT ss_plugin_rc plugin_capture_close(ss_plugin_t* s, const ss_plugin_capture_listen_input* i) {
	(void)s;
	(void)i;
	return SS_PLUGIN_SUCCESS;
}
#endif
