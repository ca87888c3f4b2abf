/*
 * counter: an API 3.x sourcing plugin (ID 999, source "counter") that emits a sequence of plugin
 * events whose payload is a uint64 counter value. It is also the benchmark plugin, so the batch
 * path only stores each event's value and timestamp into pre-encoded buffers.
 *
 * Init config (JSON, validated against the schema below by the host):
 *   start      first counter value (default 0)
 *   label      text returned by counter.label
 *   to_string  false makes event_to_string return "" (the host falls back to its own rendering)
 *   fail_init  init fails with this message (the state is returned so the error can be read)
 *   log        false disables the log messages sent at init and destroy
 *
 * Open params, "key=value" joined by ',':
 *   count=N          events in total (default 10)
 *   batch=N          events per batch at most (default 128)
 *   ts=now           stamp events with UINT64_MAX (host fills the time); default: 1e18 + value
 *   timeout_first=N  the first N next_batch calls return TIMEOUT without events
 *   timeout_every=N  every N-th call returns its events together with TIMEOUT
 *   eof_with_last=1  the last events come together with EOF instead of a separate EOF
 *   fail_after=N     the batch that reaches N events is returned together with FAILURE
 *   fail_open=1      open fails
 *   bad=wrong_id|bad_type|bad_nparams|own_id  alter the event at index bad_at (default 0)
 *   empty_success=1  next_batch returns SUCCESS without events (a protocol error)
 *
 * Build define COUNTER_NO_ID: export neither get_id nor get_event_source, making this an ID-0
 * ("syscall" source) plugin whose plugin events are then malformed for lack of an ID.
 */
#include "peregrine_plugin_api.h"
#include "fixture_util.h"

#define COUNTER_ID 999
#define COUNTER_EVENT_LEN (PRG_PLUGIN_EVENT_PAYLOAD_OFFSET + 8)

enum { BAD_NONE, BAD_WRONG_ID, BAD_TYPE, BAD_NPARAMS, BAD_OWN_ID };

typedef struct counter_state {
	char lasterr[PRG_MAX_ERRLEN];
	uint64_t start;
	char label[128];
	int to_string;
	int log;
	char config[512];
	char tables_probe[512];
	char to_string_buf[128];
	ss_plugin_owner_t* owner;
	ss_plugin_log_fn_t log_fn;
	fx_arena arena;
} counter_state;

typedef struct counter_instance {
	uint64_t count;
	uint64_t produced;
	uint64_t batch;
	uint64_t calls;
	uint64_t timeout_first;
	uint64_t timeout_every;
	uint64_t fail_after;
	uint64_t bad_at;
	int ts_now;
	int eof_with_last;
	int bad;
	int empty_success;
	uint64_t start;
	uint8_t* storage;
	ss_plugin_event** events;
	char progress[64];
} counter_instance;

static const char* counter_fields =
        "["
        "{\"type\":\"uint64\",\"name\":\"counter.value\",\"desc\":\"the counter value\",\"display\":\"Value\"},"
        "{\"type\":\"bool\",\"name\":\"counter.even\",\"desc\":\"whether the value is even\"},"
        "{\"type\":\"string\",\"name\":\"counter.label\",\"desc\":\"the label from the init config\"},"
        "{\"type\":\"string\",\"name\":\"counter.config\",\"desc\":\"the init config the plugin received\"},"
        "{\"type\":\"string\",\"name\":\"counter.tables\",\"desc\":\"what the table API answered at init\"},"
        "{\"type\":\"uint64\",\"name\":\"counter.mod\",\"desc\":\"the value modulo the index argument\","
        "\"arg\":{\"isIndex\":true,\"isRequired\":true}}"
        "]";

static const char* counter_schema =
        "{\"type\":\"object\",\"properties\":{"
        "\"start\":{\"type\":\"integer\",\"minimum\":0},"
        "\"label\":{\"type\":\"string\"},"
        "\"to_string\":{\"type\":\"boolean\"},"
        "\"fail_init\":{\"type\":\"string\"},"
        "\"log\":{\"type\":\"boolean\"}"
        "},\"additionalProperties\":false}";

