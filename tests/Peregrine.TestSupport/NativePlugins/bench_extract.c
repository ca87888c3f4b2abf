/*
 * bench_extract: a bare C host calling plugin_extract_fields on the extractor fixture, the
 * baseline for the managed host's extraction benchmark. Same event (a counter plugin event with
 * payload 7) and same eight numeric fields, asked one per call (as Falco does) and all in one call.
 *
 * usage: bench_extract <extractor.so> <iterations>
 * prints: one_per_call_ns=<ns per field> batched_ns=<ns per field>
 */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "peregrine_plugin_api.h"

typedef ss_plugin_t* (*init_fn)(const ss_plugin_init_input*, ss_plugin_rc*);
typedef ss_plugin_rc (*extract_fn)(ss_plugin_t*, const ss_plugin_event_input*, const ss_plugin_field_extract_input*);

static double now_seconds(void) {
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char** argv) {
	if(argc < 3) {
		fprintf(stderr, "usage: %s <extractor.so> <iterations>\n", argv[0]);
		return 2;
	}
	void* h = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
	if(h == NULL) {
		fprintf(stderr, "dlopen: %s\n", dlerror());
		return 1;
	}
	init_fn init = (init_fn)dlsym(h, "plugin_init");
	extract_fn extract = (extract_fn)dlsym(h, "plugin_extract_fields");
	ss_plugin_init_input in;
	memset(&in, 0, sizeof(in));
	in.config = "";
	ss_plugin_rc rc;
	ss_plugin_t* s = init(&in, &rc);

	uint8_t evt[46] = {0};
	uint32_t len = 46, nparams = 2, four = 4, eight = 8, id = 999;
	uint16_t type = 322;
	uint64_t value = 7;
	memcpy(evt + 16, &len, 4);
	memcpy(evt + 20, &type, 2);
	memcpy(evt + 22, &nparams, 4);
	memcpy(evt + 26, &four, 4);
	memcpy(evt + 30, &eight, 4);
	memcpy(evt + 34, &id, 4);
	memcpy(evt + 38, &value, 8);
	ss_plugin_event_input ei = {(const ss_plugin_event*)evt, 1, "counter"};

	/* ex.u64, ex.reltime, ex.abstime, ex.bool, ex.evtnum, ex.maybe, ex.ipv4, ex.net */
	static const uint32_t ids[8] = {1, 2, 3, 4, 18, 17, 5, 7};
	ss_plugin_extract_field fields[8];
	memset(fields, 0, sizeof(fields));
	ss_plugin_field_extract_input xi;
	memset(&xi, 0, sizeof(xi));
	xi.fields = fields;

	long iterations = atol(argv[2]);
	uint64_t checksum = 0;
	double t0 = now_seconds();
	for(long i = 0; i < iterations; i++) {
		for(int k = 0; k < 8; k++) {
			fields[0].field_id = ids[k];
			fields[0].arg_index = UINT64_MAX;
			xi.num_fields = 1;
			extract(s, &ei, &xi);
			checksum += fields[0].res_len;
		}
	}
	double t1 = now_seconds();
	for(long i = 0; i < iterations; i++) {
		for(int k = 0; k < 8; k++) {
			fields[k].field_id = ids[k];
			fields[k].arg_index = UINT64_MAX;
		}
		xi.num_fields = 8;
		extract(s, &ei, &xi);
		checksum += fields[7].res_len;
	}
	double t2 = now_seconds();
	printf("one_per_call_ns=%.2f batched_ns=%.2f checksum=%llu\n", (t1 - t0) / iterations / 8 * 1e9,
	       (t2 - t1) / iterations / 8 * 1e9, (unsigned long long)checksum);
	return 0;
}
