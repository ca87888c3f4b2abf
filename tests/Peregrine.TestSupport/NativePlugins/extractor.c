/*
 * extractor: an API 3.x extraction-only plugin covering every field type, arguments (index, key,
 * both, required and optional), list fields (including an always-empty list), several extract
 * sources ("counter" and "other"), a field that fails, and probes of what the host passes in.
 * Values derive from the uint64 payload n of the counter plugin's events (0 for other events).
 * It exports no get_extract_event_types, so the host's default applies (plugin events only).
 */
#include "peregrine_plugin_api.h"
#include "fixture_util.h"

typedef struct extractor_state {
	char lasterr[PRG_MAX_ERRLEN];
	fx_arena arena;
	uint64_t calls;
} extractor_state;

enum {
	EX_STR, EX_U64, EX_RELTIME, EX_ABSTIME, EX_BOOL, EX_IPV4, EX_IPV6, EX_NET,
	EX_STRLIST, EX_U64LIST, EX_BOOLLIST, EX_IPLIST, EX_EMPTYLIST,
	EX_IDX, EX_KEY, EX_OPT, EX_BOTH, EX_MAYBE, EX_EVTNUM, EX_SRC, EX_HIDDEN,
	EX_TABLES, EX_FAIL, EX_INPUT, EX_CALLS, EX_COUNT
};

static const char* extractor_fields =
        "["
        "{\"type\":\"string\",\"name\":\"ex.str\",\"desc\":\"value-<n>\"},"
        "{\"type\":\"uint64\",\"name\":\"ex.u64\",\"desc\":\"n*2\"},"
        "{\"type\":\"reltime\",\"name\":\"ex.reltime\",\"desc\":\"n*1000 ns\"},"
        "{\"type\":\"abstime\",\"name\":\"ex.abstime\",\"desc\":\"the event timestamp\"},"
        "{\"type\":\"bool\",\"name\":\"ex.bool\",\"desc\":\"n is even\"},"
        "{\"type\":\"ipaddr\",\"name\":\"ex.ipv4\",\"desc\":\"10.0.0.(n%256)\"},"
        "{\"type\":\"ipaddr\",\"name\":\"ex.ipv6\",\"desc\":\"2001:db8::(n%256)\"},"
        "{\"type\":\"ipnet\",\"name\":\"ex.net\",\"desc\":\"192.168.0.0\"},"
        "{\"type\":\"string\",\"name\":\"ex.strlist\",\"desc\":\"[a, b, value-<n>]\",\"isList\":true},"
        "{\"type\":\"uint64\",\"name\":\"ex.u64list\",\"desc\":\"[n, n+1, n+2]\",\"isList\":true},"
        "{\"type\":\"bool\",\"name\":\"ex.boollist\",\"desc\":\"[true, false]\",\"isList\":true},"
        "{\"type\":\"ipaddr\",\"name\":\"ex.iplist\",\"desc\":\"[127.0.0.1, ::1]\",\"isList\":true},"
        "{\"type\":\"string\",\"name\":\"ex.emptylist\",\"desc\":\"always empty\",\"isList\":true},"
        "{\"type\":\"string\",\"name\":\"ex.idx\",\"desc\":\"idx-<i> for i<10\",\"arg\":{\"isIndex\":true,\"isRequired\":true}},"
        "{\"type\":\"string\",\"name\":\"ex.key\",\"desc\":\"key-<k>\",\"arg\":{\"isKey\":true,\"isRequired\":true}},"
        "{\"type\":\"string\",\"name\":\"ex.opt\",\"desc\":\"opt-<k> or opt-none\",\"arg\":{\"isKey\":true}},"
        "{\"type\":\"string\",\"name\":\"ex.both\",\"desc\":\"index and key as received\",\"arg\":{\"isIndex\":true,\"isKey\":true}},"
        "{\"type\":\"uint64\",\"name\":\"ex.maybe\",\"desc\":\"n when n is odd\"},"
        "{\"type\":\"uint64\",\"name\":\"ex.evtnum\",\"desc\":\"the event number\"},"
        "{\"type\":\"string\",\"name\":\"ex.src\",\"desc\":\"the event source\"},"
        "{\"type\":\"string\",\"name\":\"ex.hidden\",\"desc\":\"a hidden field\",\"display\":\"Hidden\","
        "\"properties\":[\"hidden\",\"info\",\"conversation\",\"other\"],\"addOutput\":true},"
        "{\"type\":\"string\",\"name\":\"ex.tables\",\"desc\":\"what the table reader answered\"},"
        "{\"type\":\"string\",\"name\":\"ex.fail\",\"desc\":\"makes the call fail\"},"
        "{\"type\":\"string\",\"name\":\"ex.input\",\"desc\":\"the request as received\",\"isList\":true},"
        "{\"type\":\"uint64\",\"name\":\"ex.calls\",\"desc\":\"extract_fields calls so far\"}"
        "]";