FX_EXPORT const char* plugin_get_required_api_version(void) { return PRG_API_VERSION_STR; }
FX_EXPORT const char* plugin_get_version(void) { return "1.2.3"; }
FX_EXPORT const char* plugin_get_name(void) { return "counter"; }
FX_EXPORT const char* plugin_get_description(void) { return "emits a sequence of counter events"; }
FX_EXPORT const char* plugin_get_contact(void) { return "peregrine tests"; }
#ifndef COUNTER_NO_ID
FX_EXPORT uint32_t plugin_get_id(void) { return COUNTER_ID; }
FX_EXPORT const char* plugin_get_event_source(void) { return "counter"; }
#endif
FX_EXPORT const char* plugin_get_fields(void) { return counter_fields; }

FX_EXPORT const char* plugin_get_init_schema(ss_plugin_schema_type* type) {
	*type = SS_PLUGIN_SCHEMA_JSON;
	return counter_schema;
}

FX_EXPORT uint16_t* plugin_get_extract_event_types(uint32_t* numtypes, ss_plugin_t* s) {
	static uint16_t types[] = {PRG_PLUGIN_EVENT_TYPE};
	(void)s;
	*numtypes = 1;
	return types;
}

static void counter_probe_tables(counter_state* st, const ss_plugin_init_input* in) {
	const ss_plugin_init_tables_input* t = in->tables;
	if(t == NULL) {
		snprintf(st->tables_probe, sizeof(st->tables_probe), "tables=null");
		return;
	}
	/* Walk every table entry point the way SDKs do at init; a defensive host answers each one. */
	uint32_t ntables = 77;
	ss_plugin_table_info* infos = t->list_tables(in->owner, &ntables);
	ss_plugin_table_t* threads = t->get_table(in->owner, "threads", SS_PLUGIN_ST_INT64);
	const char* err = in->get_owner_last_error(in->owner);
	ss_plugin_table_field_t* comm = t->fields_ext->get_table_field(threads, "comm", SS_PLUGIN_ST_STRING);
	ss_plugin_table_field_t* added = t->fields.add_table_field(threads, "extra", SS_PLUGIN_ST_UINT64);
	const char* tname = t->reader_ext->get_table_name(threads);
	uint64_t size = t->reader_ext->get_table_size(threads);
	ss_plugin_rc clear = t->writer_ext->clear_table(threads);
	ss_plugin_rc add = t->add_table(in->owner, NULL);
	snprintf(st->tables_probe, sizeof(st->tables_probe),
	         "tables=ok list=%s n=%u get=%s field=%s added=%s name=%s size=%llu clear=%d add=%d err=%s",
	         infos ? "set" : "null", ntables, threads ? "set" : "null", comm ? "set" : "null",
	         added ? "set" : "null", tname ? tname : "null", (unsigned long long)size, (int)clear,
	         (int)add, err ? err : "null");
}

FX_EXPORT ss_plugin_t* plugin_init(const ss_plugin_init_input* in, ss_plugin_rc* rc) {
	counter_state* st = (counter_state*)calloc(1, sizeof(counter_state));
	const char* config = in->config ? in->config : "";
	snprintf(st->config, sizeof(st->config), "%s", config);
	st->start = fx_json_u64(config, "start", 0);
	if(!fx_json_str(config, "label", st->label, sizeof(st->label))) {
		snprintf(st->label, sizeof(st->label), "none");
	}
	st->to_string = fx_json_bool(config, "to_string", 1);
	st->log = fx_json_bool(config, "log", 1);
	st->owner = in->owner;
	st->log_fn = in->log_fn;
	counter_probe_tables(st, in);
	char fail[256];
	if(fx_json_str(config, "fail_init", fail, sizeof(fail))) {
		snprintf(st->lasterr, sizeof(st->lasterr), "%s", fail);
		*rc = SS_PLUGIN_FAILURE;
		return st;
	}
	if(st->log && st->log_fn) {
		st->log_fn(st->owner, NULL, "initialized", SS_PLUGIN_LOG_SEV_INFO);
		st->log_fn(st->owner, "counter-worker", "worker ready", SS_PLUGIN_LOG_SEV_DEBUG);
	}
	*rc = SS_PLUGIN_SUCCESS;
	return st;
}

FX_EXPORT void plugin_destroy(ss_plugin_t* s) {
	counter_state* st = (counter_state*)s;
	if(st->log && st->log_fn) {
		st->log_fn(st->owner, NULL, "destroyed", SS_PLUGIN_LOG_SEV_INFO);
	}
	free(st);
}

