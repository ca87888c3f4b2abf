/*
 * v2_extractor: an API 2.0 extraction-only plugin for the "legacy" source. It checks that the
 * host speaks the 2.0 extraction ABI: payload-only events and C bool flags in the field array.
 */
#include "peregrine_plugin_api_v2.h"
#include "fixture_util.h"

typedef struct v2x_state {
	char lasterr[2048];
	uint64_t u64s[64];
	const char* strs[64];
	char texts[64][128];
	const char* list[2];
} v2x_state;

FX_EXPORT const char* plugin_get_required_api_version(void) { return PRG_API_VERSION_STR; }
FX_EXPORT const char* plugin_get_version(void) { return "0.1.0"; }
FX_EXPORT const char* plugin_get_name(void) { return "legacy_extractor"; }
FX_EXPORT const char* plugin_get_description(void) { return "an API 2.0 extractor"; }
FX_EXPORT const char* plugin_get_contact(void) { return "peregrine tests"; }
FX_EXPORT const char* plugin_get_extract_event_sources(void) { return "[\"legacy\"]"; }

FX_EXPORT const char* plugin_get_fields(void) {
	return "["
	       "{\"type\":\"string\",\"name\":\"lx.str\",\"desc\":\"lx-<n>\"},"
	       "{\"type\":\"uint64\",\"name\":\"lx.u64\",\"desc\":\"n+100\"},"
	       "{\"type\":\"string\",\"name\":\"lx.list\",\"desc\":\"[x, y]\",\"isList\":true},"
	       "{\"type\":\"uint64\",\"name\":\"lx.idx\",\"desc\":\"index*10\",\"arg\":{\"isIndex\":true,\"isRequired\":true}},"
	       "{\"type\":\"string\",\"name\":\"lx.key\",\"desc\":\"key=<k>\",\"arg\":{\"isKey\":true,\"isRequired\":true}},"
	       "{\"type\":\"string\",\"name\":\"lx.input\",\"desc\":\"the request and event as received\"}"
	       "]";
}

FX_EXPORT ss_plugin_t* plugin_init(const char* config, ss_plugin_rc* rc) {
	v2x_state* st = (v2x_state*)calloc(1, sizeof(v2x_state));
	if(config != NULL && strcmp(config, "fail") == 0) {
		snprintf(st->lasterr, sizeof(st->lasterr), "legacy extractor init failed");
		*rc = SS_PLUGIN_FAILURE;
		return st;
	}
	*rc = SS_PLUGIN_SUCCESS;
	return st;
}

FX_EXPORT void plugin_destroy(ss_plugin_t* s) { free(s); }
FX_EXPORT const char* plugin_get_last_error(ss_plugin_t* s) { return ((v2x_state*)s)->lasterr; }

FX_EXPORT ss_plugin_rc plugin_extract_fields(ss_plugin_t* s, const ss_plugin_event* evt, uint32_t num_fields, ss_plugin_extract_field* fields) {
	v2x_state* st = (v2x_state*)s;
	uint64_t value = 0;
	if(evt->datalen == sizeof(uint64_t)) {
		memcpy(&value, evt->data, sizeof(value));
	}
	if(num_fields > 64) {
		snprintf(st->lasterr, sizeof(st->lasterr), "too many fields");
		return SS_PLUGIN_FAILURE;
	}
	for(uint32_t i = 0; i < num_fields; i++) {
		ss_plugin_extract_field* f = &fields[i];
		f->res_len = 1;
		switch(f->field_id) {
		case 0:
			snprintf(st->texts[i], sizeof(st->texts[i]), "lx-%llu", (unsigned long long)value);
			st->strs[i] = st->texts[i];
			f->res.str = &st->strs[i];
			break;
		case 1:
			st->u64s[i] = value + 100;
			f->res.u64 = &st->u64s[i];
			break;
		case 2:
			st->list[0] = "x";
			st->list[1] = "y";
			f->res.str = st->list;
			f->res_len = 2;
			break;
		case 3:
			st->u64s[i] = f->arg_index * 10;
			f->res.u64 = &st->u64s[i];
			break;
		case 4:
			snprintf(st->texts[i], sizeof(st->texts[i]), "key=%s", f->arg_key ? f->arg_key : "(null)");
			st->strs[i] = st->texts[i];
			f->res.str = &st->strs[i];
			break;
		default:
			/* Read the flags as single bytes: a 3.x host would have written 4-byte values. */
			snprintf(st->texts[i], sizeof(st->texts[i]), "present=%d index=%llu ftype=%u flist=%d evtnum=%llu ts=%llu datalen=%u",
			         (int)f->arg_present, (unsigned long long)f->arg_index, f->ftype, (int)f->flist,
			         (unsigned long long)evt->evtnum, (unsigned long long)evt->ts, evt->datalen);
			st->strs[i] = st->texts[i];
			f->res.str = &st->strs[i];
			break;
		}
	}
	return SS_PLUGIN_SUCCESS;
}
