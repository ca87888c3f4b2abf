/*
 * v2_source: an API 2.0 (Falco 0.33 era) sourcing plugin, ID 998, source "legacy". Each event
 * payload is a uint64 counter value. next_batch returns a contiguous array of 2.0 events.
 *
 * Init config: a plain string, "start=N" (no schema).
 * Open params, "key=value" joined by ',': count=N (default 10), batch=N (default 64),
 * ts=now (UINT64_MAX timestamps), eof_with_last=1, fail_after=N (as in the counter plugin).
 */
#include "peregrine_plugin_api_v2.h"
#include "fixture_util.h"

typedef struct v2_state {
	char lasterr[2048];
	uint64_t start;
	char to_string_buf[128];
	uint64_t u64_result;
	const char* str_result;
	char str_buf[64];
} v2_state;

typedef struct v2_instance {
	uint64_t count, produced, batch, fail_after;
	int ts_now, eof_with_last;
	uint64_t start;
	uint64_t* payloads;
	ss_plugin_event* events;
	char progress[64];
} v2_instance;

FX_EXPORT const char* plugin_get_required_api_version(void) { return PRG_API_VERSION_STR; }
FX_EXPORT const char* plugin_get_version(void) { return "0.2.0"; }
FX_EXPORT const char* plugin_get_name(void) { return "legacy_source"; }
FX_EXPORT const char* plugin_get_description(void) { return "an API 2.0 source"; }
FX_EXPORT const char* plugin_get_contact(void) { return "peregrine tests"; }
FX_EXPORT uint32_t plugin_get_id(void) { return 998; }
FX_EXPORT const char* plugin_get_event_source(void) { return "legacy"; }

FX_EXPORT const char* plugin_get_fields(void) {
	return "[{\"type\":\"uint64\",\"name\":\"legacy.value\",\"desc\":\"the value\"},"
	       "{\"type\":\"string\",\"name\":\"legacy.text\",\"desc\":\"legacy-<n>\"}]";
}

FX_EXPORT ss_plugin_t* plugin_init(const char* config, ss_plugin_rc* rc) {
	v2_state* st = (v2_state*)calloc(1, sizeof(v2_state));
	st->start = fx_param_u64(config ? config : "", "start", 0);
	*rc = SS_PLUGIN_SUCCESS;
	return st;
}

FX_EXPORT void plugin_destroy(ss_plugin_t* s) { free(s); }
FX_EXPORT const char* plugin_get_last_error(ss_plugin_t* s) { return ((v2_state*)s)->lasterr; }

FX_EXPORT ss_instance_t* plugin_open(ss_plugin_t* s, const char* params, ss_plugin_rc* rc) {
	v2_state* st = (v2_state*)s;
	const char* p = params ? params : "";
	v2_instance* in = (v2_instance*)calloc(1, sizeof(v2_instance));
	in->count = fx_param_u64(p, "count", 10);
	in->batch = fx_param_u64(p, "batch", 64);
	in->fail_after = fx_param_u64(p, "fail_after", 0);
	in->eof_with_last = (int)fx_param_u64(p, "eof_with_last", 0);
	in->start = st->start;
	char buf[16];
	in->ts_now = fx_param_str(p, "ts", buf, sizeof(buf)) && strcmp(buf, "now") == 0;
	in->payloads = (uint64_t*)calloc(in->batch, sizeof(uint64_t));
	in->events = (ss_plugin_event*)calloc(in->batch, sizeof(ss_plugin_event));
	*rc = SS_PLUGIN_SUCCESS;
	return in;
}

FX_EXPORT void plugin_close(ss_plugin_t* s, ss_instance_t* h) {
	(void)s;
	v2_instance* in = (v2_instance*)h;
	if(in != NULL) {
		free(in->payloads);
		free(in->events);
		free(in);
	}
}

FX_EXPORT ss_plugin_rc plugin_next_batch(ss_plugin_t* s, ss_instance_t* h, uint32_t* nevts, ss_plugin_event** evts) {
	v2_state* st = (v2_state*)s;
	v2_instance* in = (v2_instance*)h;
	*evts = in->events;
	if(in->produced >= in->count) {
		*nevts = 0;
		return SS_PLUGIN_EOF;
	}
	uint64_t n = in->count - in->produced;
	if(n > in->batch) {
		n = in->batch;
	}
	if(in->fail_after > in->produced && in->produced + n > in->fail_after) {
		n = in->fail_after - in->produced;
	}
	for(uint64_t i = 0; i < n; i++) {
		uint64_t value = in->start + in->produced + i;
		in->payloads[i] = value;
		in->events[i].evtnum = 0;
		in->events[i].data = (const uint8_t*)&in->payloads[i];
		in->events[i].datalen = sizeof(uint64_t);
		in->events[i].ts = in->ts_now ? UINT64_MAX : 2000000000000000000ULL + value;
	}
	in->produced += n;
	*nevts = (uint32_t)n;
	if(in->fail_after != 0 && in->produced >= in->fail_after) {
		snprintf(st->lasterr, sizeof(st->lasterr), "legacy source failed after %llu events", (unsigned long long)in->produced);
		return SS_PLUGIN_FAILURE;
	}
	if(in->eof_with_last && in->produced >= in->count) {
		return SS_PLUGIN_EOF;
	}
	return SS_PLUGIN_SUCCESS;
}

FX_EXPORT const char* plugin_get_progress(ss_plugin_t* s, ss_instance_t* h, uint32_t* progress_pct) {
	(void)s;
	v2_instance* in = (v2_instance*)h;
	*progress_pct = in->count == 0 ? 10000 : (uint32_t)(in->produced * 10000 / in->count);
	snprintf(in->progress, sizeof(in->progress), "legacy %llu/%llu", (unsigned long long)in->produced, (unsigned long long)in->count);
	return in->progress;
}

FX_EXPORT const char* plugin_event_to_string(ss_plugin_t* s, const ss_plugin_event* evt) {
	v2_state* st = (v2_state*)s;
	uint64_t value = 0;
	if(evt->datalen == sizeof(uint64_t)) {
		memcpy(&value, evt->data, sizeof(value));
	}
	snprintf(st->to_string_buf, sizeof(st->to_string_buf), "legacy value=%llu evtnum=%llu ts=%llu",
	         (unsigned long long)value, (unsigned long long)evt->evtnum, (unsigned long long)evt->ts);
	return st->to_string_buf;
}

FX_EXPORT ss_plugin_rc plugin_extract_fields(ss_plugin_t* s, const ss_plugin_event* evt, uint32_t num_fields, ss_plugin_extract_field* fields) {
	v2_state* st = (v2_state*)s;
	uint64_t value = 0;
	if(evt->datalen == sizeof(uint64_t)) {
		memcpy(&value, evt->data, sizeof(value));
	}
	/* Two result slots are enough: Falco 0.33 asks for one field per call. */
	for(uint32_t i = 0; i < num_fields; i++) {
		ss_plugin_extract_field* f = &fields[i];
		f->res_len = 1;
		if(f->field_id == 0) {
			st->u64_result = value;
			f->res.u64 = &st->u64_result;
		} else {
			snprintf(st->str_buf, sizeof(st->str_buf), "legacy-%llu", (unsigned long long)value);
			st->str_result = st->str_buf;
			f->res.str = &st->str_result;
		}
	}
	return SS_PLUGIN_SUCCESS;
}