FX_EXPORT const char* plugin_get_last_error(ss_plugin_t* s) { return ((counter_state*)s)->lasterr; }

FX_EXPORT const char* plugin_list_open_params(ss_plugin_t* s, ss_plugin_rc* rc) {
	(void)s;
	*rc = SS_PLUGIN_SUCCESS;
	return "[{\"value\":\"count=10\",\"desc\":\"ten events\"},"
	       "{\"value\":\"count=1000,batch=256\",\"desc\":\"a thousand events\",\"separator\":\",\"}]";
}

FX_EXPORT ss_instance_t* plugin_open(ss_plugin_t* s, const char* params, ss_plugin_rc* rc) {
	counter_state* st = (counter_state*)s;
	const char* p = params ? params : "";
	if(fx_param_u64(p, "fail_open", 0)) {
		snprintf(st->lasterr, sizeof(st->lasterr), "counter refused to open: %s", p);
		*rc = SS_PLUGIN_FAILURE;
		return NULL;
	}
	counter_instance* in = (counter_instance*)calloc(1, sizeof(counter_instance));
	in->count = fx_param_u64(p, "count", 10);
	in->batch = fx_param_u64(p, "batch", 128);
	if(in->batch == 0) {
		in->batch = 1;
	}
	in->timeout_first = fx_param_u64(p, "timeout_first", 0);
	in->timeout_every = fx_param_u64(p, "timeout_every", 0);
	in->fail_after = fx_param_u64(p, "fail_after", 0);
	in->eof_with_last = (int)fx_param_u64(p, "eof_with_last", 0);
	in->bad_at = fx_param_u64(p, "bad_at", 0);
	in->empty_success = (int)fx_param_u64(p, "empty_success", 0);
	in->start = st->start;
	char buf[32];
	in->ts_now = fx_param_str(p, "ts", buf, sizeof(buf)) && strcmp(buf, "now") == 0;
	if(fx_param_str(p, "bad", buf, sizeof(buf))) {
		in->bad = strcmp(buf, "wrong_id") == 0 ? BAD_WRONG_ID
		          : strcmp(buf, "bad_type") == 0 ? BAD_TYPE
		          : strcmp(buf, "bad_nparams") == 0 ? BAD_NPARAMS
		          : strcmp(buf, "own_id") == 0 ? BAD_OWN_ID : BAD_NONE;
	}
	in->storage = (uint8_t*)calloc(in->batch, COUNTER_EVENT_LEN);
	in->events = (ss_plugin_event**)calloc(in->batch, sizeof(ss_plugin_event*));
	for(uint64_t i = 0; i < in->batch; i++) {
		uint8_t* evt = in->storage + i * COUNTER_EVENT_LEN;
		uint64_t zero = 0;
		/* ID left at 0: the host fills in the plugin's own ID, as with the C++ SDK. */
		fx_write_plugin_event(evt, 0, 0, &zero, 8);
		in->events[i] = (ss_plugin_event*)evt;
	}
	*rc = SS_PLUGIN_SUCCESS;
	return in;
}

FX_EXPORT void plugin_close(ss_plugin_t* s, ss_instance_t* h) {
	(void)s;
	counter_instance* in = (counter_instance*)h;
	if(in == NULL) {
		return;
	}
	free(in->storage);
	free(in->events);
	free(in);
}

static void counter_apply_bad(counter_instance* in, uint8_t* evt, uint64_t index) {
	uint16_t type = PRG_PLUGIN_EVENT_TYPE;
	uint32_t nparams = 2;
	uint32_t id = 0;
	if(index == in->bad_at) {
		switch(in->bad) {
		case BAD_WRONG_ID: id = 12345; break;
		case BAD_TYPE: type = 323; break;
		case BAD_NPARAMS: nparams = 3; break;
		case BAD_OWN_ID: id = COUNTER_ID; break;
		default: break;
		}
	}
	memcpy(evt + 20, &type, 2);
	memcpy(evt + 22, &nparams, 4);
	memcpy(evt + 34, &id, 4);
}

