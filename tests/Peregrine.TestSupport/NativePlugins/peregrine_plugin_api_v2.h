/*
 * Peregrine test fixtures: a C description of the Falco plugin ABI, API 2.0 (Falco 0.33/0.34).
 *
 * Written for Peregrine from the documented facts of the ABI; not the upstream header.
 * Differences from 3.x that matter to a plugin: init takes the config string, events are
 * 32-byte payload descriptors returned as a contiguous array, extraction gets one such event
 * and a field array whose flags are C bool.
 */
#ifndef PEREGRINE_PLUGIN_API_V2_H
#define PEREGRINE_PLUGIN_API_V2_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PRG_API_VERSION_STR "2.0.0"

typedef enum ss_plugin_rc {
	SS_PLUGIN_SUCCESS = 0,
	SS_PLUGIN_FAILURE = 1,
	SS_PLUGIN_TIMEOUT = -1,
	SS_PLUGIN_EOF = 2,
	SS_PLUGIN_NOT_SUPPORTED = 3,
} ss_plugin_rc;

typedef enum ss_plugin_field_type {
	FTYPE_UINT64 = 8,
	FTYPE_STRING = 9,
} ss_plugin_field_type;

typedef enum ss_plugin_schema_type {
	SS_PLUGIN_SCHEMA_NONE = 0,
	SS_PLUGIN_SCHEMA_JSON = 1,
} ss_plugin_schema_type;

typedef void ss_plugin_t;
typedef void ss_instance_t;

typedef struct ss_plugin_event {
	uint64_t evtnum;
	const uint8_t* data;
	uint32_t datalen;
	uint64_t ts;
} ss_plugin_event;

typedef struct ss_plugin_extract_field {
	union {
		const char** str;
		uint64_t* u64;
	} res;
	uint64_t res_len;
	uint32_t field_id;
	const char* field;
	const char* arg_key;
	uint64_t arg_index;
	bool arg_present;
	uint32_t ftype;
	bool flist;
} ss_plugin_extract_field;

#ifdef __cplusplus
}
#endif

#endif /* PEREGRINE_PLUGIN_API_V2_H */