FX_EXPORT const char* plugin_get_required_api_version(void) { return PRG_API_VERSION_STR; }
FX_EXPORT const char* plugin_get_version(void) { return "0.4.0"; }
FX_EXPORT const char* plugin_get_name(void) { return "extractor"; }
FX_EXPORT const char* plugin_get_description(void) { return "extracts every field type"; }
FX_EXPORT const char* plugin_get_contact(void) { return "peregrine tests"; }
FX_EXPORT const char* plugin_get_fields(void) { return extractor_fields; }
FX_EXPORT const char* plugin_get_extract_event_sources(void) { return "[\"counter\",\"other\",\"\"]"; }

FX_EXPORT ss_plugin_t* plugin_init(const ss_plugin_init_input* in, ss_plugin_rc* rc) {
	(void)in;
	*rc = SS_PLUGIN_SUCCESS;
	return calloc(1, sizeof(extractor_state));
}

FX_EXPORT void plugin_destroy(ss_plugin_t* s) { free(s); }
FX_EXPORT const char* plugin_get_last_error(ss_plugin_t* s) { return ((extractor_state*)s)->lasterr; }

static int set_u64s(extractor_state* st, ss_plugin_extract_field* f, const uint64_t* values, uint64_t n) {
	uint64_t* v = (uint64_t*)fx_arena_alloc(&st->arena, n * sizeof(uint64_t) + 8);
	if(v == NULL) {
		return 0;
	}
	memcpy(v, values, n * sizeof(uint64_t));
	f->res.u64 = v;
	f->res_len = n;
	return 1;
}

static int set_strs(extractor_state* st, ss_plugin_extract_field* f, const char** values, uint64_t n) {
	const char** v = (const char**)fx_arena_alloc(&st->arena, n * sizeof(char*) + 8);
	if(v == NULL) {
		return 0;
	}
	for(uint64_t i = 0; i < n; i++) {
		v[i] = fx_arena_strdup(&st->arena, values[i]);
	}
	f->res.str = v;
	f->res_len = n;
	return 1;
}

static int set_str(extractor_state* st, ss_plugin_extract_field* f, const char* value) {
	return set_strs(st, f, &value, 1);
}

static int set_bools(extractor_state* st, ss_plugin_extract_field* f, const ss_plugin_bool* values, uint64_t n) {
	ss_plugin_bool* v = (ss_plugin_bool*)fx_arena_alloc(&st->arena, n * sizeof(ss_plugin_bool) + 8);
	if(v == NULL) {
		return 0;
	}
	memcpy(v, values, n * sizeof(ss_plugin_bool));
	f->res.boolean = v;
	f->res_len = n;
	return 1;
}

static int set_bufs(extractor_state* st, ss_plugin_extract_field* f, const uint8_t* const* addrs, const uint32_t* lens, uint64_t n) {
	ss_plugin_byte_buffer* v = (ss_plugin_byte_buffer*)fx_arena_alloc(&st->arena, n * sizeof(ss_plugin_byte_buffer));
	if(v == NULL) {
		return 0;
	}
	for(uint64_t i = 0; i < n; i++) {
		uint8_t* copy = (uint8_t*)fx_arena_alloc(&st->arena, lens[i]);
		memcpy(copy, addrs[i], lens[i]);
		v[i].len = lens[i];
		v[i].ptr = copy;
	}
	f->res.buf = v;
	f->res_len = n;
	return 1;
}