FX_EXPORT ss_plugin_rc plugin_next_batch(ss_plugin_t* s, ss_instance_t* h, uint32_t* nevts, ss_plugin_event*** evts) {
	counter_state* st = (counter_state*)s;
	counter_instance* in = (counter_instance*)h;
	in->calls++;
	*evts = in->events;
	if(in->empty_success) {
		*nevts = 0;
		return SS_PLUGIN_SUCCESS;
	}
	if(in->calls <= in->timeout_first) {
		*nevts = 0;
		return SS_PLUGIN_TIMEOUT;
	}
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
	uint8_t* evt = in->storage;
	for(uint64_t i = 0; i < n; i++, evt += COUNTER_EVENT_LEN) {
		uint64_t value = in->start + in->produced + i;
		uint64_t ts = in->ts_now ? UINT64_MAX : 1000000000000000000ULL + value;
		memcpy(evt, &ts, 8);
		memcpy(evt + PRG_PLUGIN_EVENT_PAYLOAD_OFFSET, &value, 8);
		if(in->bad != BAD_NONE) {
			counter_apply_bad(in, evt, in->produced + i);
		}
	}
	in->produced += n;
	*nevts = (uint32_t)n;
	if(in->fail_after != 0 && in->produced >= in->fail_after) {
		snprintf(st->lasterr, sizeof(st->lasterr), "counter failed after %llu events", (unsigned long long)in->produced);
		return SS_PLUGIN_FAILURE;
	}
	if(in->eof_with_last && in->produced >= in->count) {
		return SS_PLUGIN_EOF;
	}
	if(in->timeout_every != 0 && in->calls % in->timeout_every == 0) {
		return SS_PLUGIN_TIMEOUT;
	}
	return SS_PLUGIN_SUCCESS;
}

FX_EXPORT const char* plugin_get_progress(ss_plugin_t* s, ss_instance_t* h, uint32_t* progress_pct) {
	(void)s;
	counter_instance* in = (counter_instance*)h;
	*progress_pct = in->count == 0 ? 10000 : (uint32_t)(in->produced * 10000 / in->count);
	snprintf(in->progress, sizeof(in->progress), "%llu/%llu", (unsigned long long)in->produced, (unsigned long long)in->count);
	return in->progress;
}

FX_EXPORT const char* plugin_event_to_string(ss_plugin_t* s, const ss_plugin_event_input* evt) {
	counter_state* st = (counter_state*)s;
	if(!st->to_string) {
		return "";
	}
	snprintf(st->to_string_buf, sizeof(st->to_string_buf), "counter value=%llu evtnum=%llu src=%s",
	         (unsigned long long)fx_read_u64_payload((const uint8_t*)evt->evt), (unsigned long long)evt->evtnum, evt->evtsrc);
	return st->to_string_buf;
}

FX_EXPORT ss_plugin_rc plugin_extract_fields(ss_plugin_t* s, const ss_plugin_event_input* evt, const ss_plugin_field_extract_input* in) {
	counter_state* st = (counter_state*)s;
	st->arena.used = 0;
	uint64_t value = fx_read_u64_payload((const uint8_t*)evt->evt);
	for(uint32_t i = 0; i < in->num_fields; i++) {
		ss_plugin_extract_field* f = &in->fields[i];
		f->res_len = 1;
		switch(f->field_id) {
		case 0: {
			uint64_t* v = (uint64_t*)fx_arena_alloc(&st->arena, sizeof(uint64_t));
			*v = value;
			f->res.u64 = v;
			break;
		}
		case 1: {
			ss_plugin_bool* v = (ss_plugin_bool*)fx_arena_alloc(&st->arena, sizeof(ss_plugin_bool));
			*v = value % 2 == 0;
			f->res.boolean = v;
			break;
		}
		case 2:
		case 3:
		case 4: {
			const char** v = (const char**)fx_arena_alloc(&st->arena, sizeof(char*));
			*v = f->field_id == 2 ? st->label : f->field_id == 3 ? st->config : st->tables_probe;
			f->res.str = v;
			break;
		}
		case 5: {
			/* counter.mod[n]: lets benchmarks match every n-th event with a numeric check. */
			if(!f->arg_present || f->arg_index == 0) {
				f->res_len = 0;
				break;
			}
			uint64_t* v = (uint64_t*)fx_arena_alloc(&st->arena, sizeof(uint64_t));
			*v = value % f->arg_index;
			f->res.u64 = v;
			break;
		}
		default:
			snprintf(st->lasterr, sizeof(st->lasterr), "unknown field id %u", f->field_id);
			return SS_PLUGIN_FAILURE;
		}
	}
	return SS_PLUGIN_SUCCESS;
}
