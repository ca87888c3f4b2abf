/*
 * Small helpers shared by the Peregrine C fixture plugins (test code only).
 * Each helper is static so that nothing but the plugin_* functions is exported; fixtures are
 * built with -fvisibility=hidden and mark their exports with FX_EXPORT.
 */
#ifndef PEREGRINE_FIXTURE_UTIL_H
#define PEREGRINE_FIXTURE_UTIL_H

#include <ctype.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FX_EXPORT __attribute__((visibility("default")))
#define FX_UNUSED __attribute__((unused))

/* Finds "key=" at the start of a comma-separated "key=value,key=value" list entry. */
static FX_UNUSED const char* fx_param_find(const char* params, const char* key) {
	size_t klen = strlen(key);
	const char* p = params;
	while(p != NULL && *p != '\0') {
		if(strncmp(p, key, klen) == 0 && p[klen] == '=') {
			return p + klen + 1;
		}
		p = strchr(p, ',');
		if(p != NULL) {
			p++;
		}
	}
	return NULL;
}

static FX_UNUSED uint64_t fx_param_u64(const char* params, const char* key, uint64_t def) {
	const char* v = fx_param_find(params, key);
	return v == NULL ? def : strtoull(v, NULL, 10);
}

/* Copies the value of key (up to the next comma) into out; returns 1 when the key is present. */
static FX_UNUSED int fx_param_str(const char* params, const char* key, char* out, size_t outlen) {
	const char* v = fx_param_find(params, key);
	if(v == NULL) {
		return 0;
	}
	size_t n = strcspn(v, ",");
	if(n >= outlen) {
		n = outlen - 1;
	}
	memcpy(out, v, n);
	out[n] = '\0';
	return 1;
}

/* Minimal JSON lookups for flat objects written by the tests: finds "key" then its value. */
static FX_UNUSED const char* fx_json_value(const char* json, const char* key) {
	char pattern[128];
	snprintf(pattern, sizeof(pattern), "\"%s\"", key);
	const char* p = json != NULL ? strstr(json, pattern) : NULL;
	if(p == NULL) {
		return NULL;
	}
	p += strlen(pattern);
	while(isspace((unsigned char)*p)) {
		p++;
	}
	if(*p != ':') {
		return NULL;
	}
	p++;
	while(isspace((unsigned char)*p)) {
		p++;
	}
	return p;
}

static FX_UNUSED uint64_t fx_json_u64(const char* json, const char* key, uint64_t def) {
	const char* v = fx_json_value(json, key);
	return v == NULL ? def : strtoull(v, NULL, 10);
}

static FX_UNUSED int fx_json_bool(const char* json, const char* key, int def) {
	const char* v = fx_json_value(json, key);
	if(v == NULL) {
		return def;
	}
	return strncmp(v, "true", 4) == 0;
}

/* Copies a string value (no escape handling); returns 1 when the key holds a string. */
static FX_UNUSED int fx_json_str(const char* json, const char* key, char* out, size_t outlen) {
	const char* v = fx_json_value(json, key);
	if(v == NULL || *v != '"') {
		return 0;
	}
	v++;
	size_t n = strcspn(v, "\"");
	if(n >= outlen) {
		n = outlen - 1;
	}
	memcpy(out, v, n);
	out[n] = '\0';
	return 1;
}

/* Writes a plugin event (type 322, params [plugin id, payload]); returns its length. */
static FX_UNUSED uint32_t fx_write_plugin_event(uint8_t* buf, uint64_t ts, uint32_t plugin_id, const void* payload, uint32_t len) {
	uint32_t total = 38 + len;
	uint64_t tid = UINT64_MAX;
	uint16_t type = 322;
	uint32_t nparams = 2;
	uint32_t idlen = 4;
	memcpy(buf + 0, &ts, 8);
	memcpy(buf + 8, &tid, 8);
	memcpy(buf + 16, &total, 4);
	memcpy(buf + 20, &type, 2);
	memcpy(buf + 22, &nparams, 4);
	memcpy(buf + 26, &idlen, 4);
	memcpy(buf + 30, &len, 4);
	memcpy(buf + 34, &plugin_id, 4);
	if(len > 0) {
		memcpy(buf + 38, payload, len);
	}
	return total;
}

/* Reads the uint64 payload of a plugin event written by the fixtures; 0 for anything else. */
static FX_UNUSED uint64_t fx_read_u64_payload(const uint8_t* evt) {
	uint16_t type;
	uint32_t len;
	uint64_t value = 0;
	memcpy(&type, evt + 20, 2);
	memcpy(&len, evt + 16, 4);
	if(type == 322 && len >= 46) {
		memcpy(&value, evt + 38, 8);
	}
	return value;
}

/* A bump allocator for extraction results: reset before each extract call, so results stay
 * valid until the next call, as the ABI requires. */
typedef struct fx_arena {
	uint8_t data[64 * 1024];
	size_t used;
} fx_arena;

static FX_UNUSED void* fx_arena_alloc(fx_arena* a, size_t size) {
	size_t start = (a->used + 7) & ~(size_t)7;
	if(start + size > sizeof(a->data)) {
		return NULL;
	}
	a->used = start + size;
	return a->data + start;
}

static FX_UNUSED const char* fx_arena_strdup(fx_arena* a, const char* s) {
	size_t n = strlen(s) + 1;
	char* p = (char*)fx_arena_alloc(a, n);
	if(p != NULL) {
		memcpy(p, s, n);
	}
	return p;
}

#endif /* PEREGRINE_FIXTURE_UTIL_H */