static int extract_one(extractor_state* st, const ss_plugin_event_input* evt, const ss_plugin_field_extract_input* in, ss_plugin_extract_field* f) {
	uint64_t n = fx_read_u64_payload((const uint8_t*)evt->evt);
	char text[512];
	f->res_len = 0;
	switch(f->field_id) {
	case EX_STR:
		snprintf(text, sizeof(text), "value-%llu", (unsigned long long)n);
		return set_str(st, f, text);
	case EX_U64: {
		uint64_t v = n * 2;
		return set_u64s(st, f, &v, 1);
	}
	case EX_RELTIME: {
		uint64_t v = n * 1000;
		return set_u64s(st, f, &v, 1);
	}
	case EX_ABSTIME: {
		uint64_t v = evt->evt->ts;
		return set_u64s(st, f, &v, 1);
	}
	case EX_BOOL: {
		ss_plugin_bool v = n % 2 == 0;
		return set_bools(st, f, &v, 1);
	}
	case EX_IPV4: {
		uint8_t a[4] = {10, 0, 0, (uint8_t)(n % 256)};
		const uint8_t* addrs[] = {a};
		uint32_t lens[] = {4};
		return set_bufs(st, f, addrs, lens, 1);
	}
	case EX_IPV6: {
		uint8_t a[16] = {0x20, 0x01, 0x0d, 0xb8};
		a[15] = (uint8_t)(n % 256);
		const uint8_t* addrs[] = {a};
		uint32_t lens[] = {16};
		return set_bufs(st, f, addrs, lens, 1);
	}
	case EX_NET: {
		uint8_t a[4] = {192, 168, 0, 0};
		const uint8_t* addrs[] = {a};
		uint32_t lens[] = {4};
		return set_bufs(st, f, addrs, lens, 1);
	}
	case EX_STRLIST: {
		snprintf(text, sizeof(text), "value-%llu", (unsigned long long)n);
		const char* values[] = {"a", "b", text};
		return set_strs(st, f, values, 3);
	}
	case EX_U64LIST: {
		uint64_t values[] = {n, n + 1, n + 2};
		return set_u64s(st, f, values, 3);
	}
	case EX_BOOLLIST: {
		ss_plugin_bool values[] = {1, 0};
		return set_bools(st, f, values, 2);
	}
	case EX_IPLIST: {
		uint8_t a[4] = {127, 0, 0, 1};
		uint8_t b[16] = {0};
		b[15] = 1;
		const uint8_t* addrs[] = {a, b};
		uint32_t lens[] = {4, 16};
		return set_bufs(st, f, addrs, lens, 2);
	}
	case EX_EMPTYLIST:
		f->res.str = NULL;
		f->res_len = 0;
		return 1;
	case EX_IDX:
		if(!f->arg_present || f->arg_index >= 10) {
			return 1;
		}
		snprintf(text, sizeof(text), "idx-%llu", (unsigned long long)f->arg_index);
		return set_str(st, f, text);
	case EX_KEY:
		snprintf(text, sizeof(text), "key-%s", f->arg_key ? f->arg_key : "(null)");
		return set_str(st, f, text);
	case EX_OPT:
		if(f->arg_present) {
			snprintf(text, sizeof(text), "opt-%s", f->arg_key ? f->arg_key : "(null)");
		} else {
			snprintf(text, sizeof(text), "opt-none");
		}
		return set_str(st, f, text);
	case EX_BOTH:
		if(f->arg_index == UINT64_MAX) {
			snprintf(text, sizeof(text), "index=none key=%s", f->arg_key ? f->arg_key : "(null)");
		} else {
			snprintf(text, sizeof(text), "index=%llu key=%s", (unsigned long long)f->arg_index, f->arg_key ? f->arg_key : "(null)");
		}
		return set_str(st, f, text);
	case EX_MAYBE:
		if(n % 2 == 1) {
			return set_u64s(st, f, &n, 1);
		}
		return 1;
	case EX_EVTNUM:
		return set_u64s(st, f, &evt->evtnum, 1);
	case EX_SRC:
		return set_str(st, f, evt->evtsrc ? evt->evtsrc : "(null)");
	case EX_HIDDEN:
		return set_str(st, f, "hidden");
	case EX_TABLES: {
		const char* name = in->table_reader_ext->get_table_name(NULL);
		uint64_t size = in->table_reader.get_table_size(NULL);
		const char* err = in->get_owner_last_error(in->owner);
		snprintf(text, sizeof(text), "reader=%s name=%s size=%llu offsets=%s err=%s",
		         in->table_reader_ext ? "set" : "null", name ? name : "null", (unsigned long long)size,
		         in->value_offsets ? "set" : "null", err ? err : "null");
		return set_str(st, f, text);
	}
	case EX_FAIL:
		snprintf(st->lasterr, sizeof(st->lasterr), "ex.fail was requested");
		return 0;
	case EX_INPUT: {
		char a[128], b[128], c[128];
		snprintf(a, sizeof(a), "field=%s id=%u", f->field ? f->field : "(null)", f->field_id);
		snprintf(b, sizeof(b), "ftype=%u flist=%u", f->ftype, f->flist);
		snprintf(c, sizeof(c), "present=%u num_fields=%u", f->arg_present, in->num_fields);
		const char* values[] = {a, b, c};
		return set_strs(st, f, values, 3);
	}
	case EX_CALLS:
		return set_u64s(st, f, &st->calls, 1);
	default:
		snprintf(st->lasterr, sizeof(st->lasterr), "unknown field id %u", f->field_id);
		return 0;
	}
}

FX_EXPORT ss_plugin_rc plugin_extract_fields(ss_plugin_t* s, const ss_plugin_event_input* evt, const ss_plugin_field_extract_input* in) {
	extractor_state* st = (extractor_state*)s;
	st->arena.used = 0;
	st->calls++;
	for(uint32_t i = 0; i < in->num_fields; i++) {
		if(!extract_one(st, evt, in, &in->fields[i])) {
			return SS_PLUGIN_FAILURE;
		}
	}
	return SS_PLUGIN_SUCCESS;
}
